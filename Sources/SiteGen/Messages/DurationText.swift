/// A duration as the tool prints it: `12.3 ms`, `1.24 s`; in German with a decimal comma
/// (`0,57 s`), as German numbers are written.
public enum DurationText {
    public static func of(_ seconds: Double, in language: MessageLanguage) -> String {
        guard seconds < 1 else { return Self.seconds(seconds, in: language) }
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10)\(language == .de ? "," : ".")\(tenths % 10) ms"
    }

    /// Seconds with two decimals (`1.24 s`, `0,06 s`), also below one second: the build's summary.
    public static func seconds(_ seconds: Double, in language: MessageLanguage) -> String {
        let point = language == .de ? "," : "."
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100)\(point)\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }
}
