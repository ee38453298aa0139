/// The independent cascade model on a follower graph: a node activated at step t tries each of
/// its out-edges once, at step t + 1, and activates the target with probability p (as ndlib's
/// `IndependentCascadesModel` and cynetdiff's `IndependentCascadeModel`).
///
/// Nodes are activated in breadth-first order, and the successes among a node's d out-edges are
/// visited by geometric skipping (`RandomStream.forEachSuccess`): one draw per success, plus one
/// per node, instead of one per edge; the jumps come from a table built once per p
/// (`GeometricSkipTable`). The run is memory-bound: with p = 0.05 on a 100,000-node
/// Barabási-Albert graph a third of the nodes activate, and every success reads a target at a
/// random place of the 8 MB edge array. So the loop runs in two stages a few edges apart: the
/// draw stage takes queued nodes, draws their successes and prefetches each success's target and
/// the row start of nodes queued a little further on; the visit stage, 16 edges behind, finds
/// those targets in cache, marks them in a visited bitset (n/8 bytes, in L1/L2 cache) and queues
/// the new ones without a branch. The order of visits, hence the result for a given stream, is
/// that of the plain breadth-first loop.
///
/// Buffers are allocated once; a run allocates nothing and clears only the bits it set.
public final class IndependentCascade {
    public let graph: FollowerGraph
    /// Row starts as 32-bit numbers (half the cache footprint of `graph.offsets`), when the
    /// graph has fewer than 2^32 edges; nil otherwise.
    private let offsets32: UnsafeMutablePointer<UInt32>?
    /// One bit per node, set once activated; all zero between runs.
    private let visited: UnsafeMutablePointer<UInt64>
    private let visitedWords: Int
    /// Activated nodes in activation order: `nodeCount + 1` slots, as the branch-free visit
    /// writes one slot past the last activation.
    private let queue: UnsafeMutablePointer<UInt32>
    /// Ring of edge positions drawn but not yet visited; holds a whole row plus the lookahead.
    private let pending: UnsafeMutablePointer<Int>
    private let pendingMask: Int
    /// The jump table of the last p used (building one costs about as much as a small cascade).
    private var table: GeometricSkipTable?

    /// Edges drawn ahead of the visit stage: enough for the prefetches to land, few enough to
    /// stay in L1 cache.
    private static let lookahead = 16
    /// Queue slots ahead of the draw stage whose row starts are prefetched.
    private static let rowLookahead = 8

    /// The outcome of one cascade.
    public struct Outcome: Sendable, Equatable {
        /// Activated nodes, the source included.
        public var size: Int
        /// Edges tried: the out-degrees of every activated node summed.
        public var edgesTried: Int
    }

    public convenience init(graph: FollowerGraph) {
        self.init(graph: graph, compactOffsets: true)
    }

    /// - Parameter compactOffsets: false keeps full-width row starts even when 32 bits would do
    ///   (for the test that both paths agree).
    init(graph: FollowerGraph, compactOffsets: Bool) {
        self.graph = graph
        let n = graph.nodeCount
        if compactOffsets && graph.edgeCount < Int(UInt32.max) {
            let o = UnsafeMutablePointer<UInt32>.allocate(capacity: n + 1)
            for u in 0...n { o[u] = UInt32(graph.offsets[u]) }
            offsets32 = o
        } else {
            offsets32 = nil
        }
        visitedWords = n / 64 + 1
        visited = .allocate(capacity: visitedWords)
        visited.initialize(repeating: 0, count: visitedWords)
        queue = .allocate(capacity: n + 1)
        var maxDegree = 0
        for u in 0..<n { maxDegree = max(maxDegree, graph.outDegree(u)) }
        var capacity = 1
        while capacity < maxDegree + Self.lookahead { capacity <<= 1 }
        pending = .allocate(capacity: capacity)
        pendingMask = capacity - 1
    }

    deinit {
        offsets32?.deallocate()
        visited.deallocate()
        queue.deallocate()
        pending.deallocate()
    }

    /// One cascade from `source` with activation probability `p` (0...1) per edge.
    public func spread(from source: Int, p: Double, rng: RandomStream) -> Outcome {
        precondition((0..<graph.nodeCount).contains(source), "source \(source) is not a node")
        let table: GeometricSkipTable
        if let last = self.table, last.p == p {
            table = last
        } else {
            table = GeometricSkipTable(p: p)
            self.table = table
        }
        return graph.withUnsafeCSR { offsets, targets in
            if let offsets32 {
                return spread(from: source, offsets: offsets32, targets: targets.baseAddress!, table: table, rng: rng)
            }
            return spread(from: source, offsets: offsets.baseAddress!, targets: targets.baseAddress!,
                          table: table, rng: rng)
        }
    }

    /// The two-stage loop, specialised for 32-bit and full-width row starts.
    @inline(__always)
    private func spread<Offset: FixedWidthInteger>(
        from source: Int, offsets: UnsafePointer<Offset>, targets: UnsafePointer<UInt32>,
        table: GeometricSkipTable, rng: RandomStream
    ) -> Outcome {
        let n = graph.nodeCount
        let visited = self.visited, queue = self.queue, pending = self.pending, mask = pendingMask
        visited[source >> 6] = 1 << UInt64(source & 63)
        queue[0] = UInt32(source)
        var activated = 1, drawn = 0, tried = 0
        var pendingHead = 0, pendingTail = 0
        while true {
            // Draw stage: keep `lookahead` edges in flight while queued nodes remain.
            while pendingTail - pendingHead < Self.lookahead && drawn < activated {
                if drawn + Self.rowLookahead < activated {
                    prefetch(offsets + Int(queue[drawn + Self.rowLookahead]))
                }
                let u = Int(queue[drawn])
                drawn += 1
                let start = Int(offsets[u]), degree = Int(offsets[u + 1]) - start
                tried += degree
                rng.forEachSuccess(in: degree, table: table) { j in
                    prefetch(targets + (start + j))
                    pending[pendingTail & mask] = start + j
                    pendingTail += 1
                }
            }
            if pendingHead == pendingTail { break }
            // Visit stage: the oldest drawn edge, its target now (usually) in cache.
            let v = targets[pending[pendingHead & mask]]
            pendingHead += 1
            let word = Int(v >> 6), bit: UInt64 = 1 << UInt64(v & 63)
            let seen = visited[word]
            visited[word] = seen | bit
            queue[activated] = v
            activated += seen & bit == 0 ? 1 : 0
            if activated == n {
                // Everyone is active: the remaining draws cannot change the size, and every
                // node tries all its edges.
                tried = graph.edgeCount
                break
            }
        }
        if activated > visitedWords {
            visited.update(repeating: 0, count: visitedWords)
        } else {
            for k in 0..<activated { visited[Int(queue[k] >> 6)] = 0 }
        }
        return Outcome(size: activated, edgesTried: tried)
    }
}
