import Testing
@testable import ReachSim

@Suite struct IndependentCascadeTests {
    /// A complete k-ary tree of the given depth, edges parent → child.
    func tree(k: Int, depth: Int) -> FollowerGraph {
        var sources: [UInt32] = [], targets: [UInt32] = []
        var next = 1, level = [0]
        for _ in 0..<depth {
            var children: [Int] = []
            for parent in level {
                for _ in 0..<k {
                    sources.append(UInt32(parent))
                    targets.append(UInt32(next))
                    children.append(next)
                    next += 1
                }
            }
            level = children
        }
        return FollowerGraph(nodeCount: next, sources: sources, targets: targets)
    }

    /// On a tree the cascade is a Galton–Watson process with Binomial(k, p) offspring, cut at the
    /// tree's depth: S(d) = 1 + Σᵢ₌₁ᴺ Sᵢ(d−1), N ~ Binomial(k, p), so
    /// E[S(d)] = 1 + kp·E[S(d−1)] and Var[S(d)] = kp·Var[S(d−1)] + kp(1−p)·E[S(d−1)]².
    @Test(arguments: [0.05, 0.3, 0.5])
    func treeCascadeMatchesGaltonWatson(p: Double) {
        let k = 3, depth = 7, runs = 20_000
        var mean = 1.0, variance = 0.0  // a leaf activates only itself
        for _ in 0..<depth {
            let m = Double(k) * p
            variance = m * variance + m * (1 - p) * mean * mean
            mean = 1 + m * mean
        }
        let cascade = IndependentCascade(graph: tree(k: k, depth: depth))
        let rng = RandomStream(seed: 17, purpose: .test)
        var total = 0.0
        for _ in 0..<runs { total += Double(cascade.spread(from: 0, p: p, rng: rng).size) }
        let se = (variance / Double(runs)).squareRoot()
        #expect(abs(total / Double(runs) - mean) < 4 * se)
    }

    @Test func certainAndImpossibleEdges() {
        let g = tree(k: 2, depth: 4)
        let cascade = IndependentCascade(graph: g)
        let rng = RandomStream(seed: 1, purpose: .test)
        #expect(cascade.spread(from: 0, p: 1, rng: rng) == .init(size: g.nodeCount, edgesTried: g.edgeCount))
        #expect(cascade.spread(from: 0, p: 0, rng: rng) == .init(size: 1, edgesTried: 2))
        // A leaf reaches nobody, and stamps from earlier runs do not leak.
        #expect(cascade.spread(from: g.nodeCount - 1, p: 1, rng: rng).size == 1)
        #expect(cascade.spread(from: 0, p: 1, rng: rng).size == g.nodeCount)
    }

    /// The two-stage loop (prefetching, branch-free visits, bitset) activates the same nodes as
    /// a plain breadth-first loop fed the same stream, run after run (so the bitset is cleared),
    /// with 32-bit and with full-width row starts.
    @Test(arguments: [0.02, 0.08, 0.3])
    func sameSizesAsPlainBreadthFirst(p: Double) {
        let n = 3_000
        let graph = GraphGenerators.preferentialAttachment(
            nodes: (0..<UInt32(n)).map { $0 }, totalAgents: n, segment: [UInt8](repeating: 0, count: n),
            edgesPerNode: 4, reciprocity: 1, homophily: 0, rng: RandomStream(seed: 5, purpose: .test))
        let compact = IndependentCascade(graph: graph)
        let wide = IndependentCascade(graph: graph, compactOffsets: false)
        let table = GeometricSkipTable(p: p)
        let rng = RandomStream(seed: 8, purpose: .test)
        for run in 0..<200 {
            let source = (run * 37) % n
            rng.reseed(seed: 8, purpose: .test, index: UInt64(run))
            var seen = Set([source]), queue = [source], head = 0, tried = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                let row = graph.audience(of: u)
                tried += row.count
                rng.forEachSuccess(in: row.count, table: table) { j in
                    let v = Int(row[row.startIndex + j])
                    if seen.insert(v).inserted { queue.append(v) }
                }
            }
            rng.reseed(seed: 8, purpose: .test, index: UInt64(run))
            let a = compact.spread(from: source, p: p, rng: rng)
            rng.reseed(seed: 8, purpose: .test, index: UInt64(run))
            let b = wide.spread(from: source, p: p, rng: rng)
            #expect(a == .init(size: queue.count, edgesTried: tried))
            #expect(b == a)
        }
    }
}
