import Foundation
import Testing
@testable import ReachSim

/// 3,000 agents; the 2,571 whose id is not a multiple of 7 use the platform. Segments of 50 %,
/// 30 % and 20 % of agents.
private enum Frame {
    static let totalAgents = 3_000
    static let segment: [UInt8] = (0..<3_000).map { $0 % 10 < 5 ? 0 : $0 % 10 < 8 ? 1 : 2 }
    static let nodes: [UInt32] = (0..<3_000).filter { $0 % 7 != 0 }.map(UInt32.init)
    static let nonUsers = (0..<3_000).filter { $0 % 7 == 0 }

    static func preferential(m: Int = 4, reciprocity: Double = 0, homophily: Double = 0,
                             seed: UInt64 = 1) -> FollowerGraph {
        GraphGenerators.preferentialAttachment(
            nodes: nodes, totalAgents: totalAgents, segment: segment, edgesPerNode: m,
            reciprocity: reciprocity, homophily: homophily,
            rng: RandomStream(seed: seed, purpose: .graph))
    }

    static func chungLu(meanDegree: Double = 8, exponent: Double = 2.5, maxDegree: Int? = nil,
                        homophily: Double = 0, seed: UInt64 = 1) -> FollowerGraph {
        GraphGenerators.chungLu(
            nodes: nodes, totalAgents: totalAgents, segment: segment, meanDegree: meanDegree,
            exponent: exponent, maxDegree: maxDegree, homophily: homophily,
            rng: RandomStream(seed: seed, purpose: .graph))
    }

    /// Number of edges; share within one segment; the share expected if an edge's two segments
    /// were independent, Σ_s P(source in s) · P(target in s) with the graph's own margins.
    static func segmentMixing(_ graph: FollowerGraph) -> (edges: Int, same: Double, independent: Double) {
        var same = 0
        var bySource = [Int](repeating: 0, count: 3), byTarget = [Int](repeating: 0, count: 3)
        for u in 0..<graph.nodeCount {
            for v in graph.audience(of: u) {
                let a = Int(segment[u]), b = Int(segment[Int(v)])
                if a == b { same += 1 }
                bySource[a] += 1
                byTarget[b] += 1
            }
        }
        let e = Double(graph.edgeCount)
        let independent = (0..<3).map { Double(bySource[$0]) / e * Double(byTarget[$0]) / e }
            .reduce(0, +)
        return (graph.edgeCount, Double(same) / e, independent)
    }

    static func noEdgesOffPlatform(_ graph: FollowerGraph) -> Bool {
        let inDegrees = graph.inDegrees()
        return nonUsers.allSatisfy { graph.outDegree($0) == 0 && inDegrees[$0] == 0 }
    }
}

@Suite struct PreferentialAttachmentTests {
    /// Without reciprocity the user in position t follows exactly min(m, t) users and nothing
    /// else adds edges, so the follow counts (in-degrees) are that sequence, in some order.
    @Test(arguments: [1, 4])
    func exactFollowCounts(m: Int) {
        let graph = Frame.preferential(m: m)
        #expect(graph.invariantViolation() == nil)
        let n = Frame.nodes.count
        let expected = (0..<n).map { min(m, $0) }
        let inDegrees = graph.inDegrees()
        #expect(Frame.nodes.map { inDegrees[Int($0)] }.sorted() == expected)
        #expect(graph.edgeCount == expected.reduce(0, +))
        #expect(Frame.noEdgesOffPlatform(graph))
    }

    /// Every follow returned: twice the follows, all mutual.
    @Test func fullReciprocity() {
        let graph = Frame.preferential(reciprocity: 1)
        let follows = (0..<Frame.nodes.count).map { min(4, $0) }.reduce(0, +)
        #expect(graph.edgeCount == 2 * follows)
        #expect(GraphStatistics(graph).reciprocity == 1)
    }

