import Foundation
import Testing
@testable import ReachSim

/// Each feed model against its analytical limit. Tolerances are 4 standard errors of the tested
/// mean, from the sampling distribution; seeds are fixed.
@Suite struct FeedModelTests {
    /// One segment with `sessions` a day; `activityShape` 100 makes everyone nearly alike.
    static func scenario(feed: FeedModel, followers: Int, audience: Int = 5_000, postsPerWeek: Double = 1,
                         hour: Int = 12, format: PostFormat = .image, engagement: EngagementRates = TestScenarios.quietEngagement(),
                         sessions: Double = 5, activityShape: Double = 2, weeks: Int = 1, replicates: Int = 200) -> Scenario {
        var platform = TestScenarios.platform(followers: followers, postsPerWeek: 0, feed: feed, engagement: engagement)
        platform.accounts[0].plan.postsPerWeek[format] = postsPerWeek
        platform.accounts[0].plan.postingHours = [hour]
        var s = TestScenarios.scenario(audience: audience, platforms: [platform], weeks: weeks, replicates: replicates)
        s.audience.segments[0].sessionsPerDay = sessions
        s.audience.activityShape = activityShape
        return s
    }

    /// Expected organic views of one post and their variance, given each activity level's
    /// probability of seeing it (a closed form written in the test, not the feed's own
    /// `followerVisibility`): the run's followers are counted by level, the probabilities are
    /// not read from the code under test.
    static func expectation(_ s: Scenario, probability: [Double]) throws -> (mean: Double, variance: Double) {
        let world = try World.build(s)
        var perLevel = [Int](repeating: 0, count: probability.count)
        for agent in world.accounts[0].initialFollowers {
            perLevel[Int(world.audience.classOf[Int(agent)]) % probability.count] += 1
        }
        return ClosedForms.views(followersPerLevel: perLevel, probability: probability)
    }

    // MARK: Chronological

    /// One regular session a day and no inflow: the post waits at the top of the timeline, so
    /// every follower sees every post made since their last session — exactly.
    @Test func chronologicalDailySessionNoInflowSeesEveryPost() throws {
        let f = 1_000, posts = 3
        let feed = ChronologicalFeed(scrollDepth: 40, inflowPerHour: 0, maxAgeHours: 48, sessionRegularity: 1)
        let s = Self.scenario(feed: .chronological(feed), followers: f, postsPerWeek: Double(posts),
                              sessions: 1, activityShape: 100, replicates: 20)
        let impressions = try TestScenarios.metric(s, .impressionsOrganic)
        #expect(impressions.allSatisfy { $0 == Double(posts * f) })
    }

    /// With Poisson sessions the same follower misses the post with probability exp(−a·S(h, T)).
    @Test func chronologicalPoissonSessionsMatchTheirClosedForm() throws {
        let feed = ChronologicalFeed(scrollDepth: 10, inflowPerHour: 2, maxAgeHours: 48, sessionRegularity: 0)
        let s = Self.scenario(feed: .chronological(feed), followers: 2_000, hour: 9, sessions: 1, replicates: 300)
        // T = min(48, 10 / 2) = 5 hours from 9 h; a follower of level l has a_l sessions a day
        // (1 a day × the level's multiplier) and sees the post with 1 − exp(−a_l·S(9, 5)).
        let share = ClosedForms.sessionShare(profile: HourlyProfile.default, start: 9, hours: 5)
        let probability = ClosedForms.activityLevels(integerShape: 2).map { 1 - exp(-$0 * share) }
        let (mean, variance) = try Self.expectation(s, probability: probability)
        let impressions = try TestScenarios.metric(s, .impressionsOrganic)
        #expect(abs(TestScenarios.mean(impressions) - mean) < 4 * (variance / 300).squareRoot())
    }

    // MARK: Ranked

    /// Every multiplier at 1 (and the new ones off): expected reach is base × followers even when
    /// people engage.
    @Test func rankedWithNeutralMultipliersReachesBaseTimesFollowers() throws {
        let f = 4_000, p = 0.055, r = 300
        let engagement = EngagementRates(like: FormatTable { _ in 0.05 }, comment: FormatTable { _ in 0.01 },
                                         share: FormatTable { _ in 0 }, follow: 0)
        let s = Self.scenario(feed: TestScenarios.flatRanked(visibility: p), followers: f, engagement: engagement, replicates: r)
        let impressions = try TestScenarios.metric(s, .impressionsOrganic)
        let se = (Double(f) * p * (1 - p) / Double(r)).squareRoot()
        #expect(abs(TestScenarios.mean(impressions) - Double(f) * p) < 4 * se)
    }

