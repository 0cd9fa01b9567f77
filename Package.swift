// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SiteGen", targets: ["SiteGen"]),
        .library(name: "MustacheEngine", targets: ["MustacheEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        // libcmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The mimalloc allocator (Debian libmimalloc-dev), linked into the `sitegen` command only:
        // glibc's malloc was 12 % of a large build's CPU time, mimalloc's is 5 % (bench/README.md).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // libvips from Debian (libvips-dev): photos resized, converted to sRGB, stripped of metadata.
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        // Plain C functions around the libvips calls the image step makes (Swift cannot call variadic C).
        // GLib's headers only (libvips's need them): libvips itself is opened when an image needs it.
        .systemLibrary(name: "CGLibHeaders", pkgConfig: "glib-2.0", providers: [.apt(["libglib2.0-dev"])]),
        .target(name: "CImageCodec", dependencies: ["CGLibHeaders"], linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // zlib (Debian zlib1g-dev, which libvips-dev brings): a PDF's compressed object streams,
        // read for the accessibility check of downloads.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Declarations glibc hides from Swift (renameat2 for the atomic output swap).
        .systemLibrary(name: "CLinuxShims"),
        // HTTP status of an address through the system's libcurl, loaded only when
        // `check --external` runs (FoundationNetworking would load it for every command).
        .target(name: "CLinkCheck", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Our Mustache engine: templates compiled once, rendered from typed views (knows nothing of the site).
        .target(name: "MustacheEngine"),
        // The engine: load → model → render → write, plus check.
        .target(
            name: "SiteGen",
            dependencies: [
                "CMarkGFM",
                "CLinuxShims",
                "CLinkCheck",
                "CImageCodec",
                "CZlib",
                "MustacheEngine",
                .product(name: "Yams", package: "Yams"),
            ],
            // Only files that import Foundation see its String methods: its `contains`/`range(of:)`
            // go through NSString and were a tenth of the build time when they leaked everywhere.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The preview server (kept apart so the engine builds without Hummingbird).
        .target(
            name: "SiteGenServe",
            dependencies: [
                "SiteGen",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The thin command-line front.
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "CMimalloc",
                "SiteGen",
                "SiteGenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Made-up photos (with the personal data phones record) for the tests, the benchmark and the example site.
        // Starts libvips through CImageCodec's one `sg_codec_start`: two threads' first VIPS_INIT at
        // once let the second use libvips before it was ready (an assertion in its class table).
        .target(name: "CTestImages", dependencies: ["CVips", "CImageCodec"], path: "Tests/CTestImages"),
        .testTarget(name: "MustacheEngineTests", dependencies: ["MustacheEngine"]),
        .testTarget(
            name: "SiteGenServeTests",
            dependencies: ["SiteGenServe", "SiteGen", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .testTarget(
            name: "SiteGenTests",
            dependencies: ["SiteGen", "CTestImages"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