    /// Follow-backs are Binomial(follows, p): within 4 standard errors.
    @Test func partialReciprocity() {
        let p = 0.3
        let graph = Frame.preferential(reciprocity: p)
        let follows = Double((0..<Frame.nodes.count).map { min(4, $0) }.reduce(0, +))
        let backs = Double(graph.edgeCount) - follows
        #expect(abs(backs - follows * p) <= 4 * (follows * p * (1 - p)).squareRoot())
        #expect(Frame.noEdgesOffPlatform(graph))
    }

    /// Hubs: attraction ∝ followers + 1 gives follower counts a power law with exponent
    /// γ = 2 + 1/m = 2.25, whose largest grows like n^(1/(γ-1)) ≈ 530 here (600 to 700 observed
    /// over seeds), while attachment ignoring popularity tops out near m·ln n ≈ 31, 8× the mean.
    /// 20× the mean tells them apart.
    @Test func heavyTail() {
        let stats = GraphStatistics(Frame.preferential())
        #expect(Double(stats.maxOutDegree) >= 20 * stats.meanOutDegree)
    }

    @Test func fullHomophilyStaysInSegment() {
        let graph = Frame.preferential(reciprocity: 0.5, homophily: 1)
        #expect(Frame.segmentMixing(graph).same == 1)
        #expect(graph.edgeCount > 3 * Frame.nodes.count)
    }

    /// At homophily 0 the followed user's segment ignores the follower's. The followed user is
    /// drawn ∝ followers + 1, so segments match in proportion to their share of that weight (their
    /// share of users only on average over orders); the test therefore uses the graph's own
    /// margins. Binomial standard error; the draws form a martingale, so it applies.
    @Test func noHomophilyMixesSegments() {
        let mixing = Frame.segmentMixing(Frame.preferential())
        let se = (mixing.independent * (1 - mixing.independent) / Double(mixing.edges)).squareRoot()
        #expect(abs(mixing.same - mixing.independent) <= 4 * se)
        // Sizes 50/30/20 % alone would give 0.38; far from the 1 of full homophily.
        #expect(mixing.same < 0.5)
    }

    @Test func sameSeedSameGraph() {
        let a = Frame.preferential(reciprocity: 0.2, homophily: 0.5, seed: 9)
        #expect(a == Frame.preferential(reciprocity: 0.2, homophily: 0.5, seed: 9))
        #expect(a != Frame.preferential(reciprocity: 0.2, homophily: 0.5, seed: 10))
    }
}

@Suite struct ChungLuTests {
    @Test(arguments: [(2.1, nil), (2.5, nil), (3.5, 30)] as [(Double, Int?)])
    func weights(exponent: Double, maxDegree: Int?) {
        let n = 1_000, mean = 8.0
        let w = GraphGenerators.chungLuWeights(count: n, meanDegree: mean, exponent: exponent,
                                               maxDegree: maxDegree)
        let cap = maxDegree.map(Double.init) ?? (Double(n) * mean).squareRoot()
        #expect(abs(w.reduce(0, +) - Double(n) * mean) <= 1e-9 * Double(n) * mean)
        #expect(w.allSatisfy { $0 <= cap * (1 + 1e-12) && $0 > 0 })
        #expect(zip(w, w.dropFirst()).allSatisfy { $0 >= $1 })
        // Uncapped weights keep the power law: w_i / w_j = ((i + 1) / (j + 1))^(-1/(γ-1)).
        let ratio = w[n - 1] / w[n / 2]
        #expect(abs(ratio - pow(Double(n) / Double(n / 2 + 1), -1 / (exponent - 1))) < 1e-9)
    }

    /// At homophily 0 each ordered pair u ≠ v is an edge with probability
    /// p = 1 - exp(-w_u w_v / W), independently (Poisson draws), so the edge count has mean Σ p
    /// and variance Σ p (1 - p) over the pairs: within 4 standard errors.
    @Test(arguments: [2.1, 2.8])
    func edgeCountMatchesExpectation(exponent: Double) {
        let mean = 8.0
        let graph = Frame.chungLu(meanDegree: mean, exponent: exponent)
        let w = GraphGenerators.chungLuWeights(count: Frame.nodes.count, meanDegree: mean,
                                               exponent: exponent, maxDegree: nil)
        let total = w.reduce(0, +)
        var expected = 0.0, variance = 0.0
        w.withUnsafeBufferPointer { w in
            for i in 0..<w.count {
                for j in 0..<w.count where j != i {
                    let p = -expm1(-w[i] * w[j] / total)
                    expected += p
                    variance += p * (1 - p)
                }
            }
        }
        #expect(abs(Double(graph.edgeCount) - expected) <= 4 * variance.squareRoot())
        #expect(graph.invariantViolation() == nil)
        #expect(Frame.noEdgesOffPlatform(graph))
    }

