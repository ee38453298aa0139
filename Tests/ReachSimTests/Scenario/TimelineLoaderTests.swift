import Foundation
import Testing
@testable import ReachSim

/// `accounts:`, `team.priorities` and `timeline:`: decoding and positioned errors.
@Suite struct TimelineLoaderTests {
    static func yaml(instagram: String = "followers: 100\n    plan: {posts_per_week: {image: 2}}",
                     priorities: String = "", timeline: String = "") -> String {
        """
        name: timeline-loader
        horizon_weeks: 20
        team: {hours_per_week: 10\(priorities.isEmpty ? "" : ", priorities: \(priorities)")}
        audience:
          size: 20000
          segments:
            - {name: locals, age: 25-34, share: 0.5}
            - {name: young, age: 18-24, share: 0.5}
        platforms:
          instagram:
            \(instagram)
          mastodon:
            feed: {discovery_per_post: 0}
            followers: 0
            plan: {posts_per_week: {text: 2}}
          facebook:
            followers: 100
            plan: {posts_per_week: {image: 1}}
            boost: {budget_per_week: 0, end_week: 10}
        \(timeline.isEmpty ? "" : "timeline:\n" + timeline)
        """
    }

    static let accounts = """
        accounts:
              - {name: main, followers: 1000, plan: {posts_per_week: {image: 2}}}
              - name: dept
                followers: 300
                plan: {posts_per_week: {story: 1}}
                overlap: {main: 0.5}
                amplifies: {main: 0.25}
                tone: {comment: 2}
                hours_share: 0.2
        """

