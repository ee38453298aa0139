import Benchmark
import BenchmarkSupport
import ReachSim

/// The cascade kernel of `reachsim cascade` on the peer comparison's graph (Barabási-Albert,
/// 100,000 nodes, m = 10, both directions: 2 million edges), from the node of highest degree.
/// An iteration runs the same seeded cascades every time, so its work never changes.
let benchmarks: @Sendable () -> Void = {
    struct Setup {
        let cascade: IndependentCascade
        let source: Int
    }
    let setup: () async throws -> Setup = {
        let graph = BenchmarkSupport.barabasiAlbert(nodes: 100_000, m: 10)
        let source = (0..<graph.nodeCount).max { graph.outDegree($0) < graph.outDegree($1) }!
        return Setup(cascade: IndependentCascade(graph: graph), source: source)
    }

    // p = 0.01: about 34 nodes per cascade, so an iteration is 100,000 cascades.
    // p = 0.05: about 33,000 nodes (a third of the graph), so 100 cascades. Either takes about
    // 0.1 s, long enough to dwarf the harness's own work per iteration, and one allocation
    // per cascade would add 100 or more to the malloc count (the check allows 20).
    for (name, p, runs) in [("Cascade.p01.BA100k", 0.01, 100_000), ("Cascade.p05.BA100k", 0.05, 100)] {
        Benchmark(name, configuration: BenchmarkSupport.configuration(maxIterations: 20)) { benchmark, s in
            let rng = RandomStream(seed: 1, purpose: .replicate)
            var activated = 0
            BenchmarkSupport.measure(benchmark) {
                for k in 0..<runs {
                    rng.reseed(seed: 1, purpose: .replicate, index: UInt64(k))
                    activated += s.cascade.spread(from: s.source, p: p, rng: rng).size
                }
            }
            blackHole(activated)
        } setup: {
            try await setup()
        }
    }
}
