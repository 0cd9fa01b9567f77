/// A picture published as it is (a theme's photo, a GIF of the content): without personal
/// metadata, or not at all. Bytes that are not the format their name says, or that end early,
/// cannot be cleaned, and would go out with GPS position, camera and owner.
enum PictureAsIs {
    struct Refusal: Error {
        let message: String
    }

    /// The bytes to publish, or why the picture is not published.
    static func cleaned(_ bytes: [UInt8], _ format: ImageFormat) -> Result<[UInt8], Refusal> {
        if let problem = format.mismatch(bytes) { return .failure(Refusal(message: problem)) }
        guard let clean = MetadataScrub.original(bytes, format) else {
            return .failure(Refusal(message: "cannot be read to its end (it is cut off or damaged), so its metadata (where and with which camera the picture was taken) cannot be removed, and it is not published; export it again"))
        }
        return .success(clean)
    }
}