    @Test func decodesAccountsPrioritiesAndEvents() throws {
        let s = try ScenarioLoader.parse(Self.yaml(instagram: Self.accounts, priorities: "[facebook, instagram/dept]", timeline: """
              - {week: 3, join: mastodon, followers: 50}
              - {week: 4, announce_migration: instagram/main, to: [mastodon], posts: 2, weeks: 2, follow_through: {young: 0.9}}
              - {week: 6, leave: instagram, mode: crosspost, from: facebook}
              - {week: 2, trend: mastodon, factor: 1.5, weeks: 10}
              - {week: 5, campaign: instagram, weeks: 2, discovery_multiplier: 3}
              - {week: 5, budget: facebook, budget_per_week: 50}
              - {week: 7, team_hours: 12}
              - {week: 8, plan: facebook, posts_per_week: {text: 1}}
            """), file: "s.yaml")
        let dept = s.platforms[0].accounts[1]
        #expect(s.platforms[0].accounts.map(\.name) == ["main", "dept"])
        #expect(dept.overlap.map(\.account) == [0] && dept.overlap[0].share == 0.5)
        #expect(dept.amplifies.map(\.account) == [0] && dept.amplifies[0].probability == 0.25)
        #expect(dept.tone == AccountTone(like: 1, comment: 2, share: 1) && dept.hoursShare == 0.2)
        #expect(s.team.priorities!.map { [$0.platform, $0.account] } == [[2, 0], [0, 1], [0, 0], [1, 0]])
        #expect(s.timeline.map(\.week) == [2, 3, 4, 5, 5, 6, 7, 8])
        #expect(s.platforms[1].accounts[0].followers == 50)
        guard case .announceMigration(let m) = s.timeline[2].kind else { Issue.record("not a migration"); return }
        #expect(m.source == .init(platform: 0, account: 0) && m.destinations == [1])
        #expect(m.followThrough == [TimelineEvent.Migration.defaultFollowThrough, 0.9])
        guard case .leave(_, let mode) = s.timeline[5].kind else { Issue.record("not a leave"); return }
        #expect(mode == .crosspost(from: 2, engagement: 0.5))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        var instagram = "followers: 100\n    plan: {posts_per_week: {image: 2}}"
        var timeline = ""
        let expected: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "followers next to accounts",
             instagram: "followers: 5\n    " + accounts, expected: ["s.yaml:11:5:", "inside each entry of 'accounts'"]),
        Case(label: "own hours and a share of the team's",
             instagram: "accounts:\n      - {name: a, followers: 1, plan: {posts_per_week: {image: 1}}, hours_per_week: 2, hours_share: 0.5}",
             expected: ["s.yaml:12:", "give hours_share or hours_per_week, not both"]),
        Case(label: "overlap with a later account",
             instagram: "accounts:\n      - {name: a, followers: 1, plan: {posts_per_week: {image: 1}}, overlap: {b: 0.5}}\n      - {name: b, followers: 1, plan: {posts_per_week: {image: 1}}}",
             expected: ["s.yaml:12:", "unknown earlier account 'b'"]),
        Case(label: "amplifies itself",
             instagram: "accounts:\n      - {name: a, followers: 1, plan: {posts_per_week: {image: 1}}, amplifies: {a: 0.5}}",
             expected: ["s.yaml:12:", "unknown account 'a'"]),
        Case(label: "duplicate account", instagram: "accounts:\n      - {name: a, followers: 1, plan: {posts_per_week: {image: 1}}}\n      - {name: a, followers: 1, plan: {posts_per_week: {image: 1}}}",
             expected: ["s.yaml:13:", "duplicate account name 'a'"]),
        Case(label: "two events in one item", timeline: "  - {week: 2, join: mastodon, leave: instagram}",
             expected: ["s.yaml:22:", "one event per item"]),
        Case(label: "no event", timeline: "  - {week: 2}", expected: ["s.yaml:22:", "an event needs one of join"]),
        Case(label: "week past the horizon", timeline: "  - {week: 21, join: mastodon}",
             expected: ["s.yaml:22:", "timeline[0].week", "21 is out of range: allowed 1...20"]),
        Case(label: "unknown platform", timeline: "  - {week: 2, join: mastodn}",
             expected: ["s.yaml:22:", "unknown platform 'mastodn'", "did you mean 'mastodon'?"]),
        Case(label: "unknown account", timeline: "  - {week: 2, leave: instagram/dept, mode: close}",
             expected: ["s.yaml:22:", "unknown account 'dept'"]),
        Case(label: "unknown mode", timeline: "  - {week: 2, leave: instagram, mode: vanish}",
             expected: ["s.yaml:22:", "mode", "vanish"]),
        Case(label: "crosspost without from", timeline: "  - {week: 2, leave: instagram, mode: crosspost}",
             expected: ["s.yaml:22:", "from"]),
        Case(label: "from without crosspost", timeline: "  - {week: 2, leave: instagram, mode: ghost, from: facebook}",
             expected: ["s.yaml:22:", "'from' only goes with mode: crosspost"]),
        Case(label: "campaign on a chronological feed", timeline: "  - {week: 2, campaign: mastodon, discovery_multiplier: 2}",
             expected: ["s.yaml:22:", "chronological feed with no discovery"]),
        Case(label: "budget without boost", timeline: "  - {week: 2, budget: instagram, budget_per_week: 20}",
             expected: ["s.yaml:22:", "no 'boost' to change"]),
        Case(label: "budget below the minimum daily budget", timeline: "  - {week: 2, budget: facebook, budget_per_week: 3}",
             expected: ["s.yaml:22:", "timeline[0].budget_per_week", "€0.42 a day, below facebook's minimum daily budget"]),
        Case(label: "budget after the boost's window", timeline: "  - {week: 12, budget: facebook, budget_per_week: 50}",
             expected: ["s.yaml:22:", "after the boost's window (weeks 1-10)"]),
        Case(label: "migration to itself", timeline: "  - {week: 2, announce_migration: instagram, to: [instagram]}",
             expected: ["s.yaml:22:", "another platform"]),
        Case(label: "trend factor 0", timeline: "  - {week: 2, trend: instagram, factor: 0, weeks: 4}",
             expected: ["s.yaml:22:", "factor", "out of range"]),
        Case(label: "joined twice", timeline: "  - {week: 2, join: mastodon}\n  - {week: 3, join: mastodon}",
             expected: ["s.yaml:23:", "already joins"]),
        Case(label: "nine migrations",
             timeline: (0..<9).map { _ in "  - {week: 2, announce_migration: instagram, to: [mastodon]}" }.joined(separator: "\n"),
             expected: ["s.yaml:30:", "at most 8 announce_migration events"]),
        Case(label: "team_hours negative", timeline: "  - {week: 2, team_hours: -1}",
             expected: ["s.yaml:22:", "-1 is out of range"]),
    ]

    @Test(arguments: cases)
    func errorsArePositioned(_ c: Case) {
        do {
            _ = try ScenarioLoader.parse(Self.yaml(instagram: c.instagram, timeline: c.timeline), file: "s.yaml")
            Issue.record("no error for \(c.label)")
        } catch {
            let text = "\(error)"
            for fragment in c.expected { #expect(text.contains(fragment), "\(c.label): \(text)") }
        }
    }
}
