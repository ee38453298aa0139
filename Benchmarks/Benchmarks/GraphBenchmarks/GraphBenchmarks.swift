import Benchmark
import BenchmarkSupport
import ReachSim

/// Generating follower graphs of a million users, as a large institution's platform needs
/// (one segment, no homophily; the CSR build included).
let benchmarks: @Sendable () -> Void = {
    let n = 1_000_000
    let nodes = (0..<UInt32(n)).map { $0 }
    let segment = [UInt8](repeating: 0, count: n)
    let configuration = BenchmarkSupport.configuration(maxIterations: 3, maxDuration: .seconds(30), mallocSlack: nil)

    // Barabási-Albert, m = 10, a fifth of follows returned: about 12 million edges.
    Benchmark("Graph.PreferentialAttachment.1M", configuration: configuration) { benchmark in
        BenchmarkSupport.measure(benchmark) {
            blackHole(GraphGenerators.preferentialAttachment(
                nodes: nodes, totalAgents: n, segment: segment, edgesPerNode: 10, reciprocity: 0.2,
                homophily: 0, rng: RandomStream(seed: 1, purpose: .graph)))
        }
    }

    // Chung-Lu, mean degree 10, exponent 2.3: about 10 million edges.
    Benchmark("Graph.ChungLu.1M", configuration: configuration) { benchmark in
        BenchmarkSupport.measure(benchmark) {
            blackHole(GraphGenerators.chungLu(
                nodes: nodes, totalAgents: n, segment: segment, meanDegree: 10, exponent: 2.3,
                homophily: 0, rng: RandomStream(seed: 1, purpose: .graph)))
        }
    }
}
