import Foundation
import Testing
@testable import ReachSim

@Suite struct AudienceTests {
    func spec(size: Int, rho: Double, use: [[Double]]) -> AudienceSpec {
        let shares = [0.3, 0.7]
        return AudienceSpec(
            size: size, scale: 1,
            segments: (0..<2).map { s in
                SegmentSpec(name: "s\(s)", age: .age25to34, locality: .local, share: shares[s], affinity: 1,
                            sessionsPerDay: 5, platformUse: use[s])
            },
            platformUseCorrelation: rho)
    }

    @Test func segmentSizesAreExactApportionment() {
        #expect(Audience.apportion(total: 10, shares: [0.33, 0.33, 0.34]) == [3, 3, 4])
        #expect(Audience.apportion(total: 7, shares: [1, 1]).reduce(0, +) == 7)
        let a = Audience.generate(spec(size: 1001, rho: 0, use: [[0.5], [0.5]]), platformCount: 1, seed: 1)
        #expect(a.segmentStart == [0, 300, 1001])
    }

    /// Each segment's share of users of a platform is its use probability, whatever the
    /// correlation: the count is Binomial(n, p) (4 standard errors).
    @Test(arguments: [0.0, 0.8])
    func platformUseMarginals(rho: Double) {
        let n = 40_000
        let use = [[0.2, 0.7], [0.6, 0.1]]
        let a = Audience.generate(spec(size: n, rho: rho, use: use), platformCount: 2, seed: 9)
        for s in 0..<2 {
            let members = a.segmentStart[s]..<a.segmentStart[s + 1]
            for p in 0..<2 {
                let users = members.filter { a.platformMask[$0] & (1 << p) != 0 }.count
                let m = Double(members.count), q = use[s][p]
                #expect(abs(Double(users) - m * q) < 4 * (m * q * (1 - q)).squareRoot())
            }
        }
    }

    /// The latent factor makes users of one platform likelier to use another; without it, use is
    /// independent within a segment (P(both) = p₁p₂, 4 standard errors).
    @Test func correlationCreatesOverlap() {
        let n = 40_000
        func both(_ rho: Double) -> Int {
            let a = Audience.generate(spec(size: n, rho: rho, use: [[0.4, 0.4], [0.4, 0.4]]), platformCount: 2, seed: 3)
            return a.platformMask.filter { $0 == 3 }.count
        }
        let q = 0.16, se = (Double(n) * q * (1 - q)).squareRoot()
        #expect(abs(Double(both(0)) - Double(n) * q) < 4 * se)
        #expect(Double(both(0.8)) > Double(n) * q + 10 * se)
    }

    @Test func activityLevelsHaveMeanOneAndSpread() {
        let levels = ActivityLevels(shape: 2)
        #expect(abs(levels.multipliers.reduce(0, +) / Double(levels.multipliers.count) - 1) < 1e-12)
        #expect(levels.multipliers == levels.multipliers.sorted())
        #expect(levels.multipliers.first! < 0.5 && levels.multipliers.last! > 1.5)
        // A large shape means everyone alike.
        #expect(ActivityLevels(shape: 100).multipliers.allSatisfy { abs($0 - 1) < 0.15 })
    }

    @Test func sessionCalendarIntegrates() {
        let flat = SessionCalendar(profile: Array(repeating: 1, count: 24))
        #expect(abs(flat.share(from: 5, hours: 6) - 0.25) < 1e-12)
        #expect(abs(flat.share(from: 22, hours: 48) - 2) < 1e-12)
        let c = SessionCalendar(profile: HourlyProfile.default)
        #expect(abs(c.share(from: 0, hours: 24) - 1) < 1e-12)
        #expect(abs(c.share(from: 13.5, hours: 24) - 1) < 1e-12)
        // The default profile favours the evening over 4 a.m.
        #expect(c.relativeDensity(afterHour: 19, hours: 3) > 3 * c.relativeDensity(afterHour: 4, hours: 3))
    }
}

@Suite struct FeedTests {
    /// Chronological feed: with a flat session profile, a follower with a sessions a day sees a
    /// post within its T visible hours with probability 1 − exp(−a·T/24); summed over followers.
    @Test func chronologicalReachMatchesThePoissonSessionFormula() throws {
        let r = 300
        let feed = ChronologicalFeed(scrollDepth: 30, inflowPerHour: 5, maxAgeHours: 168)  // T = 6 h
        var s = TestScenarios.scenario(audience: 5_000, platforms: [
            TestScenarios.platform(followers: 3_000, feed: .chronological(feed)),
        ], replicates: r)
        s.audience.hourlyProfile = Array(repeating: 1, count: 24)
        let world = try World.build(s)
        var expected = 0.0, variance = 0.0
        for agent in world.accounts[0].initialFollowers {
            let a = world.audience.classes.sessionsPerDay[Int(world.audience.classOf[Int(agent)])]
            let q = 1 - exp(-a * feed.visibleHours / 24)
            expected += q
            variance += q * (1 - q)
        }
        let views = try TestScenarios.metric(s, .impressionsOrganic)
        #expect(abs(TestScenarios.mean(views) - expected) < 4 * (variance / Double(r)).squareRoot())
    }

    /// Ranked feeds: with the default profile and hour sensitivity, an evening post reaches more
    /// followers than a 4 a.m. post (means of 200 replicates, difference beyond 4 standard errors).
    @Test func eveningBeatsFourAM() throws {
        func reach(hour: Int) throws -> [Double] {
            var platform = TestScenarios.platform(followers: 3_000, feed: .ranked(RankedFeed(
                baseVisibility: 0.1, formatMultiplier: FormatTable { _ in 1 }, hourSensitivity: 1,
                cadenceReference: 1, cadenceExponent: 0, activitySensitivity: 0, peerVisibility: 0,
                discoveryPerEngagement: 0)))
            platform.accounts[0].plan.postingHours = [hour]
            let s = TestScenarios.scenario(audience: 4_000, platforms: [platform], replicates: 200)
            return try TestScenarios.metric(s, .reach)
        }
        let evening = try reach(hour: 19), night = try reach(hour: 4)
        func variance(_ x: [Double]) -> Double {
            let m = TestScenarios.mean(x)
            return x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)
        }
        let se = ((variance(evening) + variance(night)) / 200).squareRoot()
        #expect(TestScenarios.mean(evening) - TestScenarios.mean(night) > 4 * se)
    }
}
