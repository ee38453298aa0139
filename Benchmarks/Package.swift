// swift-tools-version: 6.1
// ReachSim's benchmarks, in their own package so that library users never pull in
// package-benchmark. Run with `swift package benchmark` from this folder (or `make bench`).
import Foundation
import PackageDescription

// A path dependency is named after its folder, not its manifest's name: compute it so that a
// checkout under another folder name still builds.
let parentName = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

/// One executable per suite. CI checks the first three against `Thresholds/` (`make bench-check`);
/// the last two run on demand.
let suites = ["CascadeBenchmarks", "GraphBenchmarks", "EngineBenchmarks", "RunBenchmarks", "LargeScenarioBenchmarks"]

let package = Package(
    name: "ReachSimBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        // MallocInterposer only: the default trait pulls a package this machine does not mirror.
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Metrics, tolerances and inputs shared by every suite.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "ReachSim", package: parentName),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/BenchmarkSupport"
        ),
    ] + suites.map { suite in
        .executableTarget(
            name: suite,
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ReachSim", package: parentName),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/\(suite)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    }
)