    /// A second wave (threshold 0: every post earns it) shows the post to followers who missed
    /// it with min(1, p·m): each follower sees it with p + (1 − p)·min(1, p·m).
    @Test func rankedSecondWaveAddsItsClosedForm() throws {
        let f = 3_000, p = 0.1, m = 2.0, r = 300
        guard case .ranked(var feed) = TestScenarios.flatRanked(visibility: p) else { return }
        feed.secondWaveThreshold = 0
        feed.secondWaveMultiplier = m
        let s = Self.scenario(feed: .ranked(feed), followers: f, replicates: r)
        let q = p + (1 - p) * min(1, p * m)
        let impressions = try TestScenarios.metric(s, .impressionsOrganic)
        #expect(abs(TestScenarios.mean(impressions) - Double(f) * q) < 4 * (Double(f) * q * (1 - q) / Double(r)).squareRoot())
    }

    /// Everyone who sees a post likes it; a follower who liked last week's post sees this week's
    /// with min(1, p·m), the others with p: week 2 expects F·(p·min(1, p·m) + (1 − p)·p).
    @Test func rankedEngagedFollowersSeeMore() throws {
        let f = 3_000, p = 0.1, m = 3.0, r = 300
        guard case .ranked(var feed) = TestScenarios.flatRanked(visibility: p) else { return }
        feed.engagedMultiplier = m
        feed.engagedWindowWeeks = 1
        let engagement = EngagementRates(like: FormatTable { _ in 1 }, comment: FormatTable { _ in 0 },
                                         share: FormatTable { _ in 0 }, follow: 0)
        let s = Self.scenario(feed: .ranked(feed), followers: f, engagement: engagement, weeks: 2, replicates: r)
        let q = p * min(1, p * m) + (1 - p) * p
        let week2 = try TestScenarios.metric(s, .impressionsOrganic, week: 1)
        #expect(abs(TestScenarios.mean(week2) - Double(f) * q) < 4 * (Double(f) * q * (1 - q) / Double(r)).squareRoot())
        #expect(q > p)
    }

    /// Reels on a ranked feed: a short video below the threshold is shown to exactly its first
    /// batch of non-followers; an image is not tested on non-followers at all.
    @Test func rankedReelsTestShortVideosOnlyInBatches() throws {
        guard case .ranked(var feed) = TestScenarios.flatRanked(visibility: 0.1) else { return }
        feed.reels = InterestFeed(followerVisibility: 0, firstBatch: 150, batchGrowth: 3, engagementThreshold: 0.5,
                                  maxBatches: 4, peerVisibility: 0)
        let video = Self.scenario(feed: .ranked(feed), followers: 500, format: .shortVideo, replicates: 20)
        #expect(try TestScenarios.metric(video, .impressionsDiscovery).allSatisfy { $0 == 150 })
        let image = Self.scenario(feed: .ranked(feed), followers: 500, format: .image, replicates: 20)
        #expect(try TestScenarios.metric(image, .impressionsDiscovery).allSatisfy { $0 == 0 })
    }

    // MARK: Interest graph

    /// Engagement below the threshold: the post never leaves its first batch, whose size is exact.
    @Test func interestPostBelowThresholdNeverLeavesItsFirstBatch() throws {
        let feed = InterestFeed(followerVisibility: 0.1, firstBatch: 200, batchGrowth: 5, engagementThreshold: 0.01,
                                maxBatches: 6, peerVisibility: 0)
        let s = Self.scenario(feed: .interest(feed), followers: 500, format: .shortVideo, replicates: 50)
        let discovery = try TestScenarios.metric(s, .impressionsDiscovery)
        #expect(discovery.allSatisfy { $0 == 200 })
        // Followers: each sees it with follower visibility × activity factor.
        let organic = try TestScenarios.metric(s, .impressionsOrganic)
        // Interest feeds: follower visibility × the activity factor a_l / mean(a) = a_l.
        let probability = ClosedForms.activityLevels(integerShape: 2).map { min(1, 0.1 * $0) }
        let (mean, variance) = try Self.expectation(s, probability: probability)
        #expect(abs(TestScenarios.mean(organic) - mean) < 4 * (variance / 50).squareRoot())
    }

