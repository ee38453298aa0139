import Foundation
import Testing
@testable import ReachSim

/// The five questions of a museum strategist (issue 19), as scenario files written from the docs
/// (`scenarios/questions/`): each warning fires where it should and nowhere else, and each
/// comparison's verdict shows what the decision changes.
@Suite struct QuestionScenariosTests {
    struct Question: Sendable, CustomStringConvertible {
        let base: String
        let alternative: String
        /// Per file: (line, a part of the message) of every warning it must give, and no other.
        let warnings: [String: [(line: Int, text: String)]]
        var description: String { "\(base) vs \(alternative)" }
    }

    static let questions = [
        Question(base: "museum-today", alternative: "museum-leave-x", warnings: [
            "museum-leave-x": [(50, "2 of the 4 announcement posts of x/main fall in weeks when it no longer posts (from week 11)")],
        ]),
        Question(base: "three-networks-done-well", alternative: "six-networks-done-thinly", warnings: [
            "six-networks-done-thinly": [(14, "the plans do not fit the team's hours in 52 of 52 weeks"),
                                         (52, "bluesky/main publishes nothing in 52 weeks: all its 78 planned posts are dropped")],
        ]),
        Question(base: "museum-today", alternative: "museum-add-tiktok", warnings: [
            "museum-add-tiktok": [(13, "planned posts are dropped (x/main 26); every post would need 8.2 hours in the busiest week, or lower a plan")],
        ]),
        Question(base: "library-today", alternative: "library-boost", warnings: [
            "library-today": [(22, "segment students sets uses.instagram, but no account publishes on instagram"),
                              (32, "instagram/main publishes nothing in 52 weeks: its plan has no post")],
            "library-boost": [(19, "segment students sets uses.instagram, but no account publishes on instagram"),
                              (38, "instagram/main publishes nothing in 52 weeks: its plan has no post")],
        ]),
        Question(base: "museum-one-account", alternative: "museum-curators", warnings: [
            "museum-curators": [(29, "instagram/entomologist publishes nothing in 52 weeks: all its 52 planned posts are dropped for lack of hours (its own 0.5 a week)")],
        ]),
    ]

    static func path(_ name: String) -> String {
        TestScenarios.packageRoot.appendingPathComponent("scenarios/questions/\(name).yaml").path
    }

    /// Every warning of both files, at its line, and no other.
    @Test(arguments: questions) func warningsFireWhereTheyShould(_ q: Question) throws {
        for name in [q.base, q.alternative] {
            let got = try ScenarioWarnings.check(path: Self.path(name))
            let want = q.warnings[name] ?? []
            #expect(got.count == want.count, "\(name): \(got.map(\.description))")
            for w in want {
                #expect(got.contains { $0.line == w.line && $0.message.contains(w.text) }, "\(name):\(w.line): \(w.text) in \(got.map(\.description))")
            }
        }
    }

    /// The file shortened for a quick comparison: 13 weeks (every warned drop already happens by
    /// then) and a third of the audience. The columns, not the numbers, are under test.
    static func shortened(_ name: String, in dir: URL) throws -> String {
        var text = try String(contentsOfFile: path(name), encoding: .utf8)
            .replacingOccurrences(of: "horizon_weeks: 52", with: "horizon_weeks: 13")
        for size in ["150000", "40000"] {
            text = text.replacingOccurrences(of: "size: \(size)\n", with: "size: \(Int(size)! / 3)\n")
        }
        let url = dir.appendingPathComponent("\(name).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The comparison (2 replicates of the shortened files): `verdict.csv` has every measure, each
    /// segment youngest first and the under-25s, the share of each platform's users reached;
    /// dropped posts show where the warnings said; the terminal verdict and both briefs name the
    /// question.
    @Test(arguments: questions) func theVerdictShowsWhatTheDecisionChanges(_ q: Question) throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try [q.base, q.alternative].map { try Self.shortened($0, in: dir) }
        #expect(try ScenarioLoader.load(path: paths[0]).horizonWeeks == 13)
        let report = try ComparePipeline.run(scenarioPaths: paths,
                                             options: .init(replicates: 2, threads: 2, outputDirectory: dir.appendingPathComponent("out").path))
        let out = dir.appendingPathComponent("out")
        let rows = try CSVTable.rows(url: out.appendingPathComponent("verdict.csv"), required: ComparePipeline.verdictHeader)
        let measures = Set(rows.map { $0["measure"] })
        #expect(measures == ["reach_year", "reach_week", "reach_per_post", "followers_end", "posts_dropped", "hours", "spend",
                             "cost_per_extra_person", "reached_share_of_users"])
        let scenario = try ScenarioLoader.load(path: Self.path(q.base))
        let ages = AgeBand.allCases
        let youngestFirst = scenario.audience.segments.enumerated()
            .sorted { (ages.firstIndex(of: $0.element.age)!, $0.offset) < (ages.firstIndex(of: $1.element.age)!, $1.offset) }.map(\.element.name)
        let year = rows.filter { $0["measure"] == "reach_year" }.map { $0["segment"] }
        #expect(year == ["all", "catchment", "outside"] + youngestFirst + ["under_25"], "\(year)")
        let platforms = rows.filter { $0["measure"] == "reached_share_of_users" }.map { $0["segment"] }
        #expect(platforms == scenario.platforms.map(\.name))
        let v = report.verdicts[0]
        let warnedDrops = (q.warnings[q.alternative] ?? []).contains { $0.text.contains("dropped") }
        #expect((v.postsDropped.altMean > 0) == warnedDrops)
        #expect(v.followersAtEnd.altMean > 0 && v.hours.altMean > 0)
        if q.alternative == "library-boost" {
            #expect(v.spend.diffMean > 0 && v.costPerExtraPerson != nil)
        }
        let table = ComparePipeline.verdictTable(report)
        for column in ["Δ catchment (90% CI)", "Δ under 25 (90% CI)", "Δ week's reach", "Δ reach/post", "Δ followers at end",
                       "Δ posts dropped", "Δ hours", "Δ spend €"] {
            #expect(table.contains(column), "\(column)")
        }
        let en = ReportBriefTests.readBack(try HTMLReport.render(directory: out))
        #expect(en.contains("Over 13 weeks, what does \(q.alternative) change compared with \(q.base) ?"))
        let fr = ReportBriefTests.readBack(try HTMLReport.render(directory: out, language: .fr))
        #expect(fr.contains("Sur 13 semaines, que change \(q.alternative) par rapport à \(q.base) ?"))
    }
}
