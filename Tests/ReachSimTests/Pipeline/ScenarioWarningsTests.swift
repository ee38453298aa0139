import Foundation
import Testing
@testable import ReachSim

/// Warnings before a run: each fires where the scenario does what was probably not meant, at the
/// line of the key concerned, and not on a scenario that is fine.
@Suite struct ScenarioWarningsTests {
    static func path(_ name: String) -> String {
        TestScenarios.packageRoot.appendingPathComponent("scenarios/\(name)").path
    }

    static func warnings(_ yaml: String) throws -> [ScenarioWarning] {
        ScenarioWarnings.check(try ScenarioLoader.parse(yaml, file: "s.yaml"), yaml: try YAMLValue.parse(yaml, file: "s.yaml"))
    }

    static let base = """
        name: warnings
        horizon_weeks: 10
        team:
          hours_per_week: HOURS
        audience:
          size: 20000
          segments: [{name: everyone, age: 25-34, share: 1}]
        platforms:
          x:
            followers: 500
            plan: {posts_per_week: {text: 3}}
          mastodon:
            followers: 100
            plan: {posts_per_week: {text: POSTS}}
        TIMELINE
        """

    static func yaml(hours: Double = 100, mastodonPosts: Double = 1, timeline: String = "") -> String {
        base.replacingOccurrences(of: "HOURS", with: "\(hours)").replacingOccurrences(of: "POSTS", with: "\(mastodonPosts)")
            .replacingOccurrences(of: "TIMELINE", with: timeline)
    }

    @Test func aScenarioThatFitsHasNoWarning() throws {
        #expect(try Self.warnings(Self.yaml()).isEmpty)
        #expect(try ScenarioWarnings.check(path: Self.path("museum-baseline.yaml")).isEmpty)
    }

    /// 4 announcements over 4 weeks from week 3 while x closes at week 5: weeks 5 and 6 lose theirs.
    @Test func announcementsAfterTheAccountCloses() throws {
        let w = try Self.warnings(Self.yaml(timeline: """
            timeline:
              - {week: 3, announce_migration: x, to: [mastodon], posts: 4, weeks: 4}
              - {week: 5, leave: x, mode: close}
            """))
        #expect(w.count == 1)
        #expect(w.first?.description.hasPrefix("s.yaml:16: warning: 2 of the 4 announcement posts of x/main") == true)
        #expect(w.first?.message.contains("from week 5") == true)
    }

    /// 3 + 1 text posts a week at the presets' production hours (0.2-0.25 h each) cannot fit
    /// in 0.5 hours: posts are dropped every week, at the line of team.hours_per_week.
    @Test func plansThatDoNotFitTheHours() throws {
        let w = try Self.warnings(Self.yaml(hours: 0.5))
        let hours = try #require(w.first { $0.message.contains("do not fit the team's hours") })
        #expect(hours.line == 4 && hours.message.contains("in 10 of 10 weeks"))
        #expect(hours.message.contains("x/main") && hours.message.contains("team.priorities"))
    }

    @Test func anAccountThatPublishesNothing() throws {
        let w = try Self.warnings(Self.yaml(mastodonPosts: 0))
        #expect(w.map(\.description) == ["s.yaml:12: warning: mastodon/main publishes nothing in 10 weeks: its plan has no post (posts_per_week) (its 100 followers still churn)"])
    }

    /// A segment's `uses` of a platform with nothing published warns at the `uses` entry's line,
    /// besides the account's own warning; `uses` of a platform that publishes does not.
    @Test func usesOfAPlatformWithNothingPublished() throws {
        let yaml = Self.yaml(mastodonPosts: 0).replacingOccurrences(of: "share: 1}", with: "share: 1,\n      uses: {x: 0.3,\n        mastodon: 0.2}}")
        let w = try Self.warnings(yaml).filter { $0.message.contains("uses.") }
        #expect(w.map(\.description) == ["s.yaml:9: warning: segment everyone sets uses.mastodon, but no account publishes on mastodon in the 10 weeks: the share changes nothing (give an account a plan, or remove the platform)"])
        #expect(try Self.warnings(Self.yaml().replacingOccurrences(of: "share: 1}", with: "share: 1, uses: {x: 0.3, mastodon: 0.2}}")).isEmpty)
    }

    /// An account with its own hours (a curator's) is not counted in the team's need.
    @Test func ownHoursAreNotTheTeams() throws {
        let yaml = Self.yaml(hours: 0.5).replacingOccurrences(of: "    followers: 100\n    plan: {posts_per_week: {text: 1.0}}\n",
            with: "    accounts:\n      - {name: main, followers: 100, hours_per_week: 5, plan: {posts_per_week: {text: 1}}}\n")
        let w = try #require(try Self.warnings(yaml).first { $0.message.contains("do not fit") })
        #expect(w.message.contains("(x/main ") && !w.message.contains("mastodon/main"))
        #expect(w.message.contains("would need 0.6 hours in the busiest week (the team's, besides the accounts with their own hours)"))
    }

    /// France has 300,000 Mastodon users, 40% of them interested in culture: a catchment of
    /// 200,000 people who all use Mastodon holds more than all of them, so Mastodon's outside is
    /// empty (X's is not) and the warning names the platform at audience's line; giving
    /// `audience.outside.users.mastodon` says it is meant and silences it.
    @Test func aPlatformWithNoOutside() throws {
        let big = Self.yaml().replacingOccurrences(of: "  size: 20000\n", with: "  size: 200000\n  scale: 1\n")
            .replacingOccurrences(of: "share: 1}", with: "share: 1, uses: {x: 0.3, mastodon: 1}}")
        let w = try Self.warnings(big)
        #expect(w.count == 1)
        let m = try #require(w.first)
        #expect(m.message.hasPrefix("platform mastodon has no outside: its users in the catchment (200,000) are at least the mastodon users of 'fr'"))
        #expect(m.line == 6)
        let meant = big.replacingOccurrences(of: "  scale: 1\n", with: "  scale: 1\n  outside: {users: {mastodon: 0}}\n")
        #expect(try Self.warnings(meant).isEmpty)
        let closed = big.replacingOccurrences(of: "  scale: 1\n", with: "  scale: 1\n  outside: none\n")
        #expect(try Self.warnings(closed).isEmpty)
    }

    /// The shipped leave-X scenario loses its last announcement weeks (issue 19 found it); the
    /// command says so on stderr and still exits 0.
    @Test func validatePrintsTheWarningsAndSucceeds() throws {
        let result = try CommandRunner.run(["validate", Self.path("leave-x-for-bluesky-mastodon.yaml")])
        #expect(result.status == 0)
        #expect(result.stdout.contains(": ok ("))
        #expect(result.stderr.contains("warning: 2 of the 6 announcement posts of x/main fall in weeks when it no longer posts"))
    }
}
