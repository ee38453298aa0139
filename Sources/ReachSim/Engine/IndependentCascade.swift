/// The independent cascade model on a follower graph: a node activated at step t tries each of
/// its out-edges once, at step t + 1, and activates the target with probability p (as ndlib's
/// `IndependentCascadesModel` and cynetdiff's `IndependentCascadeModel`).
///
/// With one p for every edge, the successes among a node's d out-edges are visited by geometric
/// skipping: one random draw per success instead of one per edge, exact Bernoulli thinning.
/// Buffers are allocated once; a run allocates nothing (visited marks are stamps, never cleared).
public final class IndependentCascade {
    public let graph: FollowerGraph
    private let stamp: UnsafeMutablePointer<UInt32>
    private let queue: UnsafeMutablePointer<UInt32>
    private var run: UInt32 = 0

    /// The outcome of one cascade.
    public struct Outcome: Sendable, Equatable {
        /// Activated nodes, the source included.
        public var size: Int
        /// Edges tried: the out-degrees of every activated node summed.
        public var edgesTried: Int
    }

    public init(graph: FollowerGraph) {
        self.graph = graph
        let n = max(1, graph.nodeCount)
        stamp = .allocate(capacity: n)
        stamp.initialize(repeating: 0, count: n)
        queue = .allocate(capacity: n)
    }

    deinit {
        stamp.deallocate()
        queue.deallocate()
    }

    /// One cascade from `source` with activation probability `p` (0...1) per edge.
    public func spread(from source: Int, p: Double, rng: RandomStream) -> Outcome {
        precondition((0..<graph.nodeCount).contains(source), "source \(source) is not a node")
        run &+= 1
        if run == 0 {
            stamp.initialize(repeating: 0, count: graph.nodeCount)
            run = 1
        }
        let mark = run
        let logq = p < 1 ? _log1p(-p) : -Double.infinity
        stamp[source] = mark
        queue[0] = UInt32(source)
        var head = 0, tail = 1, tried = 0
        graph.withUnsafeCSR { offsets, targets in
            while head < tail {
                let u = Int(queue[head])
                head += 1
                let start = offsets[u], degree = offsets[u + 1] - start
                tried += degree
                if p <= 0 || degree == 0 { continue }
                // p = 1 needs no special case: log(1 − p) = −∞ makes every jump 0.
                rng.forEachSuccess(in: degree, logOneMinusP: logq) { j in
                    let v = Int(targets[start + j])
                    if stamp[v] != mark {
                        stamp[v] = mark
                        queue[tail] = UInt32(v)
                        tail += 1
                    }
                }
            }
        }
        return Outcome(size: tail, edgesTried: tried)
    }
}
