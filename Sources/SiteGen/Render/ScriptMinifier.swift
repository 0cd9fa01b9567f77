/// The theme's own JavaScript as visitors download it: without its comment lines, indentation and
/// empty lines (a quarter less to transfer for search.js, gzipped). Only whole comment lines go:
/// a `//` after code may stand in a string, and every line break stays, so no statement changes.
/// A script with a template literal (whose lines may hold meaningful spaces) is left as it is.
enum ScriptMinifier {
    static func minified(_ source: [UInt8]) -> [UInt8] {
        let lines = source.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        let backtick = UInt8(ascii: "`")
        if lines.contains(where: { !isComment($0) && $0.contains(backtick) }) { return source }
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        for line in lines where !isComment(line) {
            let code = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if code.isEmpty { continue }
            out += code
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    private static func isComment(_ line: ArraySlice<UInt8>) -> Bool {
        line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.starts(with: Array("//".utf8))
    }
}
