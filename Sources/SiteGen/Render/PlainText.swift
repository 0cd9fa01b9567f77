import CMarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// A body's text for search, made from cmark's tree by copying its texts: cmark's own plain-text
/// renderer writes each character through a generic layout routine and was a sixth of a full
/// build. What it writes is kept where it matters — every character it writes other than white
/// space, in the same order, and white space between the same characters (list markers
/// included) — and everything that reads the text (the search's terms, its text files, excerpts)
/// reads only that: runs of white space are one gap to each of them.
///
/// Tables, strikethrough and task lists write as cmark's extensions do (`table.c`,
/// `strikethrough.c`, `tasklist.c`); for a tree with footnotes or a node of another extension,
/// nil (the caller asks cmark).
enum PlainText {
    static func of(_ document: OpaquePointer) -> [UInt8]? {
        guard let iter = cmark_iter_new(document) else { return nil }
        defer { cmark_iter_free(iter) }
        var writer = Writer()
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let known = cmark_node_get_syntax_extension(node) == nil
                ? writer.visit(node, type: cmark_node_get_type(node), entering: entering)
                : writer.visitExtension(node, entering: entering)
            guard known else { return nil }
        }
        return writer.out
    }

    /// cmark's plain-text rules (`plaintext.c`), node by node; a gap stands for its line breaks.
    private struct Writer {
        var out: [UInt8] = []
        /// A gap is owed before the next character (cmark's pending line break).
        var gapOwed = false
        /// The next item's number in each list open, innermost last: an item shows its list's start
        /// plus the items before it (task list items count too, though they show none).
        var listNumbers: [Int] = []

        /// False for a node these rules do not cover.
        mutating func visit(_ node: OpaquePointer, type: cmark_node_type, entering: Bool) -> Bool {
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                write(cmark_node_get_literal(node), escapingBars: tables > 0 && Self.escapesBars(node))
            case CMARK_NODE_CODE_BLOCK:
                gapOwed = true
                write(cmark_node_get_literal(node))
                gapOwed = true
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_THEMATIC_BREAK:
                gapOwed = true
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if !entering { gapOwed = true }
            case CMARK_NODE_LIST:
                if entering { listNumbers.append(Int(cmark_node_get_list_start(node))) } else { listNumbers.removeLast() }
            case CMARK_NODE_ITEM:
                item(node, entering: entering)
            case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK,
                 CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
                 CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                break
            default:
                return false
            }
            return true
        }

        /// Tables open: a `|` in a cell's text gets a backslash.
        var tables = 0

        /// A node an extension made: a table writes `|` around each cell and a `---` row under
        /// its header, strikethrough a `~` on each side, a task list item `- [x]` or `- [ ]`.
        mutating func visitExtension(_ node: OpaquePointer, entering: Bool) -> Bool {
            guard let name = cmark_node_get_type_string(node).map({ String(cString: $0) }) else { return false }
            switch name {
            case "table":
                tables += entering ? 1 : -1
                gapOwed = true
            case "table_row", "table_header":
                if entering {
                    gapOwed = true
                    write("|")
                }
            case "table_cell":
                gapOwed = true
                guard !entering else { return true }
                write("|")
                if let row = cmark_node_parent(node), cmark_gfm_extensions_get_table_row_is_header(row) != 0,
                   cmark_node_next(node) == nil, let table = cmark_node_parent(row) {
                    headerRule(table)
                }
            case "strikethrough":
                write("~")
            case "tasklist":
                // In place of the item's own marker (its number is not counted either).
                gapOwed = true
                if entering {
                    _ = nextNumber()
                    let checked = cmark_gfm_extensions_get_tasklist_item_checked(node)
                    write("-")
                    gapOwed = true
                    if checked {
                        write("[x]")
                    } else {
                        write("[")
                        gapOwed = true
                        write("]")
                    }
                    gapOwed = true
                }
            default:
                return false
            }
            return true
        }

        /// `| --- | :-: |` under a table's header row.
        private mutating func headerRule(_ table: OpaquePointer) {
            let columns = Int(cmark_gfm_extensions_get_table_columns(table))
            guard let alignments = cmark_gfm_extensions_get_table_alignments(table) else { return }
            gapOwed = true
            write("|")
            for i in 0..<columns {
                gapOwed = true
                switch alignments[i] {
                case UInt8(ascii: "l"): write(":--")
                case UInt8(ascii: "c"): write(":-:")
                case UInt8(ascii: "r"): write("--:")
                default: write("---")
                }
                gapOwed = true
                write("|")
            }
            gapOwed = true
        }

        /// cmark escapes `|` in a text whose nearest node of an extension is part of a table
        /// (not, say, a strikethrough inside a cell).
        private static func escapesBars(_ node: OpaquePointer) -> Bool {
            var n = cmark_node_parent(node)
            while let current = n {
                if cmark_node_get_syntax_extension(current) != nil {
                    return cmark_node_get_type_string(current).map { String(cString: $0).hasPrefix("table") } ?? false
                }
                n = cmark_node_parent(current)
            }
            return false
        }

        /// An item's marker ("-", or its number with "." or ")"), with a gap on both sides.
        private mutating func item(_ node: OpaquePointer, entering: Bool) {
            guard let list = cmark_node_parent(node) else { return }
            guard entering else {
                gapOwed = true
                return
            }
            gapOwed = true
            let number = nextNumber()
            if cmark_node_get_list_type(list) == CMARK_BULLET_LIST {
                write("-")
            } else {
                write(String(number) + (cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ")" : "."))
            }
            gapOwed = true
        }

        private mutating func nextNumber() -> Int {
            guard let number = listNumbers.last else { return 0 }
            listNumbers[listNumbers.count - 1] += 1
            return number
        }

        private mutating func write(_ text: String) {
            var text = text
            text.withUTF8 { write(bytes: $0) }
        }

        private mutating func write(_ literal: UnsafePointer<CChar>?, escapingBars: Bool = false) {
            guard let literal else { return }
            let count = strlen(literal)
            literal.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
                let text = UnsafeBufferPointer(start: bytes, count: count)
                guard escapingBars, text.contains(UInt8(ascii: "|")) else { return write(bytes: text) }
                for b in text {
                    if b == UInt8(ascii: "|") { append(UInt8(ascii: "\\")) }
                    append(b)
                }
            }
        }

        private mutating func append(_ byte: UInt8) {
            if gapOwed && !out.isEmpty { out.append(10) }
            gapOwed = false
            out.append(byte)
        }

        private mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
            guard !bytes.isEmpty else { return }
            if gapOwed && !out.isEmpty { out.append(10) }
            gapOwed = false
            out.append(contentsOf: bytes)
        }
    }
}
