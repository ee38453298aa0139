import Foundation
import Testing
@testable import ReachSim

/// `audience.country` and `audience.outside`: defaults, the country's use by age, the outside's
/// arithmetic against a hand computation, overrides, and positioned errors as a table of cases.
@Suite struct OutsideLoaderTests {
    /// `audience` lines 4-12; `line` is written at line 7, indented as an audience key.
    static func yaml(_ line: String = "activity_shape: 2") -> String {
        """
        name: outside-loader
        horizon_weeks: 2
        team: {hours_per_week: 5}
        audience:
          size: 1000
          scale: 10
          \(line)
          segments:
            - {name: young, age: 18-24, share: 0.4, uses: {instagram: 0.5}}
            - {name: older, age: 55+, share: 0.6}
        platforms:
          instagram:
            followers: 100
            plan: {posts_per_week: {image: 1}}
          tiktok:
            followers: 100
            plan: {posts_per_week: {short_video: 1}}
          pod:
            followers: 10
            feed: {model: chronological}
            plan: {posts_per_week: {image: 1}}
        """
    }

    static func load(_ line: String) throws -> Scenario {
        try ScenarioLoader.parse(yaml(line), file: "s.yaml")
    }

    @Test func franceByDefaultWithTheOutsideOn() throws {
        let s = try Self.load("activity_shape: 2")
        #expect(s.audience.country == "fr")
        let o = try #require(s.audience.outside)
        #expect(o.users.count == 3)
        #expect(o.affinity == 0.25 && o.sessionsPerDay == 5)
        #expect(o.hasOutside(0) && o.hasOutside(1) && !o.hasOutside(2))
    }