    /// Threshold 0: every batch earns the next; the views are the sum of the batch sizes.
    @Test func interestPostAboveThresholdExpandsBatchByBatch() throws {
        let feed = InterestFeed(followerVisibility: 0, firstBatch: 100, batchGrowth: 3, engagementThreshold: 0,
                                maxBatches: 3, peerVisibility: 0)
        let s = Self.scenario(feed: .interest(feed), followers: 500, format: .shortVideo, replicates: 20)
        let discovery = try TestScenarios.metric(s, .impressionsDiscovery)
        #expect(discovery.allSatisfy { $0 == 100 + 300 + 900 })
        #expect(try TestScenarios.metric(s, .impressionsOrganic).allSatisfy { $0 == 0 })
    }

    /// Post quality is lognormal with mean 1: it spreads engagement across posts without changing
    /// its mean. With batches that never expand, views do not depend on quality, so
    /// E[likes] = rate × E[views]; the tolerance is 4 standard errors of likes − rate × views.
    @Test func interestPostQualityKeepsTheMeanEngagement() throws {
        let rate = 0.05, r = 400
        let feed = InterestFeed(followerVisibility: 0.2, firstBatch: 300, batchGrowth: 2, engagementThreshold: 1,
                                maxBatches: 3, peerVisibility: 0, qualitySpread: 1)
        let engagement = EngagementRates(like: FormatTable { _ in rate }, comment: FormatTable { _ in 0 },
                                         share: FormatTable { _ in 0 }, follow: 0)
        let s = Self.scenario(feed: .interest(feed), followers: 1_000, format: .shortVideo, engagement: engagement, replicates: r)
        let likes = try TestScenarios.metric(s, .likes)
        let views = zip(try TestScenarios.metric(s, .impressionsOrganic), try TestScenarios.metric(s, .impressionsDiscovery)).map(+)
        #expect(views.allSatisfy { $0 >= 300 })
        let d = zip(likes, views).map { $0 - rate * $1 }
        let m = TestScenarios.mean(d)
        let sd = (d.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(r - 1)).squareRoot()
        #expect(abs(m) < 4 * sd / Double(r).squareRoot())
        // and it does spread: the variance of likes is well above the binomial one.
        let ml = TestScenarios.mean(likes)
        let vl = likes.reduce(0) { $0 + ($1 - ml) * ($1 - ml) } / Double(r - 1)
        #expect(vl > 3 * ml)
    }

    // MARK: Live

    /// Followers all tune in and the directory shows the stream to far more people than exist:
    /// reach saturates at, and never exceeds, the online audience Σ over users of o_c.
    @Test func liveReachNeverExceedsTheOnlineAudience() throws {
        let n = 3_000, r = 100
        let feed = LiveFeed(durationHours: 2, tuneIn: 1, discoveryPerViewer: 1_000)
        let s = Self.scenario(feed: .live(feed), followers: 300, audience: n, hour: 20, format: .live, sessions: 2, replicates: r)
        let world = try World.build(s)
        var online = [Double](repeating: 0, count: world.audience.classes.count)
        world.feeds[0].discoveryAcceptance(hour: 20, into: &online)
        var expected = 0.0, variance = 0.0
        for agent in 0..<n {
            let o = online[Int(world.audience.classOf[agent])]
            expected += o
            variance += o * (1 - o)
        }
        let reach = try TestScenarios.metric(s, .reach)
        let bound = expected + 4 * (variance / Double(r)).squareRoot()
        #expect(TestScenarios.mean(reach) <= bound)
        #expect(TestScenarios.mean(reach) > 0.9 * expected)  // and it does saturate
        #expect(expected < Double(n) * 0.8)  // the bound is a real constraint
    }

    // MARK: Time of day

    /// With the default session profile an evening post reaches more than a 4 a.m. post, on a
    /// ranked feed (hour multiplier) and on a chronological one (who opens the app in time).
    @Test(arguments: ["facebook", "mastodon"])
    func eveningPostReachesMoreThanFourAM(_ preset: String) throws {
        let r = 200
        let feed = PlatformPreset.named(preset)!.feed
        func run(_ hour: Int) throws -> (Double, Double) {
            let s = Self.scenario(feed: feed, followers: 2_000, hour: hour, replicates: r)
            let xs = try TestScenarios.metric(s, .impressionsOrganic)
            let m = TestScenarios.mean(xs)
            let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(r - 1)
            return (m, v / Double(r))
        }
        let (evening, ve) = try run(19), (night, vn) = try run(4)
        #expect(evening - night > 4 * (ve + vn).squareRoot())
    }
}