    /// The heaviest users expect √W ≈ 143 edges each way against a mean of 8. A graph with the
    /// same mean and no heavy tail (Poisson degrees) would top out near 8 + 4√8 ≈ 19, 2.4×.
    @Test func heavyTail() {
        let stats = GraphStatistics(Frame.chungLu())
        #expect(Double(stats.maxInDegree) >= 8 * stats.meanOutDegree)
        #expect(Double(stats.maxOutDegree) >= 8 * stats.meanOutDegree)
    }

    /// With expected degrees capped at 20, each degree is at most a Poisson(20) count of draws:
    /// P(> 50) ≈ 5e-9 per degree, under 3e-5 for all 5,142 in- and out-degrees together.
    @Test func maxDegreeCapsDegrees() {
        let stats = GraphStatistics(Frame.chungLu(maxDegree: 20))
        #expect(stats.maxInDegree <= 50)
        #expect(stats.maxOutDegree <= 50)
        #expect(stats.maxOutDegree >= 20)
    }

    @Test func fullHomophilyStaysInSegment() {
        let graph = Frame.chungLu(homophily: 1)
        #expect(Frame.segmentMixing(graph).same == 1)
        #expect(Frame.noEdgesOffPlatform(graph))
    }

    /// At homophily 0 source and target are independent draws ∝ w, so segments match with
    /// probability Σ_s (W_s / W)², estimated by the graph's margins (W_s / W is the segment's
    /// share of users only on average over the random order of weights).
    @Test func noHomophilyMixesSegments() {
        let mixing = Frame.segmentMixing(Frame.chungLu())
        let se = (mixing.independent * (1 - mixing.independent) / Double(mixing.edges)).squareRoot()
        #expect(abs(mixing.same - mixing.independent) <= 4 * se)
        #expect(mixing.same < 0.5)
    }

    /// Half homophily: half the targets come from the source's segment, half independently.
    /// Same-segment share 0.5 + 0.5 · independent, less what dedupe removes (loose, 0.03).
    @Test func halfHomophily() {
        let none = Frame.segmentMixing(Frame.chungLu(seed: 2))
        let half = Frame.segmentMixing(Frame.chungLu(homophily: 0.5, seed: 2))
        #expect(abs(half.same - (0.5 + 0.5 * none.independent)) <= 0.03)
    }

    @Test func sameSeedSameGraph() {
        let a = Frame.chungLu(homophily: 0.3, seed: 5)
        #expect(a == Frame.chungLu(homophily: 0.3, seed: 5))
        #expect(a != Frame.chungLu(homophily: 0.3, seed: 6))
    }

    @Test func tinyPlatforms() {
        let rng = RandomStream(seed: 1, purpose: .graph)
        let segment = [UInt8](repeating: 0, count: 5)
        let none = GraphGenerators.chungLu(nodes: [], totalAgents: 5, segment: segment,
                                           meanDegree: 3, exponent: 2.5, homophily: 0, rng: rng)
        #expect(none.edgeCount == 0 && none.nodeCount == 5)
        let one = GraphGenerators.chungLu(nodes: [2], totalAgents: 5, segment: segment,
                                          meanDegree: 3, exponent: 2.5, homophily: 0, rng: rng)
        #expect(one.edgeCount == 0)
        let pair = GraphGenerators.preferentialAttachment(
            nodes: [4, 1], totalAgents: 5, segment: segment, edgesPerNode: 3, reciprocity: 0,
            homophily: 0, rng: rng)
        #expect(pair.edgeCount == 1)
    }
}
