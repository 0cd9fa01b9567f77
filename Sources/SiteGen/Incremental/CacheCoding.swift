/// How the cache file writes and reads the engine's own types (see `BuildCache+File.swift`).
extension ByteWriter {
    mutating func yaml(_ v: YAMLValue) {
        switch v {
        case .null(let line): int(0); int(line)
        case .scalar(let text, let line, let column, let quoted): int(1); string(text); int(line); int(column); bool(quoted)
        case .list(let items, let line):
            int(2); int(line); int(items.count)
            for item in items { yaml(item) }
        case .map(let map):
            int(3); int(map.line); int(map.entries.count)
            for e in map.entries { string(e.key); int(e.keyLine); yaml(e.value) }
        }
    }

    mutating func source(_ s: SourceRef) {
        string(s.path)
        string(s.display)
        int(s.bodyFirstLine)
        int(s.keyLines.count)
        for (key, line) in sortedByKey(s.keyLines) { string(key); int(line) }
    }

    mutating func linkTarget(_ t: LinkTarget) {
        switch t {
        case .keep: int(0)
        case .rewrite(let url, let check):
            int(1)
            string(url)
            bool(check != nil)
            if let check { string(check.target); string(check.fragment) }
        case .broken(let message): int(2); string(message)
        case .dangerous: int(3)
        case .download(let url, let format, let size): int(4); string(url); string(format); int(size)
        }
    }

    mutating func diagnostics(_ list: [Diagnostic]) {
        int(list.count)
        for d in list {
            bool(d.severity == .error)
            string(d.file)
            optionalInt(d.line)
            optionalInt(d.column)
            string(d.message)
        }
    }
}

extension ByteReader {
    /// - Parameter depth: nesting so far; a damaged file cannot make the reader recurse without end.
    mutating func yaml(depth: Int) throws -> YAMLValue {
        guard depth < 200 else { throw Damaged() }
        switch try int() {
        case 0: return .null(line: try int())
        case 1: return .scalar(try string(), line: try int(), column: try int(), quoted: try bool())
        case 2:
            let line = try int()
            return .list(try count().map { _ in try yaml(depth: depth + 1) }, line: line)
        case 3:
            let line = try int()
            let entries = try count().map { _ in YAMLMap.Entry(key: try string(), keyLine: try int(), value: try yaml(depth: depth + 1)) }
            return .map(YAMLMap(entries: entries, line: line))
        default: throw Damaged()
        }
    }

    mutating func source() throws -> SourceRef {
        var s = SourceRef(path: try string(), display: try string(), bodyFirstLine: try int())
        for _ in try count() { s.keyLines[try string()] = try int() }
        return s
    }

    mutating func linkTarget() throws -> LinkTarget {
        switch try int() {
        case 0: return .keep
        case 1:
            let url = try string()
            return .rewrite(url, anchorCheck: try bool() ? (target: try string(), fragment: try string()) : nil)
        case 2: return .broken(try string())
        case 3: return .dangerous
        case 4: return .download(try string(), format: try string(), size: try int())
        default: throw Damaged()
        }
    }

    mutating func diagnostics() throws -> [Diagnostic] {
        try count().map { _ in
            Diagnostic(try bool() ? .error : .warning, file: try string(), line: try optionalInt(), column: try optionalInt(), try string())
        }
    }
}
