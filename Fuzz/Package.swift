// swift-tools-version:6.0
// A libFuzzer target for sitegen's input handling. Build and run (Linux):
//   cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address
//   .build/debug/SiteGenFuzz -max_total_time=600 corpus/
import Foundation
import PackageDescription

// A path dependency is named after its folder, which depends on where the repository was cloned.
let rootName = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "SiteGenFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "SiteGenFuzz",
            dependencies: [.product(name: "SiteGen", package: rootName), .product(name: "MustacheEngine", package: rootName)]
        ),
    ]
)
