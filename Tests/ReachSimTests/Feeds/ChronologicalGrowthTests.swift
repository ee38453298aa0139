import Foundation
import Testing
@testable import ReachSim

/// How an account on a chronological feed grows (issue 16): out-of-network discovery
/// (`ChronologicalFeed.discoveryPerPost`) and Bluesky's starter packs (`StarterPacks`), against
/// their closed forms, with tolerances of 4 standard errors.
///
/// The closed form: one segment (affinity 1) whose N agents all use the platform, no follower
/// graph, no shares, no churn. A post's Poisson(D) discovery impressions land on uniform users,
/// so each user gets Poisson(D/N) of them independently: a user who does not follow sees the
/// post with probability 1 − e^(−D/N) and follows with probability f. Each non-follower thus
/// follows after a post with q = (1 − e^(−D/N))·f, independently of the others (followers see
/// the post too, but cannot follow again): after n posts, the gain is Binomial(N − F₀, 1 − (1 − q)^n).
@Suite struct ChronologicalGrowthTests {
    typealias T = TestScenarios

    static let users = 20_000, initial = 2_000, postsPerWeek = 5, weeks = 4, replicates = 200
    static let discovery = 400.0, follow = 0.05

    static func feed(discovery: Double = discovery) -> FeedModel {
        .chronological(ChronologicalFeed(scrollDepth: 40, inflowPerHour: 5, maxAgeHours: 168, discoveryPerPost: discovery))
    }

    static func engagement() -> EngagementRates {
        var e = T.quietEngagement()
        e.follow = follow
        return e
    }

    /// q: the chance that a non-follower follows after one post.
    static var perPost: Double { (1 - exp(-discovery / Double(users))) * follow }

    func followers(_ s: Scenario, week: Int, platform: Int = 0) throws -> [Double] {
        try T.metric(s, .followers, week: week, platform: platform)
    }

    /// Followers gained by discovery: every week's gain against Binomial(N − F, 1 − (1 − q)^P),
    /// F the followers at the start of the week (known in expectation: (N − F₀)(1 − q)^(P·w)).
    @Test func discoveryGainMatchesTheClosedForm() throws {
        let platform = T.platform(followers: Self.initial, postsPerWeek: Double(Self.postsPerWeek),
                                  feed: Self.feed(), engagement: Self.engagement())
        let s = T.scenario(audience: Self.users, platforms: [platform], weeks: Self.weeks, replicates: Self.replicates)
        let n = Double(Self.users - Self.initial)
        let keep = pow(1 - Self.perPost, Double(Self.postsPerWeek))  // a non-follower stays one over a week
        for w in 0..<Self.weeks {
            let gained = try T.metric(s, .followersGained, week: w)
            let before = n * pow(keep, Double(w))  // E[non-followers at the start of week w]
            let expected = before * (1 - keep)
            // Var(gain) = E[Var | before] + Var(E | before) = E[before]·keep(1 − keep) + (1 − keep)²·Var(before),
            // Var(before) = n·π(1 − π) with π = 1 − keep^w (the gain so far is a binomial count).
            let pw = 1 - pow(keep, Double(w))
            let variance = before * (1 - keep) * keep + (1 - keep) * (1 - keep) * n * pw * (1 - pw)
            let se = (variance / Double(Self.replicates)).squareRoot()
            #expect(abs(T.mean(gained) - expected) < 4 * se, "week \(w + 1): \(T.mean(gained)) vs \(expected) ± \(4 * se)")
        }
        // Over the whole run the gain is exactly Binomial(N − F₀, 1 − keep^W).
        let end = try followers(s, week: Self.weeks - 1)
        let pi = 1 - pow(keep, Double(Self.weeks))
        let se = (n * pi * (1 - pi) / Double(Self.replicates)).squareRoot()
        #expect(abs(T.mean(end) - Double(Self.initial) - n * pi) < 4 * se)
    }

    /// No discovery, no growth: with `discoveryPerPost` 0 nobody outside the followers sees a post.
    @Test func noDiscoveryNoGrowth() throws {
        let platform = T.platform(followers: Self.initial, postsPerWeek: Double(Self.postsPerWeek),
                                  feed: Self.feed(discovery: 0), engagement: Self.engagement())
        let s = T.scenario(audience: Self.users, platforms: [platform], weeks: 2, replicates: 10)
        #expect(try T.metric(s, .impressionsDiscovery, week: 1).allSatisfy { $0 == 0 })
        #expect(try followers(s, week: 1).allSatisfy { $0 == Double(Self.initial) })
    }