    /// Segments take the country's use by age; a custom platform the preset's default; `uses` wins.
    @Test func useByAgeComesFromTheCountry() throws {
        let fr = try Self.load("country: fr")
        let frTable = CountryProfile.france
        #expect(fr.audience.segments[0].platformUse == [0.5, frTable.platform("tiktok")!.useByAge[.age18to24]!, 0.05])
        #expect(fr.audience.segments[1].platformUse == [frTable.platform("instagram")!.useByAge[.age55plus]!,
                                                        frTable.platform("tiktok")!.useByAge[.age55plus]!, 0.05])
        let us = try Self.load("country: us")
        #expect(us.audience.country == "us")
        let tiktok = try #require(PlatformPreset.named("tiktok"))
        #expect(us.audience.segments[0].platformUse[1] == tiktok.useByAge[.age18to24])
        #expect(us.audience.segments[0].platformUse[1] != fr.audience.segments[0].platformUse[1])
    }

    /// users[p] = countryUsers[p] × c − N × Σ share × use; population = internet users × c − N.
    @Test func outsideArithmeticMatchesAHandComputation() throws {
        let s = try Self.load("outside: {culture_share: 0.5}")
        let o = try #require(s.audience.outside)
        // N = 1000 × 10 = 10,000 people. France: instagram 40M, tiktok 21.4M, internet users 55M.
        // instagram: young 0.4 × 0.5 (uses) + older 0.6 × 0.18 (fr 55+) = 0.308 → 3,080 catchment users.
        // tiktok: young 0.4 × 0.60 + older 0.6 × 0.08 = 0.288 → 2,880 catchment users.
        #expect(abs(o.users[0] - (20_000_000 - 3_080)) < 1e-6)
        #expect(abs(o.users[1] - (10_700_000 - 2_880)) < 1e-6)
        #expect(o.users[2] == 0)   // custom platform: no figure in the country table
        #expect(abs(o.population - (27_500_000 - 10_000)) < 1e-6)
        // The function the loader calls, directly, with the default culture share 0.40.
        let direct = OutsideSpec.resolve(country: .france, platformNames: ["instagram", "tiktok", "pod"],
                                         presetNames: ["instagram", "tiktok", nil], size: 1000, scale: 10,
                                         segments: s.audience.segments)
        #expect(abs(direct.users[0] - (16_000_000 - 3_080)) < 1e-6)
        #expect(abs(direct.population - (22_000_000 - 10_000)) < 1e-6)
    }

    @Test func noneClosesTheAudience() throws {
        let s = try Self.load("outside: none")
        #expect(s.audience.outside == nil)
        #expect(s.audience.country == "fr")
    }

    /// Overrides replace the computed values; sizes never go below 0; the population is raised to
    /// the largest platform.
    @Test func overrides() throws {
        let s = try Self.load("""
            outside: {culture_share: 0, affinity: 0.5, sessions_per_day: 2, users: {tiktok: 5000, pod: 300}}
            """)
        let o = try #require(s.audience.outside)
        #expect(o.users == [0, 5000, 300])     // instagram: max(0, 0 − 3,080)
        #expect(o.population == 5000)          // max(0, 0 − 10,000) raised to the largest platform
        #expect(o.affinity == 0.5 && o.sessionsPerDay == 2)
        let p = try #require(try Self.load("outside: {population: 123456789}").audience.outside)
        #expect(p.population == 123_456_789)
        #expect(abs(p.users[0] - (16_000_000 - 3_080)) < 1e-6)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let line: String
        let expected: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "unknown country", line: "country: fx",
             expected: ["s.yaml:7:12:", "audience.country", "unknown country 'fx'", "known countries: fr, us"]),
        Case(label: "unknown platform in users", line: "outside: {users: {instagam: 10}}",
             expected: ["s.yaml:7:21:", "audience.outside.users", "'instagam'", "did you mean 'instagram'?"]),
        Case(label: "culture share above 1", line: "outside: {culture_share: 1.5}",
             expected: ["s.yaml:7:28:", "audience.outside.culture_share", "1.5 is out of range: allowed 0...1"]),
        Case(label: "affinity above 10", line: "outside: {affinity: 11}",
             expected: ["s.yaml:7:23:", "audience.outside.affinity", "11 is out of range: allowed 0...10"]),
        Case(label: "no sessions", line: "outside: {sessions_per_day: 0}",
             expected: ["s.yaml:7:31:", "audience.outside.sessions_per_day", "0 is out of range: allowed 0.01...100"]),
        Case(label: "negative population", line: "outside: {population: -1}",
             expected: ["s.yaml:7:25:", "audience.outside.population", "-1 is out of range", "people"]),
        Case(label: "negative users", line: "outside: {users: {tiktok: -5}}",
             expected: ["s.yaml:7:29:", "audience.outside.users.tiktok", "-5 is out of range"]),
        Case(label: "a word other than none", line: "outside: open",
             expected: ["s.yaml:7:12:", "audience.outside", "expected 'none' (a closed audience) or a mapping"]),
        Case(label: "unknown outside key", line: "outside: {afinity: 0.3}",
             expected: ["s.yaml:7:13:", "audience.outside", "did you mean 'affinity'?"]),
    ]

    @Test(arguments: cases)
    func errorsNameTheFileLineAndColumn(_ c: Case) {
        #expect {
            try Self.load(c.line)
        } throws: { error in
            let text = "\(error)"
            let missing = c.expected.filter { !text.contains($0) }
            if !missing.isEmpty { Issue.record("\(c.label): \(text) lacks \(missing)") }
            return missing.isEmpty
        }
    }

    /// `outside` and `all` name rows of the results, so a segment cannot take them.
    @Test(arguments: ["outside", "all"])
    func reservedSegmentNamesAreRefused(_ name: String) {
        let text = Self.yaml().replacingOccurrences(of: "{name: young,", with: "{name: \(name),")
        #expect {
            try ScenarioLoader.parse(text, file: "s.yaml")
        } throws: { error in
            "\(error)".contains("s.yaml:9:") && "\(error)".contains("segment name '\(name)' is reserved")
        }
    }
}
