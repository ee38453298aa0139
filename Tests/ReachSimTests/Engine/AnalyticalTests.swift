import Foundation
import Testing
@testable import ReachSim

/// The engine against closed-form answers. Every tolerance is 4 standard errors of the quantity
/// tested, derived from its sampling distribution; seeds are fixed.
@Suite struct AnalyticalTests {
    /// With shares off, organic impressions of one post are Binomial(F, p): mean F·p.
    @Test func organicReachIsFollowersTimesVisibility() throws {
        let f = 4_000, p = 0.055, r = 400
        let s = TestScenarios.scenario(audience: 5_000, platforms: [
            TestScenarios.platform(followers: f, feed: TestScenarios.flatRanked(visibility: p)),
        ], replicates: r)
        let impressions = try TestScenarios.metric(s, .impressionsOrganic)
        let se = (Double(f) * p * (1 - p) / Double(r)).squareRoot()
        #expect(abs(TestScenarios.mean(impressions) - Double(f) * p) < 4 * se)
        // One post: every impression is a distinct person.
        #expect(impressions == (try TestScenarios.metric(s, .reach)))
    }

    /// Followers differ in activity: the expected reach is Σ over levels of n_l·p_l, with
    /// p_l = min(1, base × a_l² / mean(a²)) written out here (activity sensitivity 2, every other
    /// multiplier 1), a_l the midpoints of Gamma(2, 1/2) rescaled to mean 1 — not read from the
    /// feed's `followerVisibility`, so a wrong visibility formula fails this test.
    @Test func heterogeneousFollowersReachTheSumOverClasses() throws {
        let r = 300, base = 0.4, sensitivity = 2.0
        let feed = RankedFeed(baseVisibility: base, formatMultiplier: FormatTable { _ in 1 }, hourSensitivity: 0,
                              cadenceReference: 1, cadenceExponent: 0, activitySensitivity: sensitivity,
                              peerVisibility: 0, discoveryPerEngagement: 0)
        var s = TestScenarios.scenario(audience: 5_000, platforms: [
            TestScenarios.platform(followers: 3_000, feed: .ranked(feed)),
        ], replicates: r)
        s.audience.activityShape = 2
        let levels = ClosedForms.activityLevels(integerShape: 2)
        let p = ClosedForms.activityFactors(levels, sensitivity: sensitivity).map { min(1, base * $0) }
        // The followers' levels are data of the run (drawn once per run); count them.
        let world = try World.build(s)
        var perLevel = [Int](repeating: 0, count: levels.count)
        for agent in world.accounts[0].initialFollowers {
            perLevel[Int(world.audience.classOf[Int(agent)]) % levels.count] += 1
        }
        let (expected, variance) = ClosedForms.views(followersPerLevel: perLevel, probability: p)
        #expect(p[0] < 0.05 && p[3] == 1, "the test really is heterogeneous, and the top level is capped at 1")
        let impressions = try TestScenarios.metric(s, .impressionsOrganic)
        #expect(abs(TestScenarios.mean(impressions) - expected) < 4 * (variance / Double(r)).squareRoot())
    }

    /// k independent posts with visibility p reach F·(1 − (1 − p)^k) distinct people.
    @Test func uniqueReachOfIndependentPosts() throws {
        let f = 3_000, p = 0.2, k = 3, r = 300
        let s = TestScenarios.scenario(audience: 4_000, platforms: [
            TestScenarios.platform(followers: f, postsPerWeek: Double(k), feed: TestScenarios.flatRanked(visibility: p)),
        ], replicates: r)
        let q = 1 - pow(1 - p, Double(k))
        let reach = try TestScenarios.metric(s, .reach)
        let se = (Double(f) * q * (1 - q) / Double(r)).squareRoot()
        #expect(abs(TestScenarios.mean(reach) - Double(f) * q) < 4 * se)
        // Impressions count every view: k·F·p in expectation, more than the reach.
        let impressions = try TestScenarios.metric(s, .impressionsOrganic)
        let seImpressions = (Double(k * f) * p * (1 - p) / Double(r)).squareRoot()
        #expect(abs(TestScenarios.mean(impressions) - Double(k * f) * p) < 4 * seImpressions)
    }

