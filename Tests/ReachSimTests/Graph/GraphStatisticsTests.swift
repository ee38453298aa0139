import Testing
@testable import ReachSim

@Suite struct GraphStatisticsTests {
    /// 0 ⇄ 1 mutual, 0 → 2 and 3 → 2 one-way; node 4 has no edges.
    @Test func smallGraph() {
        let graph = FollowerGraph(nodeCount: 5, edges: [(0, 1), (1, 0), (0, 2), (3, 2)])
        let stats = GraphStatistics(graph)
        #expect(stats.edgeCount == 4)
        #expect(stats.linkedNodeCount == 4)
        #expect(stats.meanOutDegree == 1.0)
        #expect(stats.maxOutDegree == 2)
        #expect(stats.maxInDegree == 2)
        #expect(stats.reciprocatedEdgeCount == 2)
        #expect(stats.reciprocity == 0.5)
    }

    @Test func emptyGraph() {
        let stats = GraphStatistics(FollowerGraph(nodeCount: 3, edges: []))
        #expect(stats.edgeCount == 0)
        #expect(stats.meanOutDegree == 0)
        #expect(stats.reciprocity == 0)
    }
}
