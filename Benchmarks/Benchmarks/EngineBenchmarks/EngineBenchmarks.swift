import Benchmark
import Foundation
import ReachSim

/// The shipped scenarios, found from this file's location (Benchmarks/Benchmarks/EngineBenchmarks/).
private let scenarios = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenarios")

private func loadBaseline() -> Scenario {
    do {
        return try ScenarioLoader.load(path: scenarios.appendingPathComponent("museum-baseline.yaml").path)
    } catch {
        fatalError("cannot load the baseline scenario: \(error)")
    }
}

let benchmarks: @Sendable () -> Void = {
    // Wall time is noisy on shared machines: wide thresholds for time, exact ones for
    // allocations (deterministic).
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        maxDuration: .seconds(20),
        maxIterations: 20,
        thresholds: [
            .wallClock: .init(relative: [.p50: 35]),
            .mallocCountTotal: .init(relative: [.p50: 5]),
        ])

    // One replicate of the baseline museum (52 weeks, 3 platforms, 78,500 followers): the unit of
    // work that `reachsim run` repeats; the world is built outside the measurement.
    Benchmark("Engine.MuseumBaseline.OneReplicate") { benchmark in
        var scenario = loadBaseline()
        scenario.replicates = 1
        let world = try World.build(scenario)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(Simulation.run(world, replicates: 1, threads: 1))
        }
    }

    // Building the baseline world: audience of 300,000 agents and three follower graphs.
    Benchmark("Engine.MuseumBaseline.BuildWorld", configuration: .init(maxIterations: 5)) { benchmark in
        let scenario = loadBaseline()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try World.build(scenario))
        }
    }
}
