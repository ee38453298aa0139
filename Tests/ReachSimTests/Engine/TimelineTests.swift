import Foundation
import Testing
@testable import ReachSim

/// Timeline events against what they must do, with tolerances of 4 standard errors.
@Suite struct TimelineTests {
    typealias T = TestScenarios

    func run(_ scenario: Scenario) throws -> (World, Simulation.Result) {
        let world = try World.build(scenario)
        return (world, Simulation.run(world, replicates: scenario.replicates, threads: 2))
    }

    func values(_ r: Simulation.Result, week: Int, platform: Int, _ metric: Metric) -> [Double] {
        (0..<r.replicates).map { r.value(replicate: $0, week: week, platform: platform, segment: r.layout.allSegments, metric: metric) }
    }

    /// After `leave` in mode `close`, the platform has no posts, no organic impressions and no followers.
    @Test func closeLeavesNothing() throws {
        var s = T.scenario(audience: 5_000, platforms: [T.platform(followers: 1_000, postsPerWeek: 3,
                                                                   feed: T.flatRanked(visibility: 0.2))],
                           weeks: 6, replicates: 20)
        s.timeline = [TimelineEvent(week: 3, kind: .leave(.init(platform: 0), .close))]
        let (_, r) = try run(s)
        #expect(values(r, week: 1, platform: 0, .impressionsOrganic).allSatisfy { $0 > 0 })
        #expect(values(r, week: 2, platform: 0, .followersLost) == Array(repeating: 1_000, count: 20))
        for w in 2..<6 {
            for metric in [Metric.posts, .impressionsOrganic, .reach, .followers] {
                #expect(values(r, week: w, platform: 0, metric) == Array(repeating: 0, count: 20), "week \(w + 1) \(metric)")
            }
        }
    }

    /// Followers who follow to the destination = exposed followers × users of the destination ×
    /// follow-through: every follower sees the announcement (visibility 1), so per replicate the
    /// migrants are Binomial(D, f), D = the source's followers who use the destination, and D
    /// itself is Binomial(F, u) for use u independent of the source (correlation 0).
    @Test func migrationFollowThrough() throws {
        let followers = 4_000, use = 0.3, followThrough = 0.25, replicates = 200
        var source = T.platform("source", followers: followers, feed: T.flatRanked(visibility: 1))
        source.accounts[0].plan.postsPerWeek = FormatTable { _ in 0 }
        var destination = T.platform("destination", followers: 0, feed: T.flatRanked(visibility: 1))
        destination.accounts[0].plan.postsPerWeek = FormatTable { _ in 0 }
        var s = T.scenario(audience: 20_000, platforms: [source, destination], weeks: 2, replicates: replicates)
        s.audience.segments[0].platformUse = [1, use]
        s.timeline = [TimelineEvent(week: 1, kind: .announceMigration(.init(
            source: .init(platform: 0), destinations: [1], posts: 2, weeks: 1, followThrough: [followThrough])))]
        let (world, r) = try run(s)
        let users = Set(world.audience.platformUsers[1])
        let d = Double(world.accounts[0].initialFollowers.filter { users.contains($0) }.count)
        let f = Double(followers)
        #expect(abs(d - f * use) < 4 * (f * use * (1 - use)).squareRoot(), "followers who use the destination")
        let migrants = values(r, week: 0, platform: 1, .followersGained)
        let se = (d * followThrough * (1 - followThrough) / Double(replicates)).squareRoot()
        #expect(abs(T.mean(migrants) - d * followThrough) < 4 * se)
        // Two announcements, each seen by every follower, still give one decision per person
        // (else the mean would be D × (1 − (1 − f)²)); nobody follows later or leaves.
        #expect(values(r, week: 1, platform: 1, .followersGained).allSatisfy { $0 == 0 })
        #expect(values(r, week: 1, platform: 1, .followers) == migrants)
    }

    /// A trend of −50% over 4 weeks halves the active followers in expectation: the followers left
    /// are a hypergeometric draw (half of the platform's users stop using it).
    @Test func trendHalvesActiveFollowers() throws {
        let followers = 2_000, users = 10_000, replicates = 200
        var s = T.scenario(audience: users, platforms: [T.platform(followers: followers, feed: T.flatRanked(visibility: 0.1))],
                           weeks: 6, replicates: replicates)
        s.timeline = [TimelineEvent(week: 1, kind: .trend(platform: 0, factor: 0.5, weeks: 4))]
        let (_, r) = try run(s)
        let left = values(r, week: 5, platform: 0, .followers)
        let f = Double(followers), n = Double(users)
        let variance = f * 0.25 * (n - f) / (n - 1)
        #expect(abs(T.mean(left) - f / 2) < 4 * (variance / Double(replicates)).squareRoot())
        // Followers lost = followers gone; quiet users see nothing: reach ≤ active followers.
        #expect(zip(values(r, week: 5, platform: 0, .reach), left).allSatisfy { $0 <= $1 })
    }

