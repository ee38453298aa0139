import Benchmark
import BenchmarkSupport
import ReachSim

/// The simulator on `scenarios/museum-baseline.yaml` (300,000 agents, three platforms, 78,500
/// followers): building its world, one week, one replicate (52 weeks) with the exact engine and
/// with the grouped one (docs/engines.md). Worlds are built in set-up, outside the measurement,
/// except in `BuildWorld`.
let benchmarks: @Sendable () -> Void = {
    // One simulated week: the schedule's posts, feeds, shares and follows of week 1.
    Benchmark("Engine.MuseumBaseline.OneWeek", configuration: BenchmarkSupport.configuration(maxIterations: 30)) { benchmark, world in
        BenchmarkSupport.measure(benchmark) {
            blackHole(Simulation.run(world, replicates: 1, threads: 1))
        }
    } setup: {
        var scenario = try BenchmarkSupport.loadScenario("museum-baseline.yaml")
        scenario.horizonWeeks = 1
        return try World.build(scenario)
    }

    // One replicate of the whole year, the unit of work `reachsim run` repeats.
    Benchmark("Engine.MuseumBaseline.OneReplicate", configuration: BenchmarkSupport.configuration(maxIterations: 10)) { benchmark, world in
        BenchmarkSupport.measure(benchmark) {
            blackHole(Simulation.run(world, replicates: 1, threads: 1))
        }
    } setup: {
        try World.build(try BenchmarkSupport.loadScenario("museum-baseline.yaml"))
    }

    // The same replicate with the grouped engine (its groups are built in the measurement, once
    // per run as in `reachsim run`).
    Benchmark("Engine.MuseumBaseline.OneReplicate.Grouped", configuration: BenchmarkSupport.configuration(maxIterations: 20)) { benchmark, world in
        BenchmarkSupport.measure(benchmark) {
            blackHole(Simulation.run(world, replicates: 1, threads: 1, engine: .grouped))
        }
    } setup: {
        try World.build(try BenchmarkSupport.loadScenario("museum-baseline.yaml"))
    }

    // Generating the audience (300,000 agents) and the three follower graphs.
    Benchmark("Engine.MuseumBaseline.BuildWorld", configuration: BenchmarkSupport.configuration(maxIterations: 5, mallocSlack: nil)) { benchmark, scenario in
        BenchmarkSupport.measure(benchmark) {
            blackHole(try? World.build(scenario))
        }
    } setup: {
        try BenchmarkSupport.loadScenario("museum-baseline.yaml")
    }
}
