import Foundation
import Testing
@testable import ReachSim

@Suite struct SweepPipelineTests {
    @Test func parsesRangesAndLists() throws {
        let a = try SweepParameter(parsing: "platforms.instagram.boost.budget_per_month=0:300:50")
        #expect(a.values == ["0", "50", "100", "150", "200", "250", "300"])
        #expect(a.leaf == "budget_per_month")
        #expect(a.path == [.key("platforms"), .key("instagram"), .key("boost"), .key("budget_per_month")])
        #expect(try SweepParameter(parsing: "x=0.1:0.3:0.1").values == ["0.1", "0.2", "0.3"])
        #expect(try SweepParameter(parsing: "platforms.x.boost.objective=reach,engagement").values == ["reach", "engagement"])
        #expect(try SweepParameter(parsing: "audience.segments[1].share=0.5").path
            == [.key("audience"), .key("segments"), .index(1), .key("share")])
        for bad in ["nokey", "a=", "a=1:2", "a=5:1:1", "a=0:10:0", "a=1,,2", "a..b=1"] {
            #expect(throws: SweepError.self, "\(bad)") { try SweepParameter(parsing: bad) }
        }
    }

    static func write(_ yaml: String) throws -> (URL, String) {
        let dir = TestScenarios.temporaryDirectory()
        let path = dir.appendingPathComponent("s.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    /// An override replaces the value at its position; an added key is checked like any other,
    /// and errors say which --set gave the value.
    @Test func overridesGoThroughTheLoader() throws {
        let (dir, path) = try Self.write(BoostLoaderTests.yaml(boost: "{budget_per_week: 50}"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = try SweepParameter(parsing: "platforms.facebook.boost.budget_per_week=80")
        let s = try ScenarioLoader.load(path: path, overrides: [(key, "80")])
        #expect(s.platforms[0].boost?.budget == .perWeek(80))
        let added = try SweepParameter(parsing: "platforms.facebook.boost.cpm=3")
        let t = try ScenarioLoader.load(path: path, overrides: [(added, "3")])
        #expect(t.platforms[0].boost?.cpmLow == 3 && t.platforms[0].boost?.cpmHigh == 3)
        let late = try SweepParameter(parsing: "platforms.facebook.boost.start_week=99")
        do {
            _ = try ScenarioLoader.load(path: path, overrides: [(late, "99")])
            Issue.record("no error")
        } catch let e as ScenarioError {
            #expect(e.line == 14 && e.keyPath == "platforms.facebook.boost.start_week")
            #expect(e.description.contains("99 is out of range") && !e.description.contains("alias"))
        }
        do {
            _ = try ScenarioLoader.load(path: path, overrides: [(key, "2")])
            Issue.record("no error")
        } catch let e as ScenarioError {
            #expect(e.line == 14)
            #expect(e.description.contains("minimum daily budget"))
            #expect(e.description.contains("set by --set platforms.facebook.boost.budget_per_week=2"))
        }
        let typo = try SweepParameter(parsing: "platforms.facebook.bost.budget_per_week=80")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path, overrides: [(typo, "80")]) }
    }

    @Test func sweepWritesTidyRowsAndMarginals() throws {
        let (dir, path) = try Self.write(PaidBoostTests.museumYAML(boost: "    boost: {budget_per_week: 0, cpm: 10}"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let parameters = [try SweepParameter(parsing: "platforms.facebook.boost.budget_per_week=0:30:10")]
        let report = try SweepPipeline.run(scenarioPath: path, parameters: parameters,
                                           options: .init(replicates: 8, threads: 2, outputDirectory: out))
        #expect(report.variants.count == 4)
        let csv = try String(contentsOfFile: out + "/sweep.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "scenario,variant,platforms.facebook.boost.budget_per_week,platform,metric,mean,sd,p05,p50,p95,ci90_low,ci90_high,n")
        let columns = lines[0].split(separator: ",").count
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns })
        func mean(_ v: Int, _ platform: String, _ metric: String) -> Double? {
            report.rows.first { $0.variant == v && $0.platform == platform && $0.metric == metric }?.summary.mean
        }
        // Spend follows the budget (6 weeks); the last budget has no next one.
        for v in 1...4 { #expect(abs(mean(v, "all", "spend")! - Double(v - 1) * 10 * 6) < 1e-6) }
        #expect(mean(4, "all", "marginal_reach_per_euro") == nil)
        #expect(mean(1, "all", "marginal_reach_per_euro")! > 0)
        // The marginal equals the difference of mean reaches over the difference of spends.
        let m = (mean(2, "all", "reach_cumulative")! - mean(1, "all", "reach_cumulative")!) / 60
        #expect(abs(mean(1, "all", "marginal_reach_per_euro")! - m) < 1e-9 * max(1, abs(m)))
        #expect(mean(1, "all", "cost_per_1000_reached") == nil)  // no spend above the baseline
        #expect(mean(3, "all", "cost_per_1000_reached")! > 0)
        // Variant 1 (budget 0) reproduces the scenario with no boost at all.
        let plain = try ScenarioLoader.parse(PaidBoostTests.museumYAML(boost: ""), file: "p.yaml")
        var p = plain
        p.replicates = 8
        let r = Simulation.run(try World.build(p), replicates: 8, threads: 1)
        #expect(WeeklyTable.render(r, scenario: p) == WeeklyTable.render(report.variants[0].result, scenario: p))
        // Four budgets: both curves are fitted, too few points to compare them, the exponential kept.
        let saturation = try String(contentsOfFile: out + "/saturation.csv", encoding: .utf8)
        #expect(saturation.contains("platforms.facebook.boost.budget_per_week,all,reach_cumulative,exponential,true,"))
        #expect(saturation.contains("platforms.facebook.boost.budget_per_week,all,reach_cumulative,hill,false,"))
        #expect(FileManager.default.fileExists(atPath: out + "/manifest.json"))
    }
}
