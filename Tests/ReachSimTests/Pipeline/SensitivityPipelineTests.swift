import Foundation
import Testing
@testable import ReachSim

/// `reachsim sensitivity` end to end on a scenario whose answer depends on one parameter only:
/// it posts on platform b, whose reach is uncertain; a's churn is uncertain too but a posts
/// nothing, and its draws come from its own streams, so the answer does not move with it at all.
@Suite struct SensitivityPipelineTests {
    static let text = """
        name: on-b
        horizon_weeks: 4
        replicates: 4
        seed: 3
        team: {people: 1, hours_per_week: 100}
        audience:
          size: 1500
          outside: none
          segments:
            - {name: fans, age: 25-34, share: 1, sessions_per_day: 5, uses: {a: 0.8, b: 0.8}}
        platforms:
          a:
            followers: 500
            feed: {model: ranked, base_visibility: 0.1, discovery_per_engagement: 0, hour_sensitivity: 0}
            engagement: {like: 0, comment: 0, share: 0, follow: 0}
            plan: {posts_per_week: {image: 0}, posting_hours: [12]}
          b:
            followers: 500
            feed: {model: ranked, base_visibility: 0.1, discovery_per_engagement: 0, hour_sensitivity: 0}
            engagement: {like: 0, comment: 0, share: 0, follow: 0}
            churn_per_week: 0
            plan: {posts_per_week: {image: 2}, posting_hours: [12]}
        uncertain:
          platforms.a.feed.size_exponent: fixed
          platforms.b.feed.size_exponent: fixed
          platforms.a.feed.base_visibility: fixed
          platforms.b.feed.base_visibility: {low: 0.05, high: 0.15}
          platforms.a.churn_per_week: {low: 0, high: 0.02}
        """

    static func run(_ method: SensitivityPipeline.Method, samples: Int, html: ((String) -> Void)? = nil)
        throws -> (SensitivityPipeline.Report, [CSVTable.Row]) {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("on-b.yaml")
        try Data(text.utf8).write(to: path)
        var simulation = SimulationOptions(outputDirectory: dir.appendingPathComponent("out").path)
        simulation.threads = 2
        let report = try SensitivityPipeline.run(scenarioPath: path.path, versus: nil, options: SensitivityPipeline.Options(
            method: method, samples: samples, output: .reach, simulation: simulation))
        let rows = try CSVTable.rows(url: dir.appendingPathComponent("out/sensitivity.csv"), required: SensitivityPipeline.header)
        let out = dir.appendingPathComponent("out")
        if let html {
            #expect(UncertaintyReport.isStudy(out))
            html(try UncertaintyReport.render(directory: out))
            let french = ReportBriefTests.readBack(try UncertaintyReport.render(directory: out, language: .fr))
            #expect(french.contains("Ce dont cela dépend") && ReportBriefTests.englishLeaks(french).isEmpty, "\(ReportBriefTests.englishLeaks(french))")
            let notebook = String(decoding: try NotebookExport.render(directory: out, notebookPath: dir.appendingPathComponent("s.ipynb")),
                                  as: UTF8.self)
            #expect(notebook.contains("sensitivity.csv") && notebook.contains("what the answer depends on"))
        }
        return (report, rows)
    }

    @Test func morrisScreensOutTheParameterThatDoesNotMatter() throws {
        let (report, rows) = try Self.run(.morris, samples: 6)
        #expect(report.points == 6 * 3)
        #expect(report.rows.map(\.range.key) == ["platforms.b.feed.base_visibility", "platforms.a.churn_per_week"])
        #expect((report.rows[0].muStar ?? 0) > 0 && (report.rows[0].mu ?? 0) > 0)   // more visibility, more reach
        #expect(report.rows[1].muStar == 0 && report.rows[1].sigma == 0)
        #expect(rows.count == 2 && rows[0]["mu_star"] != "" && rows[0]["total"] == "")
        #expect(SensitivityPipeline.table(report).contains("platforms.b.feed.base_visibility"))
    }

    @Test func sobolGivesTheVarianceToTheParameterThatMatters() throws {
        var page = ""
        let (report, rows) = try Self.run(.sobol, samples: 16) { page = $0 }
        // The report's tornado: one bar per parameter, the strongest first.
        #expect(page.contains("total Sobol index") && page.components(separatedBy: "<rect").count - 1 >= 2)
        let b0 = try #require(page.range(of: "platforms.b.feed.base_visibility")), a0 = try #require(page.range(of: "platforms.a.churn_per_week"))
        #expect(b0.lowerBound < a0.lowerBound)
        #expect(report.points == 16 * 4)
        let b = try #require(report.rows.first { $0.range.key == "platforms.b.feed.base_visibility" }?.total)
        let a = try #require(report.rows.first { $0.range.key == "platforms.a.churn_per_week" }?.total)
        #expect(a.value == 0 && a.low == 0 && a.high == 0)
        #expect(b.value > 0.5 && b.low > 0)
        #expect(rows.allSatisfy { $0["mu_star"] == "" && $0["total"] != "" })
    }

    /// `--output cost`: euros per person reached, the ratio of the replicates' spend and reach
    /// (checked against the weekly spend summed here), and 0 when nothing is spent.
    @Test func costIsSpendPerPersonReached() throws {
        for (budget, spends) in [(0, false), (30, true)] {
            let s = try ScenarioLoader.parse(PaidBoostTests.museumYAML(boost: "    boost: {budget_per_week: \(budget), cpm: 10}"),
                                             file: "b.yaml")
            let result = Simulation.run(try World.build(s), replicates: s.replicates, threads: 1)
            let l = result.layout
            var spend = 0.0
            for r in 0..<result.replicates {
                for w in 0..<l.weeks { spend += result.value(replicate: r, week: w, platform: l.allPlatforms, segment: l.allSegments, metric: .spend) }
            }
            let reach = SensitivityPipeline.value(result, scenario: s, output: .reach)
            let cost = SensitivityPipeline.value(result, scenario: s, output: .cost)
            #expect(reach > 0)
            #expect((spend > 0) == spends)
            #expect(abs(cost - spend / Double(result.replicates) / reach) <= 1e-12 * max(1, cost))
        }
    }
}
