/// Partials, parents and blocks.
extension RenderState {
    /// A partial rendered with a view that has a `memoIdentity` on top of the stack is kept and
    /// reused while that view lives, under any stack. What it read below the view is kept with it,
    /// by instruction: from frames between the globals and the view with the value's fingerprint,
    /// else where the name was found (the globals, which do not change in a render pass, or
    /// nowhere). It is reused only where those names give the same values again (a page's header
    /// reads the page's language links, which most pages do not have) and are found in the same
    /// place (a card shown by a list whose view has a name the card took from the globals).
    mutating func partial(_ op: Op) {
        guard op.a >= 0 else { return }
        let number = Int(op.a)
        let template = code.templates[number]
        let extra = indentation(op)
        let base = frames.count - 1
        guard indent.isEmpty, extra?.isEmpty ?? true, !template.usesBlocks, base > 0,
              case .object(let top) = values[base], let identity = top.memoIdentity else {
            expand(template, indent: extra)
            return
        }
        let key = MemoKey(template: number, escapes: escapes, view: ObjectIdentifier(identity))
        if let kept = renderer.reused(key), readsAgree(kept.reads) {
            out.append(kept.output)
            return
        }
        let outerTruncated = truncated
        truncated = false
        recordings.append(Recording(base: base))
        let start = out.count
        expand(template, indent: extra)
        let recording = recordings.removeLast()
        if !truncated && recording.reusable && recording.reads.count <= Recording.maximumReads {
            renderer.keep(key, identity, out.bytes(from: start), reads: recording.reads)
        }
        truncated = truncated || outerTruncated
    }

    /// Whether the names a kept partial read from below its view give the same values here. Each
    /// is looked up again (or, when found in the globals or nowhere, its frame), so a partial
    /// being recorded around this one records them too.
    mutating func readsAgree(_ reads: [Recording.Read]) -> Bool {
        for read in reads {
            let index = Int(read.op)
            let op = code.ops[index]
            if read.place == Recording.inFrame {
                guard Recording.fingerprint(lookup(op, at: index)) == read.fingerprint else { return false }
                continue
            }
            // The globals do not change in a render pass: where the name is found is all that counts.
            let frame = frameOf(op)
            guard frame <= 0 && read.place == (frame == 0 ? Recording.atGlobals : Recording.nowhere) else { return false }
            if !recordings.isEmpty { record(index, place: read.place, frame: frame) }
        }
        return true
    }

    /// Notes a value found in frame `frame` for every partial being recorded whose view is above it.
    mutating func record(_ index: Int, _ value: Value, frame: Int) {
        let fingerprint = Recording.fingerprint(value)
        for r in recordings.indices.reversed() {
            guard frame < recordings[r].base else { break }
            guard let fingerprint else {
                recordings[r].reusable = false
                continue
            }
            // Frames below a partial's view do not change while it renders: one read per name.
            if !recordings[r].reads.contains(where: { $0.op == Int32(index) }) {
                recordings[r].reads.append(Recording.Read(op: Int32(index), place: Recording.inFrame, fingerprint: fingerprint))
            }
        }
    }

    /// Notes that a name was found in the globals or nowhere, for every partial being recorded
    /// whose view is above `frame`.
    mutating func record(_ index: Int, place: Int8, frame: Int) {
        for r in recordings.indices.reversed() {
            guard frame < recordings[r].base else { break }
            if !recordings[r].reads.contains(where: { $0.op == Int32(index) }) {
                recordings[r].reads.append(Recording.Read(op: Int32(index), place: place, fingerprint: 0))
            }
        }
    }

    /// The indentation a partial, parent or block tag gives: nil inside a line, the line's
    /// leading whitespace when the tag stood alone on its line.
    func indentation(_ op: Op) -> UnsafeBufferPointer<UInt8>? {
        op.indentCount < 0 ? nil : UnsafeBufferPointer(rebasing: code.text[Int(op.indentStart)..<Int(op.indentStart + op.indentCount)])
    }

    /// Renders another template here: with the line's indentation added when its tag stood alone
    /// on its line, without any when it stood inside a line. It escapes as the template being
    /// rendered does (a partial named `x.txt` inside an HTML page still escapes).
    mutating func expand(_ template: ProgramTemplate, indent extra: UnsafeBufferPointer<UInt8>?) {
        guard expansions < Self.maximumExpansions, totalExpansions < Self.maximumTotalExpansions else {
            truncated = true
            return
        }
        expansions += 1
        totalExpansions += 1
        defer { expansions -= 1 }
        let savedIndent = indent
        if let extra {
            indent += extra
            atLineStart = true
        } else {
            indent = []
        }
        run(template.start, template.end)
        indent = savedIndent
    }

    mutating func parent(_ op: Op) {
        guard op.a >= 0 else { return }
        // Overrides given further out win over these (the outermost template decides).
        let saved = overrides.count
        overrides += code.arguments[Int(op.b)..<Int(op.b + op.c)]
        expand(code.templates[Int(op.a)], indent: indentation(op))
        overrides.removeSubrange(saved...)
    }

    /// A block whose default content is `start..<op.b`.
    mutating func block(_ op: Op, _ start: Int32) {
        let override = overrides.first { $0.symbol == op.a }
        let (from, to) = override.map { ($0.start, $0.end) } ?? (start, op.b)
        guard let extra = indentation(op) else {
            run(from, to)
            return
        }
        let savedIndent = indent
        indent += extra
        atLineStart = true
        run(from, to)
        indent = savedIndent
    }
}

/// What a partial being rendered for reuse read from below its view.
struct Recording {
    struct Read {
        let op: Int32
        /// `inFrame`, `atGlobals` or `nowhere`.
        let place: Int8
        /// The value's, for a read `inFrame`.
        let fingerprint: UInt64
    }
    static let inFrame: Int8 = 0, atGlobals: Int8 = 1, nowhere: Int8 = 2
    /// The frame of the partial's view.
    let base: Int
    var reads: [Read] = []
    /// False once it read a value too costly to compare (see `fingerprint`).
    var reusable = true
    /// More reads than this cost more to check than rendering saves: not kept.
    static let maximumReads = 16

    /// A value's fingerprint when it is cheap to make: not for a list with items, or an object
    /// that does not keep its fingerprint (whose values would all be visited on every reuse).
    static func fingerprint(_ value: Value) -> UInt64? {
        switch value {
        case .list(let list) where list.count > 0: nil
        case .object(let object): object.storedFingerprint
        default: Fingerprint.of(value)
        }
    }
}
