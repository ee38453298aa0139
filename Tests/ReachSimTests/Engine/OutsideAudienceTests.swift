import Foundation
import Testing
@testable import ReachSim

/// The people outside the catchment (`OutsidePools`, `OutsideAudience`): each mechanism against
/// its closed form, with fixed seeds and tolerances of 4 standard errors.
@Suite struct OutsideAudienceTests {
    /// An interest feed with one test batch of `batch` people and nothing else: no followers'
    /// views (visibility 0), no shares, no expansion.
    static func oneBatchFeed(_ batch: Double) -> FeedModel {
        .interest(InterestFeed(followerVisibility: 0, firstBatch: batch, batchGrowth: 1, engagementThreshold: 1,
                               maxBatches: 1, peerVisibility: 0))
    }

    static func open(_ scenario: Scenario, people: Double, affinity: Double = 0.25, population: Double? = nil) -> Scenario {
        var s = scenario
        s.audience.outside = OutsideSpec(users: s.platforms.map { _ in people }, population: population ?? people,
                                         affinity: affinity, sessionsPerDay: 5)
        return s
    }

    static func value(_ result: Simulation.Result, _ r: Int, week: Int, platform: Int = 0, segment: Int,
                      _ metric: Metric) -> Double {
        result.value(replicate: r, week: week, platform: platform, segment: segment, metric: metric)
    }

    @Test func aTestBatchSplitsBetweenCatchmentAndOutsideByInterest() throws {
        // Catchment: 20,000 users of affinity 1; outside: 300,000 people of affinity 0.2, so a
        // batch member is outside with q = 60,000 / 80,000 = 0.75.
        let batch = 400.0, replicates = 200
        let platform = TestScenarios.platform(followers: 0, feed: Self.oneBatchFeed(batch))
        let s = Self.open(TestScenarios.scenario(audience: 20_000, platforms: [platform], replicates: replicates),
                          people: 300_000, affinity: 0.2)
        let world = try World.build(s)
        #expect(world.layout.segments == 2)
        let q = 0.75
        #expect(abs(world.outside!.discoveryShare[0] - q) < 1e-12)
        let result = Simulation.run(world, replicates: replicates, threads: 2)
        let outside = (0..<replicates).map { Self.value(result, $0, week: 0, segment: 1, .impressionsDiscovery) }
        let all = (0..<replicates).map { Self.value(result, $0, week: 0, segment: 2, .impressionsDiscovery) }
        // One post a week: each batch shows exactly `batch` people, split binomially.
        #expect(all.allSatisfy { $0 == batch })
        let se = (batch * q * (1 - q) / Double(replicates)).squareRoot()
        #expect(abs(TestScenarios.mean(outside) - batch * q) < 4 * se)
    }

    @Test func reachOutsideIsTheOccupancyOfItsImpressions() throws {
        // A small outside pool (5,000) that 52 weekly batches of ~300 outside views fill up:
        // its reach since week 0 is N(1 − (1 − 1/N)^m) for the m outside views so far, exactly,
        // and it saturates below N instead of growing in proportion.
        let weeks = 52, replicates = 20, people = 5_000.0
        let platform = TestScenarios.platform(followers: 0, feed: Self.oneBatchFeed(400))
        let s = Self.open(TestScenarios.scenario(audience: 2_000, platforms: [platform], weeks: weeks,
                                                 replicates: replicates), people: people, affinity: 0.4)
        let world = try World.build(s)
        let result = Simulation.run(world, replicates: replicates, threads: 2)
        for r in 0..<replicates {
            var views = 0.0
            for w in 0..<weeks {
                views += Self.value(result, r, week: w, segment: 1, .impressionsDiscovery)
                let expected = OutsidePools.distinct(views, among: people)
                #expect(abs(Self.value(result, r, week: w, segment: 1, .reachCumulative) - expected) < 1e-6 * people)
                // Platform `all`: one platform, so the same people.
                #expect(abs(Self.value(result, r, week: w, platform: 1, segment: 1, .reachCumulative) - expected) < 1e-6 * people)
            }
            #expect(views > 2 * people)
            #expect(Self.value(result, r, week: weeks - 1, segment: 1, .reachCumulative) < people)
            // Segment `all` = catchment + outside.
            let catchment = Self.value(result, r, week: weeks - 1, segment: 0, .reachCumulative)
            let outside = Self.value(result, r, week: weeks - 1, segment: 1, .reachCumulative)
            #expect(abs(Self.value(result, r, week: weeks - 1, segment: 2, .reachCumulative) - (catchment + outside)) < 1e-6)
        }
    }

    @Test func theOccupancyFormulaMatchesUniformDraws() {
        // The estimator itself, against brute force: m uniform draws among N people.
        let n = 1_000, m = 1_500, trials = 400
        let rng = RandomStream(seed: 7, purpose: .replicate)
        var counts: [Double] = []
        for _ in 0..<trials {
            var seen = Set<Int>()
            for _ in 0..<m { seen.insert(rng.below(n)) }
            counts.append(Double(seen.count))
        }
        let mean = TestScenarios.mean(counts)
        let sd = (counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(trials - 1)).squareRoot()
        #expect(abs(mean - OutsidePools.distinct(Double(m), among: Double(n))) < 4 * sd / Double(trials).squareRoot())
    }

