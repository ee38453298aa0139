import Foundation
import Testing
@testable import ReachSim

/// Time spent on a post: a format's `production_hours` against the preset's multiply its
/// engagement by (h/h₀)^elasticity, and the uncertainty studies draw the elasticity only when a
/// scenario moves the hours.
@Suite struct EffortTests {
    typealias T = TestScenarios

    /// One platform, 1,000 followers who all see the post, a like rate of 0.1 per view, its image
    /// posts made in `hours` where the preset takes 0.5.
    static func scenario(hours: Double, elasticity: Double = EngagementRates.defaultEffortElasticity) -> Scenario {
        var engagement = T.quietEngagement()
        engagement.like = FormatTable { _ in 0.1 }
        engagement.effortElasticity = elasticity
        var platform = T.platform(followers: 1_000, feed: T.flatRanked(visibility: 1), engagement: engagement)
        platform.referenceHours = FormatTable { _ in 0.5 }
        platform.productionHours = FormatTable { _ in hours }
        return T.scenario(audience: 10_000, platforms: [platform], replicates: 200)
    }

    /// Twice the hours: likes × 2^0.3 = 1.231; half: × 0.812. The ratio of means within 4
    /// standard errors (delta method over the replicates).
    @Test func moreHoursMakePostsThatEngageMore() throws {
        let base = try T.metric(Self.scenario(hours: 0.5), .likes)
        for (hours, expected) in [(1.0, _pow(2, 0.3)), (0.25, _pow(0.5, 0.3))] {
            let moved = try T.metric(Self.scenario(hours: hours), .likes)
            let a = Statistics.summarize(moved), b = Statistics.summarize(base)
            let n = Double(base.count)
            let ratio = a.mean / b.mean
            let se = ((a.sd * a.sd / n) / (b.mean * b.mean) + (a.mean * a.mean) * (b.sd * b.sd / n) / _pow(b.mean, 4)).squareRoot()
            #expect(abs(ratio - expected) < 4 * se, "hours \(hours): ratio \(ratio), expected \(expected) ± \(4 * se)")
        }
    }

    /// At the preset's hours, or with an elasticity of 0, posts are what they were: the same
    /// bytes, and with more hours at elasticity 0 the same likes (only the hours column moves).
    @Test func noEffectAtThePresetsHoursOrWithoutElasticity() throws {
        func bytes(_ s: Scenario) throws -> [UInt8] {
            WeeklyTable.render(Simulation.run(try World.build(s), replicates: 20, threads: 2), scenario: s)
        }
        var plain = Self.scenario(hours: 0.5)
        plain.platforms[0].engagement.effortElasticity = 0
        #expect(try bytes(Self.scenario(hours: 0.5)) == bytes(plain))
        #expect(try T.metric(Self.scenario(hours: 2, elasticity: 0), .likes) == T.metric(plain, .likes))
        #expect(try T.metric(Self.scenario(hours: 2), .likes) != T.metric(plain, .likes))
    }

    /// The elasticity is an uncertain parameter where the hours move, and only there; a file's
    /// `engagement.effort_elasticity` is read and range-checked.
    @Test func theElasticityIsDrawnWhereTheHoursMove() throws {
        let keys = { (s: Scenario) in PlausibleRanges.defaults(for: s).map(\.key) }
        #expect(!keys(Self.scenario(hours: 0.5)).contains("platforms.testnet.engagement.effort_elasticity"))
        let range = try #require(PlausibleRanges.defaults(for: Self.scenario(hours: 1)).first { $0.key.hasSuffix("effort_elasticity") })
        #expect(range.low == 0 && range.high == 0.6 && range.distribution == .beta)
        let yaml = """
            name: effort
            horizon_weeks: 4
            team: {hours_per_week: 20}
            audience: {size: 20000, segments: [{name: everyone, age: 25-34, share: 1}]}
            platforms:
              instagram:
                followers: 500
                production_hours: {image: 1.0}
                engagement: {effort_elasticity: ELASTICITY}
                plan: {posts_per_week: {image: 2}}
            """
        let s = try ScenarioLoader.parse(yaml.replacingOccurrences(of: "ELASTICITY", with: "0.5"), file: "e.yaml")
        #expect(s.platforms[0].engagement.effortElasticity == 0.5)
        #expect(s.platforms[0].referenceHours[.image] == PlatformPreset.named("instagram")!.productionHours[.image])
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(yaml.replacingOccurrences(of: "ELASTICITY", with: "2"), file: "e.yaml") }
    }
}
