#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether this string comes before `other` in the byte order of their UTF-8 (the order files
    /// and indexes are written in, the same on every machine). memcmp where both are stored as
    /// UTF-8 in one piece, as nearly every string is: the generic comparison of two UTF-8 views
    /// was a tenth of saving the build cache.
    func utf8Precedes(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let n = min(a.count, b.count)
                let c = n == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, n)
                return c != 0 ? c < 0 : a.count < b.count
            }
        }
        if let result = fast ?? nil { return result }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}
