import Foundation
@testable import ReachSim

/// Scenarios built in code for tests, with every source of noise but the one under test turned
/// off: no shares, no discovery, no follows, no churn, every feed multiplier 1.
enum TestScenarios {
    /// A ranked feed where every follower sees a post with exactly `visibility`.
    static func flatRanked(visibility: Double, peer: Double = 0) -> FeedModel {
        .ranked(RankedFeed(baseVisibility: visibility, formatMultiplier: FormatTable { _ in 1 }, hourSensitivity: 0,
                           cadenceReference: 1, cadenceExponent: 0, activitySensitivity: 0,
                           peerVisibility: peer, discoveryPerEngagement: 0))
    }

    static func quietEngagement(share: Double = 0) -> EngagementRates {
        EngagementRates(like: FormatTable { _ in 0 }, comment: FormatTable { _ in 0 },
                        share: FormatTable { _ in share }, follow: 0)
    }

    static func platform(_ name: String = "testnet", followers: Int, postsPerWeek: Double = 1,
                         feed: FeedModel, engagement: EngagementRates = quietEngagement(),
                         graph: GraphSpec = .none, churn: Double = 0) -> PlatformSpec {
        var posts = FormatTable<Double> { _ in 0 }
        posts[.image] = postsPerWeek
        return PlatformSpec(
            name: name, preset: nil, feed: feed, engagement: engagement, churnPerWeek: churn, graph: graph,
            productionHours: FormatTable { _ in 0.5 },
            accounts: [AccountSpec(name: "main", followers: followers, plan: PlanSpec(postsPerWeek: posts, postingHours: [12]))])
    }

    /// One segment that uses every platform.
    static func scenario(audience: Int, platforms: [PlatformSpec], weeks: Int = 1, replicates: Int = 100,
                         seed: UInt64 = 42, teamHours: Double = 100) -> Scenario {
        let segment = SegmentSpec(name: "everyone", age: .age25to34, locality: .local, share: 1, affinity: 1,
                                  sessionsPerDay: 5, platformUse: platforms.map { _ in 1 })
        return Scenario(
            name: "test", institution: "Test", horizonWeeks: weeks, replicates: replicates, seed: seed,
            audience: AudienceSpec(size: audience, scale: 1, segments: [segment], platformUseCorrelation: 0),
            team: TeamSpec(people: 1, hoursPerWeek: teamHours), platforms: platforms)
    }

    /// Simulates and returns one metric (segment `all`) of every replicate.
    static func metric(_ scenario: Scenario, _ metric: Metric, week: Int = 0, platform: Int = 0) throws -> [Double] {
        let world = try World.build(scenario)
        let result = Simulation.run(world, replicates: scenario.replicates, threads: 2)
        return (0..<scenario.replicates).map {
            result.value(replicate: $0, week: week, platform: platform, segment: result.layout.allSegments, metric: metric)
        }
    }

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    /// The directory holding this package (for scenarios/ and ../shared/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reachsim-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
