import CZlib

/// A PDF's compressed object streams (`/Type /ObjStm`): where PDF 1.5 and newer keep dictionaries,
/// the catalogue with its `/StructTreeRoot` and `/Lang` among them.
extension PDFAccessibility {
    /// The raw data of each object stream, in file order.
    static func objectStreams(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var streams: [ArraySlice<UInt8>] = []
        var from = 0
        while let type = bytes.offset(of: "/ObjStm", from: from) {
            from = type + 7
            guard let keyword = bytes.offset(of: "stream", from: from), let end = bytes.offset(of: "endstream", from: keyword) else { break }
            // The data starts after the end of the `stream` line (CR LF or LF).
            var start = keyword + 6
            if start < end, bytes[start] == 13 { start += 1 }
            if start < end, bytes[start] == 10 { start += 1 }
            streams.append(bytes[start..<end])
            from = end
        }
        return streams
    }

    /// zlib data unpacked (what a FlateDecode stream holds), at most `limit` bytes; nil when it is
    /// not zlib data. Data cut short gives what it held up to there.
    static func inflate(_ data: ArraySlice<UInt8>, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return data.withUnsafeBufferPointer { input -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                out += chunk[..<(chunk.count - Int(stream.avail_out))]
                if status == Z_STREAM_END || out.count >= limit { return out }
                if status != Z_OK { return out.isEmpty ? nil : out }
            }
        }
    }
}
