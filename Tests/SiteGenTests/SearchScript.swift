import Foundation
import Testing

/// search.js's text functions (folding, stemmers, excerpts: the part between "---- text" and
/// "---- index loading", no page around them), run in Node by the tests that compare them with Swift.
enum SearchScript {
    static var node: String? {
        ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func textSection() throws -> String {
        let script = try String(contentsOfFile: TestSupport.templates + "/assets/search.js", encoding: .utf8)
        let start = try #require(script.range(of: "  // ---- text"))
        let end = try #require(script.range(of: "  // ---- index loading"))
        return String(script[start.lowerBound..<end.lowerBound])
    }

    /// What `source` prints, given `input` on its standard input.
    static func run(_ node: String, _ source: String, input: String = "") throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", source]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
