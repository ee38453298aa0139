import Benchmark
import Foundation
import ReachSim

/// What every suite shares: the metrics and tolerances that survive a shared, noisy machine,
/// the CPU-time metric, the repository's scenarios, and the peer-comparison graph.
public enum BenchmarkSupport {
    /// CPU time of the benchmark's thread over one iteration, in microseconds. Unlike wall time
    /// it does not grow when other processes take the core, so it is the time that CI checks.
    public static let threadCPU = BenchmarkMetric.custom("threadCPUMicroseconds")

    /// The metrics of the suites that CI checks against `Thresholds/`, and their tolerances on
    /// p90 (what `thresholds check` compares):
    /// - malloc count: deterministic, so ±5 % and, when `mallocSlack` is given, at most that many
    ///   more or fewer per iteration (the only check that bites when the count is 0);
    /// - thread CPU time: fails above 2.5× the committed value (on the shared 2-core machine, at a
    ///   load of 10, busy neighbours' use of the caches moved a replicate's CPU time by up to 2×
    ///   with no code change); never flags an improvement;
    /// - wall clock: shown, and fails only above 5× (other processes may also hold the core).
    /// Peak resident memory is left out: package-benchmark samples it from a thread whose own
    /// allocations would make the malloc count depend on the run's duration.
    public static func configuration(
        maxIterations: Int, maxDuration: Duration = .seconds(10), mallocSlack: Int? = 20
    ) -> Benchmark.Configuration {
        .init(
            metrics: [.wallClock, threadCPU, .mallocCountTotal],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            maxDuration: maxDuration,
            maxIterations: maxIterations,
            thresholds: [
                .mallocCountTotal: .init(relative: [.p90: 5], absolute: mallocSlack.map { [.p90: $0] } ?? [:]),
                threadCPU: .init(relative: [.p90: 150]),
                .wallClock: .init(relative: [.p90: 400]),
            ])
    }

    /// For the suites run on demand (whole runs, the large scenario): what a person reads,
    /// peak memory included; no thresholds.
    public static func onDemandConfiguration(maxIterations: Int, maxDuration: Duration) -> Benchmark.Configuration {
        .init(
            metrics: [.wallClock, threadCPU, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
            timeUnits: .milliseconds,
            warmupIterations: 0,
            maxDuration: maxDuration,
            maxIterations: maxIterations)
    }

    /// Runs `body` as the measured part of one iteration and records its thread CPU time.
    @inline(__always)
    public static func measure(_ benchmark: Benchmark, _ body: () throws -> Void) rethrows {
        benchmark.startMeasurement()
        let start = threadCPUMicroseconds()
        try body()
        benchmark.measurement(threadCPU, threadCPUMicroseconds() - start)
    }

    static func threadCPUMicroseconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return t.tv_sec * 1_000_000 + t.tv_nsec / 1_000
    }

    /// The repository's `scenarios/` folder, found from this file's place
    /// (Benchmarks/Benchmarks/BenchmarkSupport/).
    public static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    public static func loadScenario(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: scenarios.appendingPathComponent(name).path)
    }

    /// A Barabási-Albert graph with every link in both directions, as in the peer comparison
    /// (`Benchmarks/peers/`): n nodes, each newcomer linking to m earlier ones.
    public static func barabasiAlbert(nodes n: Int, m: Int, seed: UInt64 = 1) -> FollowerGraph {
        GraphGenerators.preferentialAttachment(
            nodes: (0..<UInt32(n)).map { $0 }, totalAgents: n, segment: [UInt8](repeating: 0, count: n),
            edgesPerNode: m, reciprocity: 1, homophily: 0, rng: RandomStream(seed: seed, purpose: .graph))
    }
}
