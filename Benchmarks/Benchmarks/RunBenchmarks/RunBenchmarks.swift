import Benchmark
import BenchmarkSupport
import Foundation
import ReachSim

/// `reachsim run scenarios/museum-baseline.yaml` as a user runs it: loading, world, the
/// scenario's 200 replicates on every core, CSV and manifest written. On demand (about half a
/// minute per iteration), not in CI. Thread CPU time covers only the calling thread here; wall
/// clock is the figure to read.
let benchmarks: @Sendable () -> Void = {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("reachsim-bench-run").path
    Benchmark("Run.MuseumBaseline.200Replicates",
              configuration: BenchmarkSupport.onDemandConfiguration(maxIterations: 3, maxDuration: .seconds(120))) { benchmark in
        BenchmarkSupport.measure(benchmark) {
            let path = BenchmarkSupport.scenarios.appendingPathComponent("museum-baseline.yaml").path
            blackHole(try? RunPipeline.run(scenarioPath: path, options: .init(outputDirectory: out)))
        }
        try? FileManager.default.removeItem(atPath: out)
    }
}
