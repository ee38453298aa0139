// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ReachSim",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ReachSim", targets: ["ReachSim"]),
        .executable(name: "reachsim", targets: ["reachsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // GNU Scientific Library through pkg-config; no stable API (see Sources/CGSL/README.md).
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(
            name: "ReachSim",
            dependencies: [
                "CGSL",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
        ),
        .executableTarget(
            name: "reachsim",
            dependencies: [
                "ReachSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ReachSimTests",
            // `reachsim` so that end-to-end tests can run the real command.
            dependencies: ["ReachSim", "reachsim", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
