/// Short ASCII texts made of zero-padded numbers (dates, times, offsets), written as bytes.
/// Every page, feed entry, sitemap line and calendar has some, and string interpolation costs
/// thousands of instructions for each.
struct ASCIIDigits {
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    /// The text `write` makes; `capacity` must hold it (numbers wider than their field take
    /// more room: give the widest case).
    static func string(capacity: Int, _ write: (inout ASCIIDigits) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var digits = ASCIIDigits(buffer: buffer)
            write(&digits)
            return digits.count
        }
    }

    /// `n` with at least `width` digits, zero-padded; a negative number (no date a site has)
    /// starts with its sign.
    mutating func number(_ n: Int, width: Int) {
        let magnitude = n.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        if n < 0 { byte(UInt8(ascii: "-")) }
        for _ in 0..<max(0, width - digits) { byte(UInt8(ascii: "0")) }
        var value = magnitude
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            buffer[i] = UInt8(ascii: "0") &+ UInt8(value % 10)
            value /= 10
        }
        count += digits
    }

    mutating func byte(_ b: UInt8) {
        buffer[count] = b
        count += 1
    }
}