    @Test func zeroVisibilityReachesNobody() throws {
        let s = TestScenarios.scenario(audience: 2_000, platforms: [
            TestScenarios.platform(followers: 1_000, postsPerWeek: 5, feed: TestScenarios.flatRanked(visibility: 0, peer: 1),
                                   engagement: TestScenarios.quietEngagement(share: 0.5),
                                   graph: .chungLu(meanDegree: 10, exponent: 2.5, homophily: 0)),
        ], weeks: 3, replicates: 20)
        for metric in [Metric.reach, .reachCumulative, .impressionsOrganic, .impressionsShares, .shares] {
            #expect(try TestScenarios.metric(s, metric, week: 2).allSatisfy { $0 == 0 })
        }
    }

    /// Doubling the followers doubles mean organic impressions: the difference m₂ − 2·m₁ is 0
    /// within 4 standard errors (Var = F₂p(1−p)/R + 4·F₁p(1−p)/R).
    @Test func doublingFollowersDoublesImpressions() throws {
        let f = 2_000, p = 0.1, r = 400
        func run(_ followers: Int) throws -> Double {
            let s = TestScenarios.scenario(audience: 5_000, platforms: [
                TestScenarios.platform(followers: followers, postsPerWeek: 2, feed: TestScenarios.flatRanked(visibility: p)),
            ], replicates: r)
            return TestScenarios.mean(try TestScenarios.metric(s, .impressionsOrganic))
        }
        let m1 = try run(f), m2 = try run(2 * f)
        let v = 2 * p * (1 - p)  // two posts a week
        let se = ((Double(2 * f) * v + 4 * Double(f) * v) / Double(r)).squareRoot()
        #expect(abs(m2 - 2 * m1) < 4 * se)
    }

    /// A cascade on a complete k-ary tree whose root is the only follower. Every node that sees
    /// the post shares it with probability q and all its children then see it (peer visibility 1),
    /// so the views below a seen node of remaining depth d satisfy T(d) = B·Σᵢ(1 + Tᵢ(d−1)),
    /// B ~ Bernoulli(q): E[T(d)] = q·k·(1 + E[T(d−1)]), and its variance follows the same way.
    @Test func cascadeOnATreeMatchesItsClosedForm() throws {
        let k = 3, depth = 6, q = 0.3, r = 3_000
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = ["source,target"]
        var next = 1, level = [0]
        for _ in 0..<depth {
            var children: [Int] = []
            for parent in level {
                for _ in 0..<k {
                    lines.append("\(parent),\(next)")
                    children.append(next)
                    next += 1
                }
            }
            level = children
        }
        let nodes = next
        let file = dir.appendingPathComponent("tree.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

        let s = TestScenarios.scenario(audience: nodes, platforms: [
            TestScenarios.platform(followers: 1, feed: TestScenarios.flatRanked(visibility: 1, peer: 1),
                                   engagement: TestScenarios.quietEngagement(share: q), graph: .edgeList(path: file.path)),
        ], replicates: r)
        var mean = 0.0, second = 0.0  // E[T(0)] = E[T(0)²] = 0
        for _ in 0..<depth {
            let meanS = Double(k) * (1 + mean)
            let varS = Double(k) * (second - mean * mean)
            mean = q * meanS
            second = q * (varS + meanS * meanS)
        }
        let sd = (second - mean * mean).squareRoot()
        let views = try TestScenarios.metric(s, .impressionsShares)
        #expect(abs(TestScenarios.mean(views) - mean) < 4 * sd / Double(r).squareRoot())
        let shares = try TestScenarios.metric(s, .shares)
        // Every share by a node above the leaves makes k views.
        #expect(views.allSatisfy { $0 <= Double(nodes - 1) })
        #expect(TestScenarios.mean(shares) > 0)
    }
}
