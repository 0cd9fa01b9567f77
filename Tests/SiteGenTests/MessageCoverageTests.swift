import Foundation
import Testing
@testable import SiteGen

/// Every message the tool prints has its German text, and every German text a message: a message
/// added without a translation (on any branch) fails here with its file and line.
@Suite struct MessageCoverageTests {
    let catalogue = MessageCatalogue.german

    /// Each message literal of the sources (see `MessageSources`), filled with sample values, has an entry.
    @Test func everyMessageInTheSourcesHasAGermanText() {
        let found = MessageSources.messages
        #expect(found.count > 250, "the scanner finds too few messages: \(found.count)")
        let missing = found.filter { MessageSources.notMessages[$0.text] == nil && catalogue.german(MessageSources.filled($0.text)) == nil }
        #expect(missing.isEmpty, """
            \(missing.count) messages have no German text in Sources/SiteGen/Messages/GermanMessages*.swift \
            (a key is the English text with {} for each varying part; or, if it is no message, add it to MessageSources.notMessages):
            \(missing.map(\.description).joined(separator: "\n"))
            """)
    }

    /// The allow-list names texts the sources still have, so it does not rot either.
    @Test func theAllowListNamesOnlyTextsInTheSources() {
        let texts = Set(MessageSources.literals.map(\.literal.text))
        let gone = MessageSources.notMessages.keys.filter { !texts.contains($0) }.sorted()
        #expect(gone.isEmpty, "MessageSources.notMessages names texts no source has: \(gone)")
    }

    /// Every entry is used by some text of the sources (or is one of libyaml's or ArgumentParser's), so the
    /// catalogue keeps no translations of messages that are gone.
    @Test func everyEntryIsUsed() {
        var used = Set<Int>()
        for (file, literal) in MessageSources.literals {
            for text in [literal.text] + MessageSources.shapes(literal, file: file) {
                used.formUnion(catalogue.entriesUsed(by: MessageSources.filled(text)))
            }
        }
        let external = Set((GermanMessages.yamlParser + GermanMessages.argumentParser + GermanMessages.systemErrors).map(\.english))
        let unused = GermanMessages.pairs.enumerated().filter { !used.contains($0.offset) && !external.contains($0.element.english) }.map(\.element.english)
        #expect(unused.isEmpty, "entries no text of the sources produces (remove them, or the message lost its shape):\n\(unused.joined(separator: "\n"))")
    }

    /// Each area's array is sorted by key, no key is there twice, and each German text names only
    /// parts its key has.
    @Test func theCatalogueIsSortedAndItsTextsFitTheirKeys() {
        let areas: [(String, [(english: String, german: String)])] = [
            ("clauses", GermanMessages.clauses), ("load", GermanMessages.load), ("yamlParser", GermanMessages.yamlParser),
            ("files", GermanMessages.files), ("systemErrors", GermanMessages.systemErrors), ("model", GermanMessages.model), ("languages", GermanMessages.languages), ("render", GermanMessages.render),
            ("check", GermanMessages.check), ("templates", GermanMessages.templates), ("commandLine", GermanMessages.commandLine),
            ("argumentParser", GermanMessages.argumentParser),
        ]
        #expect(areas.map(\.1.count).reduce(0, +) == GermanMessages.pairs.count, "an area is missing from GermanMessages.pairs")
        for (name, pairs) in areas {
            let keys = pairs.map(\.english)
            #expect(keys == keys.sorted(), "GermanMessages.\(name) is not sorted by key")
        }
        let keys = GermanMessages.pairs.map(\.english)
        #expect(Set(keys).count == keys.count, "keys twice: \(Dictionary(grouping: keys) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        for (english, german) in GermanMessages.pairs {
            let parts = english.components(separatedBy: "{}").count - 1
            let named = german.matches(of: /\{([0-9]+)\}/).compactMap { Int($0.output.1) }
            #expect(named.allSatisfy { $0 >= 1 && $0 <= parts }, "'\(german)' names a part '\(english)' does not have")
            #expect(!german.contains("'{"), "'\(german)': German quotes „…“ around names and values")
            #expect(!english.contains("{}{}"), "'\(english)': two parts next to each other cannot be told apart")
        }
    }
}

/// The scanner behind the coverage test reads what the catalogue needs to see.
@Suite struct SwiftLiteralsTests {
    static let source = ##"""
        // "not this"
        /* nor "this" /* nested "x" */ */
        d.append(.warning(file, line: 3,
            "first part " +
            "second part \(name.map { "inner \($0)" } ?? "") here" + suffix))
        let m = #"raw \(x) "quoted" \#(y)"#
        @Option(help: "a help text") var a = 1
        print(Terminal.text("Built \(Terminal.count(n, "error")) in {{{\(t)}}}"))
        let s = """
            multi \(line)
            """
        throw FileSystemError(path: p, message: "cannot be read (\(String(cString: strerror(errno))))")
        let note = "some plain prose"
        """##

    @Test func literalsAreReadAsTheCatalogueSeesThem() throws {
        let found = SwiftLiterals.scan(Self.source)
        #expect(found.map(\.text) == [
            "first part second part {} here{}", "inner {}", "", "raw \\(x) \"quoted\" {}", "a help text", "Built {} in {{{{}}}}", "error",
            "multi {}", "cannot be read ({})", "some plain prose",
        ], "\(found.map(\.text))")
        guard found.count == 10 else { return }
        #expect(found[0].line == 4 && found[0].callNames == ["append", "warning"])
        #expect(found[1].callNames == ["append", "warning"])
        #expect(found[4].label == "help")
        #expect(found[5].calls.compactMap { $0 } == ["print", "Terminal.text"])
        #expect(found[6].calls.compactMap { $0 } == ["print", "Terminal.text", "Terminal.count"])
        #expect(found[9].calls.isEmpty && found[9].line == 13)
    }

    @Test func theRulesPickMessagesAndTheirShapes() {
        let found = SwiftLiterals.scan(Self.source)
        let shapes = found.map { MessageSources.shapes($0, file: "Sources/sitegen/X.swift") }
        #expect(shapes == [["first part second part {} here{}"], [], [], [], [], ["Built {} in {{{{}}}}"], ["{} error", "{} errors"], [],
                           ["{}: cannot be read ({})"], ["some plain prose"]], "\(shapes)")
        guard found.count == 10 else { return }
        // In a file that makes the site, only what a message call gets counts.
        #expect(MessageSources.shapes(found[9], file: "Sources/SiteGen/Render/Views/X.swift").isEmpty)
        #expect(MessageSources.shapes(found[0], file: "Sources/SiteGen/Render/Views/X.swift") == ["first part second part {} here{}"])
        #expect(MessageSources.filled("a {} b {}{}") == "a x1 b x2x3")
    }
}
