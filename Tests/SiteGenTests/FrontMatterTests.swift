import Testing
@testable import SiteGen

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\n\nBody\n")
        #expect(split.yaml == "title: A\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\nBody\n")
        #expect(split.bodyFirstLine == 4)
        #expect(split.hasFrontMatter)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Hallo\n")
        #expect(!split.hasFrontMatter)
        #expect(split.body == "# Hallo\n")
    }

    @Test func unclosedFrontMatterIsAnErrorOnLine1() {
        #expect(throws: FrontMatterError.self) { try FrontMatter.split("---\ntitle: A\nBody\n") }
        do { _ = try FrontMatter.split("---\ntitle: A\n") } catch { #expect(error.line == 1); #expect(error.message.contains("not closed")) }
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Grüße\r\n---\r\nText\r\n".utf8)
        let text = try #require(FrontMatter.decodeText(bytes))
        #expect(!text.contains("\r"))
        let split = try FrontMatter.split(text)
        #expect(split.yaml == "title: Grüße\n")
        #expect(split.body == "Text\n")
    }

    @Test func invalidUTF8AndBinaryAreRejected() {
        #expect(FrontMatter.decodeText([0x2D, 0xFF, 0xFE]) == nil)
        #expect(FrontMatter.decodeText([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]) == nil)
    }

    @Test func yamlSyntaxErrorReportsTheFileLine() {
        // Line 1 is '---', so the broken third YAML line is file line 4.
        do {
            _ = try YAMLReader.parse("title: A\nsummary: B\nfields: [a, b\n", firstLine: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4 || error.line == 5)
            #expect(error.message.contains("YAML syntax error"))
        }
    }

    @Test func valuesKeepTheirLines() throws {
        let value = try YAMLReader.parse("title: A\nfields:\n  - x\n  - y\n", firstLine: 2)
        guard case .map(let map)? = value else { Issue.record("not a map"); return }
        #expect(map.entry("title")?.keyLine == 2)
        #expect(map.entry("fields")?.keyLine == 3)
    }

    @Test func aliasBombIsRejectedQuickly() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let clock = Stopwatch()
        #expect(throws: YAMLError.self) { try YAMLReader.parse(yaml, firstLine: 2) }
        #expect(clock.total < 5)
    }

    @Test func duplicateKeysAreAnError() {
        #expect(throws: YAMLError.self) { try YAMLReader.parse("title: A\ntitle: B\n", firstLine: 2) }
    }
}
