import Foundation
import Testing
@testable import SiteGen

/// The theme's scripts go out without comment lines and indentation, and still run.
@Suite struct ScriptMinifierTests {
    @Test func commentLinesAndIndentationGoCodeStays() {
        let source = "// Kopf\n(function () {\n  // Zeile\n  var a = \"http://x\"; // bleibt\n\n  return a;\n})();\n"
        let out = String(decoding: ScriptMinifier.minified(Array(source.utf8)), as: UTF8.self)
        #expect(out == "(function () {\nvar a = \"http://x\"; // bleibt\nreturn a;\n})();\n")
    }

    @Test func aTemplateLiteralLeavesTheScriptAsItIs() {
        let source = "var t = `a\n    b`;\n// c\n"
        #expect(ScriptMinifier.minified(Array(source.utf8)) == Array(source.utf8))
    }

    /// search.js as published: a quarter smaller, and Node still reads it.
    @Test func thePublishedSearchScriptIsSmallerAndValid() throws {
        let source = try LocalFileSystem().readFile(TestSupport.templates + "/assets/search.js")
        let out = ScriptMinifier.minified(source)
        #expect(out.count < source.count * 85 / 100)
        guard let node = SearchScript.node else {
            Issue.record("node is missing (scripts/test installs it)")
            return
        }
        let file = NSTemporaryDirectory() + "search-min-\(UUID().uuidString).js"
        try Data(out).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["--check", file]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
