import Benchmark
import BenchmarkSupport
import Foundation
import ReachSim

/// The institution-scale scenario, `scenarios/large-institution.yaml`: on demand only, when the
/// file exists and REACHSIM_BENCH_LARGE=1 is set (it takes minutes and gigabytes):
///
///     REACHSIM_BENCH_LARGE=1 swift package benchmark --target LargeScenarioBenchmarks
///
/// Without both, the suite defines no benchmark.
let benchmarks: @Sendable () -> Void = {
    let path = BenchmarkSupport.scenarios.appendingPathComponent("large-institution.yaml").path
    guard ProcessInfo.processInfo.environment["REACHSIM_BENCH_LARGE"] == "1",
          FileManager.default.fileExists(atPath: path) else { return }
    let configuration = BenchmarkSupport.onDemandConfiguration(maxIterations: 1, maxDuration: .seconds(1_800))

    Benchmark("Large.Institution.BuildWorld", configuration: configuration) { benchmark, scenario in
        BenchmarkSupport.measure(benchmark) {
            blackHole(try? World.build(scenario))
        }
    } setup: {
        try ScenarioLoader.load(path: path)
    }

    Benchmark("Large.Institution.OneReplicate", configuration: configuration) { benchmark, world in
        BenchmarkSupport.measure(benchmark) {
            blackHole(Simulation.run(world, replicates: 1, threads: 1))
        }
    } setup: {
        try World.build(try ScenarioLoader.load(path: path))
    }

    // The grouped engine: 20 replicates on 2 threads, its groups included (docs/engines.md).
    Benchmark("Large.Institution.TwentyReplicates.Grouped", configuration: configuration) { benchmark, world in
        BenchmarkSupport.measure(benchmark) {
            blackHole(Simulation.run(world, replicates: 20, threads: 2, engine: .grouped))
        }
    } setup: {
        try World.build(try ScenarioLoader.load(path: path))
    }
}
