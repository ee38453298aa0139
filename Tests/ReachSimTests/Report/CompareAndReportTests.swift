import Foundation
import Testing
@testable import ReachSim

@Suite struct CompareAndReportTests {
    static let base = ReproducibilityTests.scenarioText.replacingOccurrences(of: "name: repro", with: "name: base")
    static let alt = base.replacingOccurrences(of: "name: base", with: "name: alt")
        .replacingOccurrences(of: "plan: {posts_per_week: {text: 4}}", with: "plan: {posts_per_week: {text: 8}}")

    func write(_ files: [String: String], in dir: URL) throws -> [String] {
        try files.sorted { $0.key < $1.key }.map { name, text in
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    func rows(_ dir: URL) throws -> [[String]] {
        let text = try String(contentsOf: dir.appendingPathComponent("comparison.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A scenario compared with itself: every paired difference is exactly 0.
    @Test func selfComparisonIsExactlyZero() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try write(["a.yaml": Self.base], in: dir)[0]
        let b = dir.appendingPathComponent("b.yaml").path
        try Self.base.replacingOccurrences(of: "name: base", with: "name: same").write(toFile: b, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let report = try ComparePipeline.run(scenarioPaths: [a, b], options: .init(threads: 2, outputDirectory: out.path))
        let all = try rows(out)
        #expect(all.count > 100)
        for row in all {
            #expect(row[8] == "0" && row[9] == "0" && row[10] == "0" && row[11] == "0" && row[12] == "0", "\(row)")
            #expect(row[13] == "0.5")
        }
        #expect(report.verdicts[0].cumulativeReach.diffMean == 0)
    }

    /// Common random numbers: the alternative changes only Mastodon's plan, so Facebook's draws
    /// are shared and its paired differences are exactly 0; with independent streams they are not,
    /// and the interval of the overall difference is wider.
    @Test func commonRandomNumbersShrinkTheInterval() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try write(["1-base.yaml": Self.base, "2-alt.yaml": Self.alt], in: dir)
        func width(independent: Bool) throws -> (all: Double, facebook: Double) {
            let out = dir.appendingPathComponent(independent ? "ind" : "crn")
            _ = try ComparePipeline.run(scenarioPaths: paths, options: .init(replicates: 12, threads: 2, outputDirectory: out.path), independent: independent)
            let final = try rows(out).filter { $0[2] == "4" && $0[4] == "all" && $0[5] == "reach_cumulative" }
            func w(_ platform: String) -> Double {
                let r = final.first { $0[3] == platform }!
                return Double(r[10])! - Double(r[9])!
            }
            return (w("all"), w("facebook"))
        }
        let crn = try width(independent: false), ind = try width(independent: true)
        #expect(crn.facebook == 0)
        #expect(ind.facebook > 0)
        #expect(crn.all < ind.all)
    }

    @Test func pairedComparisonStatistics() {
        let c = PairedComparison(base: [1, 2, 3, 4], alt: [2, 2, 5, 4])
        #expect(c.diffMean == 0.75)
        #expect(c.probabilityAltHigher == 0.5 + 0.5 * 0.5)  // two higher, two ties
        #expect(c.diffLow < c.diffMean && c.diffMean < c.diffHigh)
    }

    /// The report is one self-contained page: charts, the scenario, no script, no external file.
    @Test func reportIsSelfContained() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(["s.yaml": Self.base], in: dir)[0]
        let out = dir.appendingPathComponent("run")
        _ = try RunPipeline.run(scenarioPath: path, options: .init(threads: 2, outputDirectory: out.path))
        let html = try HTMLReport.render(directory: out)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 9)  // 3 metrics × (2 platforms + all)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(html.contains("Cumulative reach by segment"))
        #expect(html.contains("mastodon"))
        #expect(html.contains(HTML.escape("name: base")))
        #expect(throws: ReportError.self) { try HTMLReport.render(directory: dir) }
    }

    /// The notebook is nbformat 4 JSON pointing at the run by a relative path.
    @Test func notebookIsNbformat4() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(["s.yaml": Self.base], in: dir)[0]
        let out = dir.appendingPathComponent("runs/first")
        _ = try RunPipeline.run(scenarioPath: path, options: .init(threads: 2, outputDirectory: out.path))
        let bytes = try NotebookExport.render(directory: out, notebookPath: dir.appendingPathComponent("nb/x.ipynb"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["nbformat"] as? Int == 4)
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.first?["cell_type"] as? String == "markdown")
        let code = cells.compactMap { $0["source"] as? [String] }.map { $0.joined() }.joined()
        #expect(code.contains("RUN_DIR = Path(\"../runs/first\")"))
        #expect(code.contains("pd.read_csv"))
        #expect(NotebookExport.relativePath(from: URL(fileURLWithPath: "/a/b"), to: URL(fileURLWithPath: "/a/c/d")) == "../c/d")
    }
}
