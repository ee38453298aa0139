import Foundation
import Testing
@testable import ReachSim

/// `platforms.<name>.boost`: decoding and positioned errors, as a table of cases.
@Suite struct BoostLoaderTests {
    static func yaml(_ platform: String = "facebook", boost: String) -> String {
        """
        name: boost-loader
        horizon_weeks: 10
        seed: 1
        team: {hours_per_week: 5}
        audience:
          size: 4000
          segments:
            - {name: locals, age: 25-34, share: 0.5}
            - {name: tourists, age: 35-54, locality: international, share: 0.5, affinity: 0}
        platforms:
          \(platform):
            followers: 100
            plan: {posts_per_week: {image: 2}}
            boost: \(boost)
        """
    }

    @Test func decodesEveryKey() throws {
        let s = try ScenarioLoader.parse(Self.yaml(boost: """
            {budget_per_month: 300, start_week: 2, end_week: 9, objective: engagement, \
            target: {segments: [locals], locality: local, audience: non_followers}, \
            frequency_cap: {impressions: 2, per_weeks: 2}, cpm: {low: 5, high: 9}, format: short_video, \
            engagement_multiplier: 0.8}
            """), file: "s.yaml")
        let b = try #require(s.platforms[0].boost)
        #expect(b.budget == .perMonth(300))
        #expect((b.startWeek, b.endWeek) == (2, 9))
        #expect(b.objective == .engagement)
        #expect(b.segments == [0] && b.localities == [.local] && b.audience == .nonFollowers)
        #expect(b.capImpressions == 2 && b.capWeeks == 2)
        #expect((b.cpmLow, b.cpmHigh) == (5, 9))
        #expect(b.format == .shortVideo && b.engagementMultiplier == 0.8)
        #expect(abs(b.budget(week: 1, posts: 2) - 300 * 12 / 52) < 1e-12)
        #expect(b.budget(week: 0, posts: 2) == 0 && b.budget(week: 9, posts: 2) == 0)
    }

    @Test func defaultsComeFromTheAdMarket() throws {
        let s = try ScenarioLoader.parse(Self.yaml(boost: "{budget_per_week: 50}"), file: "s.yaml")
        let b = try #require(s.platforms[0].boost)
        let market = try #require(PlatformPreset.named("facebook")?.adMarket)
        #expect(b.capImpressions == market.frequencyCapPerWeek && b.capWeeks == 1)
        #expect((b.cpmLow, b.cpmHigh) == (market.cpmLow, market.cpmHigh))
        #expect((b.startWeek, b.endWeek) == (1, 10) && b.objective == .reach && b.audience == .both)
        #expect(b.segments == [0, 1])
        #expect(PlatformPreset.named("mastodon")?.adMarket == nil && PlatformPreset.named("bluesky")?.adMarket == nil)
        #expect(PlatformPreset.named("instagram")?.adMarket != nil && PlatformPreset.named("x")?.adMarket != nil)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let platform: String
        let boost: String
        let expected: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "mastodon has no ad market", platform: "mastodon", boost: "{budget_per_week: 50}",
             expected: ["s.yaml:14:5:", "platforms.mastodon.boost", "mastodon has no ad market", "facebook, instagram, x"]),
        Case(label: "bluesky has no ad market", platform: "bluesky", boost: "{budget_per_week: 50}",
             expected: ["s.yaml:14:5:", "bluesky has no ad market"]),
        Case(label: "no budget", platform: "facebook", boost: "{start_week: 2}",
             expected: ["s.yaml:14:12:", "a boost needs a budget"]),
        Case(label: "hour past 23", platform: "facebook", boost: "{budget_per_week: 50, hour: 24}",
             expected: ["hour", "24 is out of range: allowed 0...23"]),
        Case(label: "two budgets", platform: "facebook", boost: "{budget_per_week: 50, budget_total: 100}",
             expected: ["s.yaml:14:", "platforms.facebook.boost.budget_total", "only one budget key"]),
        Case(label: "below the minimum", platform: "facebook", boost: "{budget_per_week: 3}",
             expected: ["s.yaml:14:", "budget_per_week", "minimum daily budget"]),
        Case(label: "negative budget", platform: "instagram", boost: "{budget_per_month: -5}",
             expected: ["s.yaml:14:", "-5 is out of range"]),
        Case(label: "unknown segment", platform: "facebook", boost: "{budget_per_week: 50, target: {segments: [local]}}",
             expected: ["s.yaml:14:", "target.segments[0]", "unknown segment 'local'", "did you mean 'locals'?"]),
        Case(label: "empty pool", platform: "facebook",
             boost: "{budget_per_week: 50, target: {segments: [tourists], locality: local}}",
             expected: ["s.yaml:14:", "the pool would be empty"]),
        Case(label: "engagement on affinity 0", platform: "facebook",
             boost: "{budget_per_week: 50, objective: engagement, target: {segments: [tourists]}}",
             expected: ["s.yaml:14:", "affinity 0"]),
        Case(label: "end before start", platform: "facebook", boost: "{budget_per_week: 50, start_week: 5, end_week: 3}",
             expected: ["s.yaml:14:", "end_week 3 is before start_week 5"]),
        Case(label: "week beyond the horizon", platform: "facebook", boost: "{budget_per_week: 50, end_week: 11}",
             expected: ["s.yaml:14:", "11 is out of range: allowed 1...10"]),
        Case(label: "bad cap", platform: "facebook", boost: "{budget_per_week: 50, frequency_cap: often}",
             expected: ["s.yaml:14:", "frequency_cap", "expected 'none'"]),
        Case(label: "cpm high below low", platform: "x", boost: "{budget_per_week: 50, cpm: {low: 9, high: 4}}",
             expected: ["s.yaml:14:", "cpm.high", "below low"]),
        Case(label: "misspelt key", platform: "facebook", boost: "{budget_per_week: 50, objectiv: reach}",
             expected: ["s.yaml:14:", "unknown key 'objectiv'", "did you mean 'objective'?"]),
    ]

    @Test(arguments: cases)
    func errorsArePositioned(_ c: Case) {
        do {
            _ = try ScenarioLoader.parse(Self.yaml(c.platform, boost: c.boost), file: "s.yaml")
            Issue.record("no error for \(c.label)")
        } catch {
            let text = "\(error)"
            for fragment in c.expected { #expect(text.contains(fragment), "\(text)") }
        }
    }

    @Test func noCapAndFixedCPM() throws {
        let s = try ScenarioLoader.parse(Self.yaml(boost: "{budget_total: 700, frequency_cap: none, cpm: 8}"), file: "s.yaml")
        let b = try #require(s.platforms[0].boost)
        #expect(b.capImpressions == nil && b.cpmLow == 8 && b.cpmHigh == 8)
        #expect(b.budget(week: 3, posts: 0) == 70)
    }
}
