import Foundation
import Testing
@testable import ReachSim

/// The brief a director reads first, in English and French, read back as text; the chart rules;
/// what differs between two files; the reachable-audience note.
@Suite struct ReportBriefTests {
    /// A comparison folder: the base against twice the Mastodon posts (Facebook's draws are shared,
    /// so Facebook does not change).
    static func comparison() throws -> URL {
        let dir = TestScenarios.temporaryDirectory()
        let a = dir.appendingPathComponent("a.yaml"), b = dir.appendingPathComponent("b.yaml")
        try CompareAndReportTests.base.write(to: a, atomically: true, encoding: .utf8)
        try CompareAndReportTests.alt.write(to: b, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        _ = try ComparePipeline.run(scenarioPaths: [a.path, b.path], options: .init(replicates: 6, threads: 2, outputDirectory: out.path))
        return out
    }

    /// The page's text as a reader sees it: tags removed, entities decoded, the scenario files
    /// (`<pre>`, `<code>` keys) and the files' own text (`<span class="file">`: a fit's data
    /// sources, a back-test's warnings) left out since they are the user's or the files' words.
    static func readBack(_ html: String) -> String {
        var s = html
        for pattern in ["<pre>[\\s\\S]*?</pre>", "<code>[\\s\\S]*?</code>", "<span class=\"file\">[\\s\\S]*?</span>", "<style>[\\s\\S]*?</style>", "<title>[\\s\\S]*?</title>"] {
            s = s.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        s = s.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: char)
        }
        return s.replacingOccurrences(of: "[ \\t\\n]+", with: " ", options: .regularExpression)
    }

    /// The English labels (of two words or more) left in a French page's text.
    static func englishLeaks(_ text: String) -> [String] {
        ReportLanguage.french.keys.filter { $0.split(separator: " ").count >= 2 && text.contains($0) }.sorted()
    }

    @Test func numbersInEachLanguage() {
        let fr = ReportLanguage.fr, en = ReportLanguage.en
        #expect(fr.number(146_441) == "146\u{202F}441" && en.number(146_441) == "146,441")
        #expect(fr.percent(0.125, digits: 1) == "12,5\u{202F}%" && en.percent(0.125, digits: 1) == "12.5%")
        #expect(fr.signed(-2_089) == "−2\u{202F}089" && en.signed(-2_089) == "−2,089" && en.signed(33) == "+33" && en.signed(0.2) == "0")
        #expect(fr.decimal(1_234.567, digits: 2) == "1\u{202F}234,57" && en.decimal(-0.5, digits: 1) == "-0.5")
        #expect(fr.euros(1_200) == "1\u{202F}200\u{202F}€" && en.euros(1_200) == "€1,200")
    }

