import Foundation
import Testing
@testable import ReachSim

/// Ranked feeds' reach spread (`feed.reach_spread`, issue 17): each post's follower visibility is
/// multiplied by exp(σZ − σ²/2). The mean reach stays; the spread between posts becomes the
/// lognormal's. Seeds are fixed; tolerances are 4 standard errors written from the formulas here.
@Suite struct ReachSpreadTests {
    /// One post a replicate on a flat ranked feed of visibility p, F followers.
    static func perPost(sigma: Double, followers f: Int, p: Double, replicates: Int) throws -> [Double] {
        guard case .ranked(var r) = TestScenarios.flatRanked(visibility: p) else { fatalError() }
        r.reachSpread = sigma
        let s = FeedModelTests.scenario(feed: .ranked(r), followers: f, audience: 3 * f, replicates: replicates)
        return try TestScenarios.metric(s, .impressionsOrganic)
    }

    /// The mean is F·p with or without spread (p × the multiplier stays below 1 for all but a
    /// negligible share of posts at p = 0.02, σ = 0.8: P(M > 50) < 1e-6). Its standard error
    /// includes the multiplier's variance: Var = F·p − F·p²·E[M²] + F²p²(E[M²] − 1), E[M²] = e^{σ²}.
    @Test func meanReachIsUnchanged() throws {
        let f = 2_000, p = 0.02, sigma = 0.8, n = 3_000
        let views = try Self.perPost(sigma: sigma, followers: f, p: p, replicates: n)
        let m2 = exp(sigma * sigma)
        let variance = Double(f) * p - Double(f) * p * p * m2 + Double(f * f) * p * p * (m2 - 1)
        let se = (variance / Double(n)).squareRoot()
        let mean = TestScenarios.mean(views)
        #expect(abs(mean - Double(f) * p) < 4 * se, "mean \(mean), expected \(Double(f) * p) ± \(4 * se)")
    }

    /// With many views per post, ln(q90 / median) of the posts' reach is that of the multiplier,
    /// z90 × σ (binomial noise adds √(1/(F·p)) ≈ 0.05 in quadrature: 0.1% of it). Standard error
    /// of the difference of two log-quantiles of a normal sample, bounded by the sum of theirs:
    /// σ(√(0.09)/φ(z90) + √(0.25)/φ(0)) / √n.
    @Test func spreadBetweenPostsIsTheMultipliers() throws {
        let f = 4_000, p = 0.1, sigma = 0.6, n = 3_000
        let views = try Self.perPost(sigma: sigma, followers: f, p: p, replicates: n)
        let q = Statistics.quantiles(views, at: [0.5, 0.9])
        let observed = log(q[1] / q[0])
        let z90 = 1.2815515655446004
        let density = { (z: Double) in exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
        let se = sigma * (0.3 / density(z90) + 0.5 / density(0)) / Double(n).squareRoot()
        #expect(abs(observed - z90 * sigma) < 4 * se, "ln(q90/q50) \(observed), expected \(z90 * sigma) ± \(4 * se)")
        // Without the spread the posts differ by binomial noise only: far below.
        let flat = try Self.perPost(sigma: 0, followers: f, p: p, replicates: 500)
        let q0 = Statistics.quantiles(flat, at: [0.5, 0.9])
        #expect(log(q0[1] / q0[0]) < 0.2)
    }

    /// σ = 0 draws nothing: the run is the same as a feed without the key (existing scenarios and
    /// their outputs do not move).
    @Test func zeroSpreadDrawsNothing() throws {
        let a = try Self.perPost(sigma: 0, followers: 500, p: 0.1, replicates: 50)
        guard case .ranked(let r) = TestScenarios.flatRanked(visibility: 0.1) else { return }
        #expect(r.reachSpread == 0 && r.postReach(1.7) == 1)
        let b = try TestScenarios.metric(FeedModelTests.scenario(feed: .ranked(r), followers: 500, audience: 1_500,
                                                                 replicates: 50), .impressionsOrganic)
        #expect(a == b)
    }

    /// `feed.reach_spread` is read from a scenario and refused outside 0...3 with its position.
    @Test func scenarioKeyIsReadAndChecked() throws {
        func text(_ v: String) -> String {
            """
            name: spread
            horizon_weeks: 1
            team: {people: 1, hours_per_week: 10}
            audience:
              size: 1000
              segments:
                - {name: everyone, age: 25-34, share: 1}
            platforms:
              x:
                followers: 100
                plan: {posts_per_week: {text: 1}}
                feed: {reach_spread: \(v)}
            """
        }
        let s = try ScenarioLoader.parse(text("0.55"), file: "spread.yaml")
        guard case .ranked(let r) = s.platforms[0].feed else { Issue.record("ranked"); return }
        #expect(r.reachSpread == 0.55)
        #expect {
            try ScenarioLoader.parse(text("4"), file: "spread.yaml")
        } throws: { error in
            let message = "\(error)"
            return message.contains("spread.yaml:12") && message.contains("reach_spread")
        }
    }
}