    @Test func outsideViewersFollowAtTheOutsideRateAndLeaveWithChurn() throws {
        // Batch members outside nearly always (100 catchment users against 500,000 of interest
        // weight; those drawn inside are followers already and are skipped), follow rate
        // 0.01 × affinity 0.5, churn 2 % a week.
        let batch = 2_000.0, replicates = 100, weeks = 2
        var engagement = TestScenarios.quietEngagement()
        engagement.follow = 0.01
        let platform = TestScenarios.platform(followers: 100, feed: Self.oneBatchFeed(batch), engagement: engagement,
                                              churn: 0.02)
        let s = Self.open(TestScenarios.scenario(audience: 100, platforms: [platform], weeks: weeks, replicates: replicates),
                          people: 1_000_000, affinity: 0.5)
        let world = try World.build(s)
        let result = Simulation.run(world, replicates: replicates, threads: 2)
        let p = 0.01 * 0.5
        let gained = (0..<replicates).map { Self.value(result, $0, week: 0, segment: 1, .followersGained) }
        let views = (0..<replicates).map { Self.value(result, $0, week: 0, segment: 1, .impressionsDiscovery) }
        #expect(views.allSatisfy { $0 <= batch && $0 >= batch - 10 })
        let se = (batch * p * (1 - p) / Double(replicates)).squareRoot()
        #expect(abs(TestScenarios.mean(gained) - TestScenarios.mean(views) * p) < 4 * se)
        // Followers at the end of week 0 = gained − lost, lost ~ Binomial(gained, churn).
        for r in 0..<replicates {
            let lost = Self.value(result, r, week: 0, segment: 1, .followersLost)
            #expect(Self.value(result, r, week: 0, segment: 1, .followers) == gained[r] - lost)
        }
        // lost ~ Binomial(gained, 0.02) given gained (one post a week: no dormancy factor).
        let excess = (0..<replicates).map { Self.value(result, $0, week: 0, segment: 1, .followersLost) - 0.02 * gained[$0] }
        let lostSE = (TestScenarios.mean(gained) * 0.02 * 0.98 / Double(replicates)).squareRoot()
        #expect(abs(TestScenarios.mean(excess)) < 4 * lostSE)
    }

    @Test func outsideFollowersSeePostsWithTheFeedsVisibility() throws {
        // A flat ranked feed: every follower, inside or out, sees a post with probability 0.3.
        // Week 0's paid campaign makes outside followers (every paid viewer follows).
        let replicates = 100
        var engagement = TestScenarios.quietEngagement()
        engagement.follow = 1
        var platform = TestScenarios.platform(followers: 0, feed: TestScenarios.flatRanked(visibility: 0.3), engagement: engagement)
        platform.boost = BoostSpec(budget: .perWeek(10), startWeek: 1, endWeek: 1, segments: [0], capImpressions: nil,
                                   cpmLow: 10, cpmHigh: 10, engagementMultiplier: 1)
        let s = Self.open(TestScenarios.scenario(audience: 10, platforms: [platform], weeks: 2, replicates: replicates),
                          people: 10_000_000, affinity: 1)
        let world = try World.build(s)
        // 10 € at 10 € CPM = 1,000 impressions, almost all outside (10 catchment users).
        let q = try #require(world.paidPools[0]).outsideShare(world.outside, platform: 0, segments: s.audience.segments,
                                                               audience: world.audience)
        #expect(abs(q - 10_000_000.0 / 10_000_010.0) < 1e-12)
        let result = Simulation.run(world, replicates: replicates, threads: 2)
        var seen: [Double] = []
        for r in 0..<replicates {
            let followers = Self.value(result, r, week: 0, segment: 1, .followers)
            #expect(followers == Self.value(result, r, week: 0, segment: 1, .impressionsPaid))
            let organic = Self.value(result, r, week: 1, segment: 1, .impressionsOrganic)
            seen.append(organic / followers)
            // Weekly reach of outside followers: one post, so the people who saw it.
            #expect(abs(Self.value(result, r, week: 1, segment: 1, .reach) - organic) < 1e-6 * organic + 0.2)
        }
        let se = (0.3 * 0.7 / 1_000 / Double(replicates)).squareRoot()
        #expect(abs(TestScenarios.mean(seen) - 0.3) < 4 * se)
    }

    @Test func aClosedAudienceHasNoOutsideSegment() throws {
        let platform = TestScenarios.platform(followers: 0, feed: Self.oneBatchFeed(100))
        let s = TestScenarios.scenario(audience: 1_000, platforms: [platform], replicates: 2)
        let world = try World.build(s)
        #expect(world.outside == nil)
        #expect(world.layout.segments == 1)
        #expect(s.audience.resultSegments == ["everyone"])
        #expect(Self.open(s, people: 10).audience.resultSegments == ["everyone", "outside"])
        // Every batch member is in the catchment.
        let views = try TestScenarios.metric(s, .impressionsDiscovery)
        #expect(views.allSatisfy { $0 == 100 })
    }
}