    /// The English and French briefs answer the question with the verdict's numbers, formatted
    /// for the language; the French page has no English label left (every label of the table
    /// with two words or more is looked for in the text read back).
    @Test func theBriefReadsBackInBothLanguages() throws {
        let out = try Self.comparison()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let rows = try CSVTable.rows(url: out.appendingPathComponent("verdict.csv"), required: ComparePipeline.verdictHeader)
        let year = try #require(rows.first { $0["measure"] == "reach_year" && $0["segment"] == "all" })
        let en = Self.readBack(try HTMLReport.render(directory: out))
        let fr = Self.readBack(try HTMLReport.render(directory: out, language: .fr))

        #expect(en.contains("Brief The question Over 4 weeks, what does alt change compared with base ?"))
        #expect(en.contains("alt reaches \(ReportLanguage.en.number(year.double("alt_mean"))) people in the year against "
                            + "\(ReportLanguage.en.number(year.double("base_mean"))) for base"))
        #expect(en.contains("among the under-25s"), "the young segment is named")
        #expect(try HTMLReport.render(directory: out).contains("<li><code>platforms.mastodon.plan.posts_per_week.text</code>: 4 → 8</li>"))

        #expect(fr.contains("Synthèse La question Sur 4 semaines, que change alt par rapport à base ?"))
        #expect(fr.contains("alt touche \(ReportLanguage.fr.number(year.double("alt_mean"))) personnes dans l'année contre "
                            + "\(ReportLanguage.fr.number(year.double("base_mean"))) pour base"))
        #expect(fr.contains("chez les moins de 25 ans") && fr.contains("En chiffres") && fr.contains("semaine"))
        #expect(Self.englishLeaks(fr).isEmpty, "English left in the French report: \(Self.englishLeaks(fr))")
        #expect(!fr.contains("Weekly") && !fr.contains("Followers") && !fr.contains("replicates"))
    }

    /// No panel for what did not change (Facebook's differences are all 0), and a note names it.
    @Test func noPanelForWhatDidNotChange() throws {
        let out = try Self.comparison()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let html = try HTMLReport.render(directory: out)
        #expect(!html.contains("aria-label=\"Δ cumulative reach: facebook\""))
        #expect(html.contains("aria-label=\"Δ cumulative reach: mastodon\""))
        #expect(Self.readBack(html).contains("Nothing changes, so no chart for: Δ cumulative reach: facebook;"))
    }

    /// Counts start at 0; a flat series keeps distinct tick labels, in both languages.
    @Test func chartAxes() {
        let flat = SVGChart.fan(title: "t", fans: [.init(label: "a", color: "#000", low: [1_000, 1_000], mid: [1_000, 1_000], high: [1_000, 1_000])])
        let ticks = flat.matches(of: /text-anchor="end">([^<]+)</).map { String($0.1) }
        #expect(ticks.count >= 3 && Set(ticks).count == ticks.count, "\(ticks)")
        let counts = SVGChart.fan(title: "t", fans: [.init(label: "a", color: "#000", low: [48_000, 49_000], mid: [50_000, 50_500], high: [52_000, 53_000])],
                                  fromZero: true)
        #expect(counts.matches(of: /text-anchor="end">([^<]+)</).first?.1 == "0")
        let small = SVGChart.tickLabels([0, 0.25, 0.5, 0.75, 1])
        #expect(Set(small).count == 5)
        let french = ReportLanguage.$current.withValue(.fr) { SVGChart.tickLabels([0, 0.5, 1, 1.5]) }
        #expect(french == ["0,0", "0,5", "1,0", "1,5"])
        // A long title is set smaller so that it fits the chart's width; a short one keeps 13 px.
        let long = "Δ personnes touchées depuis la semaine 1, toutes plateformes — museum-evening-posts"
        #expect(SVGChart.titleSize("Followers: all") == 13)
        #expect(SVGChart.titleSize(long) < 13 && SVGChart.titleSize(long) * 8.4 / 13 * Double(long.count) <= SVGChart.width - 20)
        let tooLong = String(repeating: "a very long title ", count: 8)
        let chart = SVGChart.fan(title: tooLong, fans: [.init(label: "a", color: "#000", low: [0, 1], mid: [0, 1], high: [0, 1])])
        #expect(chart.contains("aria-label=\"\(tooLong)\"") && chart.contains("…</text>"), "cut, the full title kept as the label")
    }

    /// What differs: a changed value, a platform added as one line, timeline events as items.
    @Test func whatDiffersBetweenTwoFiles() {
        let a = """
            name: a
            seed: 1
            platforms:
              x: {followers: 100, plan: {posts_per_week: {text: 3}}}
            """
        let b = """
            name: b
            seed: 2
            platforms:
              x: {followers: 100, plan: {posts_per_week: {text: 5}}}
              bluesky: {followers: 0, plan: {posts_per_week: {text: 3}}}
            timeline:
              - {week: 10, leave: x, mode: close}
            """
        let changes = ScenarioDifference.changes(base: a, alternative: b)
        #expect(changes == [
            .init(path: "platforms.x.plan.posts_per_week.text", base: "3", alternative: "5"),
            .init(path: "platforms.bluesky", base: nil, alternative: "…"),
            .init(path: "timeline: {week: 10, leave: x, mode: close}", base: nil, alternative: "present"),
        ])
    }

    /// A platform whose users are all reached is mostly reached: the verdict says so next to
    /// the number, and a platform far from its users is not flagged.
    @Test func aMostlyReachedPlatformIsNamed() throws {
        let T = TestScenarios.self
        var s = T.scenario(audience: 1_000, platforms: [T.platform(followers: 1_000, postsPerWeek: 3, feed: T.flatRanked(visibility: 1))],
                           weeks: 2, replicates: 4)
        s.platforms[0].accounts[0].followers = 1_000
        let result = Simulation.run(try World.build(s), replicates: 4, threads: 1)
        let shares = ReachableAudience.shares(base: (s, result), alt: (s, result))
        #expect(shares.count == 1 && shares[0].basePeople == 1_000 && shares[0].baseShare == 1 && shares[0].mostlyReached)
        #expect(ReachableAudience.note(shares[0], base: "a", alternative: "b")
                == "testnet: a reaches 100% and b 100% of the 1,000 people who use it: its reachable audience is mostly reached, so a difference there is capped, not absent")
        var thin = s
        thin.platforms[0].feed = T.flatRanked(visibility: 0.05)
        thin.platforms[0].accounts[0].plan.postsPerWeek[.image] = 1
        let r2 = Simulation.run(try World.build(thin), replicates: 4, threads: 1)
        #expect(!ReachableAudience.shares(base: (thin, r2), alt: (thin, r2))[0].mostlyReached)
    }
}