    /// A starter pack adds Poisson(u × the week's follows) followers at the end of each week, drawn
    /// uniformly among non-followers. In expectation, a week multiplies the non-followers by
    /// r = keep − u(1 − keep) (linear in the non-followers, so exact for the means):
    /// E[followers after W weeks] = N − (N − F₀)·r^W. Its spread is measured (the pack's draws make
    /// the gain over-dispersed), from the replicates' standard deviation.
    @Test func starterPackAddsItsUpliftOfTheFollows() throws {
        let uplift = 0.85
        var platform = T.platform(followers: Self.initial, postsPerWeek: Double(Self.postsPerWeek),
                                  feed: Self.feed(), engagement: Self.engagement())
        platform.starterPackUplift = uplift
        platform.accounts[0].starterPack = true
        let s = T.scenario(audience: Self.users, platforms: [platform], weeks: Self.weeks, replicates: Self.replicates)
        let keep = pow(1 - Self.perPost, Double(Self.postsPerWeek))
        let r = keep - uplift * (1 - keep)
        let n = Double(Self.users - Self.initial)
        for w in [0, Self.weeks - 1] {
            let end = try followers(s, week: w)
            let expected = Double(Self.users) - n * pow(r, Double(w + 1))
            let m = T.mean(end)
            let sd = (end.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(end.count - 1)).squareRoot()
            let se = sd / Double(end.count).squareRoot()
            #expect(abs(m - expected) < 4 * se, "week \(w + 1): \(m) vs \(expected) ± \(4 * se)")
        }
        // Week 1 with and without the pack: the posts draw the same numbers in both runs (the
        // pack draws from the account's stream after the week's posts), so per replicate the
        // pack's followers are with − without, and given the week's follows f they are
        // Poisson(u·f) (here they always find non-followers): mean u·f, variance u·f.
        platform.accounts[0].starterPack = false
        let without = try followers(T.scenario(audience: Self.users, platforms: [platform], weeks: Self.weeks,
                                               replicates: Self.replicates), week: 0)
        let with = try followers(s, week: 0)
        var diff = 0.0, variance = 0.0
        for (w, o) in zip(with, without) {
            let organic = o - Double(Self.initial)
            #expect(w >= o)
            diff += (w - o) - uplift * organic
            variance += uplift * organic
        }
        let se = variance.squareRoot() / Double(Self.replicates)
        #expect(abs(diff / Double(Self.replicates)) < 4 * se, "pack − u × follows: \(diff / Double(Self.replicates)) ± \(4 * se)")
        #expect(abs((1 - r) / (1 - keep) - (1 + uplift)) < 1e-12)
    }

    /// A starter pack on a platform with no uplift is refused with its position.
    @Test func starterPackNeedsAnUplift() {
        let yaml = """
            name: t
            horizon_weeks: 2
            team: {hours_per_week: 10}
            audience:
              size: 1000
              segments: [{name: everyone, age: 25-34, share: 1}]
            platforms:
              mastodon:
                followers: 0
                starter_pack: true
                plan: {posts_per_week: {text: 1}}
            """
        #expect { try ScenarioLoader.parse(yaml, file: "s.yaml") } throws: { error in
            "\(error)".contains("s.yaml:10:") && "\(error)".contains("mastodon has no starter packs")
        }
        let bluesky = yaml.replacingOccurrences(of: "mastodon", with: "bluesky")
        #expect(throws: Never.self) { try ScenarioLoader.parse(bluesky, file: "s.yaml") }
    }

    /// A migration's new account keeps growing after the announcement while it keeps posting:
    /// once the source is closed, its weekly gains are discovery follows only, so from the
    /// followers F_a it had at the end of the announcement, it gains Binomial(N − F_a, 1 − (1 − q)^n)
    /// over the n posts that follow (checked on the mean over replicates of gain − π(N − F_a)).
    @Test func migratedAccountGrowsAfterTheAnnouncement() throws {
        var source = T.platform("source", followers: 2_000, feed: T.flatRanked(visibility: 1))
        source.accounts[0].plan.postsPerWeek = FormatTable { _ in 0 }
        let destination = T.platform("destination", followers: 0, postsPerWeek: Double(Self.postsPerWeek),
                                     feed: Self.feed(), engagement: Self.engagement())
        let weeks = 8, replicates = 100
        var s = T.scenario(audience: Self.users, platforms: [source, destination], weeks: weeks, replicates: replicates)
        s.timeline = [
            TimelineEvent(week: 2, kind: .join(.init(platform: 1))),
            TimelineEvent(week: 2, kind: .announceMigration(.init(
                source: .init(platform: 0), destinations: [1], posts: 2, weeks: 1, followThrough: [0.5]))),
            TimelineEvent(week: 3, kind: .leave(.init(platform: 0), .close)),
        ]
        let world = try World.build(s)
        let result = Simulation.run(world, replicates: replicates, threads: 2)
        func value(_ r: Int, _ w: Int, _ metric: Metric) -> Double {
            result.value(replicate: r, week: w, platform: 1, segment: result.layout.allSegments, metric: metric)
        }
        let announced = 1  // week 2, the announcement's only week
        let n = Double((weeks - 1 - announced) * Self.postsPerWeek)
        let pi = 1 - pow(1 - Self.perPost, n)
        var diff = 0.0, variance = 0.0
        for r in 0..<replicates {
            let after = value(r, announced, .followers), end = value(r, weeks - 1, .followers)
            #expect(after > 500, "the announcement moved followers")
            let left = Double(Self.users) - after
            diff += (end - after) - pi * left
            variance += left * pi * (1 - pi)
        }
        let mean = diff / Double(replicates), se = variance.squareRoot() / Double(replicates)
        #expect(abs(mean) < 4 * se, "gain − π(N − F_a): \(mean) ± \(4 * se)")
        // And it does grow: the expected gain is well above its noise.
        #expect(pi * (Double(Self.users) - 1_000) > 10 * se)
        #expect((0..<replicates).allSatisfy { value($0, weeks - 1, .posts) == Double(Self.postsPerWeek) })
    }
}
