import Foundation

/// `reachsim cascade`: repeated independent cascades on an imported graph, to compare the engine
/// with other implementations (cascade sizes must agree within sampling error) and to time it.
public enum CascadePipeline {
    public struct Report: Sendable {
        /// The source's id as written in the edge list.
        public let source: String
        public let sourceOutDegree: Int
        public let nodes: Int
        public let edges: Int
        public let runs: Int
        public let p: Double
        public let meanSize: Double
        public let sdSize: Double
        /// Seconds spent in cascades (graph import excluded).
        public let seconds: Double
        /// CPU seconds of the thread that ran them: on a shared machine, the time to compare
        /// with other tools (it excludes the time other processes held the core).
        public let cpuSeconds: Double
        public var runsPerSecond: Double { Double(runs) / seconds }
        public var runsPerCPUSecond: Double { Double(runs) / cpuSeconds }
        public let edgesTried: Int
        public var edgeVisitsPerSecond: Double { Double(edgesTried) / seconds }
    }

    /// - Parameters:
    ///   - source: a node id as written in the file; nil picks the node of highest out-degree.
    ///   - seed: run k draws from stream (seed, replicate, k): results do not depend on timing.
    public static func run(graphPath: String, p: Double, runs: Int, seed: UInt64, source: String?) throws -> Report {
        let list = try EdgeListImporter.read(path: graphPath)
        // Imported node k is graph node k: no mapping, no copy of the edge arrays.
        let graph = FollowerGraph(nodeCount: list.nodeCount, sources: list.sources, targets: list.targets)
        let start: Int
        if let source {
            guard let k = list.nodeIDs.firstIndex(of: source) else {
                throw WorldError("\(graphPath): no node '\(source)' in the edge list")
            }
            start = k
        } else {
            start = (0..<graph.nodeCount).max { graph.outDegree($0) < graph.outDegree($1) } ?? 0
        }
        let cascade = IndependentCascade(graph: graph)
        let rng = RandomStream(seed: seed, purpose: .replicate)
        // Welford's running mean and sum of squares: memory does not grow with the runs.
        var mean = 0.0, squares = 0.0
        var tried = 0
        let t0 = DispatchTime.now(), cpu0 = threadCPUSeconds()
        for k in 0..<runs {
            rng.reseed(seed: seed, purpose: .replicate, index: UInt64(k))
            let outcome = cascade.spread(from: start, p: p, rng: rng)
            let size = Double(outcome.size), delta = size - mean
            mean += delta / Double(k + 1)
            squares += delta * (size - mean)
            tried += outcome.edgesTried
        }
        let seconds = max(1e-9, Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9)
        let cpuSeconds = max(1e-9, threadCPUSeconds() - cpu0)
        let sd = runs > 1 ? (squares / Double(runs - 1)).squareRoot() : 0
        return Report(source: list.nodeIDs[start], sourceOutDegree: graph.outDegree(start), nodes: graph.nodeCount,
                      edges: graph.edgeCount, runs: runs, p: p, meanSize: mean, sdSize: sd,
                      seconds: seconds, cpuSeconds: cpuSeconds, edgesTried: tried)
    }

    /// CPU time consumed so far by the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