    /// A campaign of multiplier 1 changes nothing, byte for byte; a stronger one raises discovery.
    @Test func campaignRaisesDiscovery() throws {
        let feed = RankedFeed(baseVisibility: 0.2, formatMultiplier: FormatTable { _ in 1 }, hourSensitivity: 0,
                              cadenceReference: 1, cadenceExponent: 0, activitySensitivity: 0,
                              peerVisibility: 0, discoveryPerEngagement: 5)
        let engagement = EngagementRates(like: FormatTable { _ in 0.1 }, comment: FormatTable { _ in 0 },
                                         share: FormatTable { _ in 0 }, follow: 0)
        let base = T.scenario(audience: 20_000, platforms: [T.platform(followers: 2_000, postsPerWeek: 2, feed: .ranked(feed),
                                                                       engagement: engagement)],
                              weeks: 2, replicates: 50)
        func discovery(_ multiplier: Double?) throws -> (bytes: [UInt8], values: [Double]) {
            var s = base
            if let multiplier { s.timeline = [TimelineEvent(week: 1, kind: .campaign(platform: 0, weeks: 1, discoveryMultiplier: multiplier))] }
            let (_, r) = try run(s)
            return (WeeklyTable.render(r, scenario: s), values(r, week: 0, platform: 0, .impressionsDiscovery))
        }
        let none = try discovery(nil), one = try discovery(1), three = try discovery(3)
        #expect(none.bytes == one.bytes)
        let sd = Statistics.summarize(none.values).sd
        #expect(T.mean(three.values) > T.mean(none.values) + 4 * sd / (50.0).squareRoot())
    }

    /// Over-posting: at 2 posts a day each post gets 57% of the likes per view of a once-a-day post.
    @Test func overPostingLowersLikesPerPost() throws {
        let engagement = EngagementRates(like: FormatTable { _ in 0.2 }, comment: FormatTable { _ in 0 },
                                         share: FormatTable { _ in 0 }, follow: 0)
        func likesPerView(_ perWeek: Double) throws -> (Double, Double) {
            let s = T.scenario(audience: 3_000, platforms: [T.platform(followers: 1_000, postsPerWeek: perWeek,
                                                                       feed: T.flatRanked(visibility: 1), engagement: engagement)],
                               weeks: 1, replicates: 40)
            let (_, r) = try run(s)
            let likes = values(r, week: 0, platform: 0, .likes).reduce(0, +)
            let views = values(r, week: 0, platform: 0, .impressionsOrganic).reduce(0, +)
            return (likes / views, views)
        }
        let (once, _) = try likesPerView(7)
        let (twice, views) = try likesPerView(14)
        #expect(abs(once - 0.2) < 4 * (0.2 * 0.8 / (views / 2)).squareRoot())
        let p = 0.2 * 0.57
        #expect(abs(twice - p) < 4 * (p * (1 - p) / views).squareRoot())
    }

    /// A ghost account (no posts for 4 weeks) loses followers at twice the platform's churn.
    @Test func ghostAccountsLoseFollowersFaster() throws {
        let followers = 5_000, churn = 0.02, replicates = 100
        var s = T.scenario(audience: 10_000, platforms: [T.platform(followers: followers, feed: T.flatRanked(visibility: 0.1),
                                                                    churn: churn)],
                           weeks: 6, replicates: replicates)
        s.timeline = [TimelineEvent(week: 1, kind: .leave(.init(platform: 0), .ghost))]
        let (_, r) = try run(s)
        // Week 6: the last 4 weeks had no post; the followers at the start of the week are known per replicate.
        let before = values(r, week: 4, platform: 0, .followers), lost = values(r, week: 5, platform: 0, .followersLost)
        let q = 2 * churn
        let expected = before.reduce(0, +) * q
        let se = (before.reduce(0, +) * q * (1 - q)).squareRoot()
        #expect(abs(lost.reduce(0, +) - expected) < 4 * se)
    }

    /// Cross-platform unique reach is never above the sum of the platforms' reach nor below the
    /// largest, in every replicate, week and segment, weekly and cumulative.
    @Test func crossPlatformReachIsBetweenLargestAndSum() throws {
        var s = try ScenarioLoader.load(path: T.packageRoot.appendingPathComponent("scenarios/leave-x-for-bluesky-mastodon.yaml").path)
        s.replicates = 3
        s.audience.size = 60_000
        for p in s.platforms.indices { for a in s.platforms[p].accounts.indices { s.platforms[p].accounts[a].followers /= 5 } }
        let (_, r) = try run(s)
        let layout = r.layout
        var checked = 0
        for rep in 0..<r.replicates {
            for w in 0..<layout.weeks {
                for seg in 0..<layout.segmentSlots {
                    for metric in [Metric.reach, .reachCumulative] {
                        let each = (0..<layout.platforms).map { r.value(replicate: rep, week: w, platform: $0, segment: seg, metric: metric) }
                        let all = r.value(replicate: rep, week: w, platform: layout.allPlatforms, segment: seg, metric: metric)
                        #expect(all <= each.reduce(0, +) && all >= each.max()!)
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 3 * 52 * layout.segmentSlots * 2)
    }
}
