import Testing
@testable import ReachSim

@Suite struct FollowerGraphTests {
    /// A hand-written list with a repeated edge (0 → 2) and a self-loop (1 → 1).
    static let edges: [(UInt32, UInt32)] = [(0, 2), (0, 1), (0, 2), (1, 1), (2, 0), (3, 1), (1, 0)]

    @Test func smallGraphHasExactAudiences() {
        let graph = FollowerGraph(nodeCount: 5, edges: Self.edges)
        #expect(graph.invariantViolation() == nil)
        #expect(graph.edgeCount == 5)
        #expect(Array(graph.audience(of: 0)) == [1, 2])
        #expect(Array(graph.audience(of: 1)) == [0])
        #expect(Array(graph.audience(of: 2)) == [0])
        #expect(Array(graph.audience(of: 3)) == [1])
        #expect(graph.audience(of: 4).isEmpty)
        #expect((0..<5).map(graph.outDegree) == [2, 1, 1, 1, 0])
        #expect(graph.inDegrees() == [2, 2, 1, 0, 0])
        #expect(graph.offsets == [0, 2, 3, 4, 5, 5])
    }

    @Test func buildCountsWhatItDrops() {
        let built = FollowerGraph.build(nodeCount: 5, sources: Self.edges.map(\.0),
                                        targets: Self.edges.map(\.1))
        #expect(built.droppedSelfLoops == 1)
        #expect(built.droppedDuplicates == 1)
        #expect(built.graph == FollowerGraph(nodeCount: 5, edges: Self.edges))
    }

    @Test func emptyGraph() {
        let graph = FollowerGraph(nodeCount: 3, sources: [], targets: [])
        #expect(graph.offsets == [0, 0, 0, 0])
        #expect(graph.edgeCount == 0)
        #expect(graph.invariantViolation() == nil)
        #expect(FollowerGraph(nodeCount: 0, edges: []).invariantViolation() == nil)
    }

    /// Random multigraphs (long rows too, to reach the library sort) against a set-based reference.
    @Test(arguments: [1, 2, 3])
    func matchesSetReference(seed: UInt64) {
        let rng = RandomStream(seed: seed, purpose: .test)
        let n = 60
        var sources = [UInt32](), targets = [UInt32]()
        for _ in 0..<3_000 {
            // Node 0 gets a long row; the rest short ones with many repeats.
            sources.append(rng.below(4) == 0 ? 0 : UInt32(rng.below(n)))
            targets.append(UInt32(rng.below(n)))
        }
        let graph = FollowerGraph(nodeCount: n, sources: sources, targets: targets)
        #expect(graph.invariantViolation() == nil)
        var reference = [Set<UInt32>](repeating: [], count: n)
        for (u, v) in zip(sources, targets) where u != v { reference[Int(u)].insert(v) }
        for u in 0..<n { #expect(Array(graph.audience(of: u)) == reference[u].sorted()) }
        #expect(graph.edgeCount == reference.map(\.count).reduce(0, +))
        graph.withUnsafeCSR { offsets, targets in
            #expect(Array(offsets) == graph.offsets)
            #expect(Array(targets) == graph.targets)
        }
    }

    /// The checker itself finds each kind of damage.
    @Test(arguments: [
        ([0, 2, 1, 2], [1, 2] as [UInt32]),   // offsets decrease
        ([0, 1, 2, 2], [1, 1]),               // self-loop at node 1
        ([0, 2, 2, 2], [2, 1]),               // row not ascending
        ([0, 1, 1, 1], [7]),                  // target out of range
        ([0, 1, 1], [1]),                     // offsets too short
    ])
    func invariantCheckFindsDamage(offsets: [Int], targets: [UInt32]) {
        let graph = FollowerGraph(unchecked: 3, offsets: offsets, targets: targets)
        #expect(graph.invariantViolation() != nil)
    }
}
