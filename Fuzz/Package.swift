// swift-tools-version: 6.1
// Fuzz targets for ReachSim's input readers (libFuzzer through the Swift toolchain). A package of
// its own: a fuzz target has no `main` and needs `-sanitize=fuzzer`, so it cannot live in the
// main build. Run with `bash run.sh` (see README.md).
import Foundation
import PackageDescription

let parentName = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ReachSimFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport", .product(name: "ReachSim", package: parentName)]),
        .executableTarget(name: "FuzzEdgeList", dependencies: ["FuzzSupport", .product(name: "ReachSim", package: parentName)]),
        .executableTarget(name: "FuzzImport", dependencies: ["FuzzSupport", .product(name: "ReachSim", package: parentName)]),
    ]
)
