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

    /// `verdict.csv` and the terminal: the segments' reach youngest first, adding up to the
    /// catchment's; a typical week is the weeks' mean; the under-25 column; euros per extra person
    /// is Δspend / Δcatchment when the alternative spends (a boost) and absent otherwise.
    @Test func verdictShowsWhatTheDecisionChanges() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The older segment first in the file, to see the young one put first.
        let base = Self.base.replacingOccurrences(of: "    - {name: young, age: 18-24, share: 0.4, sessions_per_day: 8}\n", with: "")
            .replacingOccurrences(of: "    - {name: older, age: 55+, share: 0.6, affinity: 1.3, sessions_per_day: 2}",
                                  with: "    - {name: older, age: 55+, share: 0.6, affinity: 1.3, sessions_per_day: 2}\n"
                                      + "    - {name: young, age: 18-24, share: 0.4, sessions_per_day: 8}")
        let alt = Self.alt.replacingOccurrences(of: "    - {name: young, age: 18-24, share: 0.4, sessions_per_day: 8}\n", with: "")
            .replacingOccurrences(of: "    - {name: older, age: 55+, share: 0.6, affinity: 1.3, sessions_per_day: 2}",
                                  with: "    - {name: older, age: 55+, share: 0.6, affinity: 1.3, sessions_per_day: 2}\n"
                                      + "    - {name: young, age: 18-24, share: 0.4, sessions_per_day: 8}")
        #expect(base != Self.base)
        let paths = try write(["1-base.yaml": base, "2-alt.yaml": alt], in: dir)
        let out = dir.appendingPathComponent("v")
        let report = try ComparePipeline.run(scenarioPaths: paths, options: .init(replicates: 6, threads: 2, outputDirectory: out.path))
        let v = report.verdicts[0]
        #expect(v.segments.map(\.name) == ["young", "older"])
        let sum = v.segments.reduce(0) { $0 + $1.reach.diffMean }
        #expect(abs(sum - v.catchmentReach.diffMean) <= 1e-6 * max(1, abs(sum)))
        #expect(v.young?.names == ["young"] && v.young?.reach.diffMean == v.segments[0].reach.diffMean)
        #expect(v.weeklyReach.baseMean > 0 && v.weeklyReach.baseMean <= v.cumulativeReach.baseMean)
        #expect(v.reachPerPost.baseMean > 0 && v.costPerExtraPerson == nil)   // no spend
        let rows = try CSVTable.rows(url: out.appendingPathComponent("verdict.csv"), required: ComparePipeline.verdictHeader)
        // all, catchment, outside, 2 segments, under 25
        #expect(rows.filter { $0["measure"] == "reach_year" }.map { $0["segment"] } == ["all", "catchment", "outside", "young", "older", "under_25"])
        #expect(Set(rows.map { $0["measure"] }) == ["reach_year", "reach_week", "reach_per_post", "followers_end", "posts_dropped",
                                                    "hours", "spend", "cost_per_extra_person", "reached_share_of_users"])
        let table = ComparePipeline.verdictTable(report)
        #expect(table.contains("Δ under 25 (90% CI)") && table.contains("Δ week's reach") && !table.contains("€ per extra person"))
        #expect(try HTMLReport.render(directory: out).contains("What alt changes"))
        // The price of a person: 6 weeks of a boost aimed at the catchment (locality local) against none.
        let boosted = base.replacingOccurrences(of: "name: base", with: "name: boosted")
            .replacingOccurrences(of: "    plan: {posts_per_week: {image: 3, short_video: 1}}",
                                  with: "    plan: {posts_per_week: {image: 3, short_video: 1}}\n    boost: {budget_per_week: 40, cpm: 8, target: {locality: [local]}}")
        #expect(boosted.contains("boost:"))
        let paid = try write(["1-base.yaml": base, "3-boosted.yaml": boosted], in: dir)
        let r2 = try ComparePipeline.run(scenarioPaths: paid, options: .init(replicates: 6, threads: 2,
                                                                             outputDirectory: dir.appendingPathComponent("p").path))
        let w = r2.verdicts[0]
        let cost = try #require(w.costPerExtraPerson)
        #expect(abs(cost - w.spend.diffMean / w.catchmentReach.diffMean) < 1e-9)
        #expect(ComparePipeline.verdictTable(r2).contains("€ per extra person"))
    }

    /// Open audiences: the verdict splits the reach difference into the catchment's and the
    /// outside's, which add up to it replicate by replicate; twice the Mastodon posts bring more
    /// outside people (its discovery lands mostly outside). A closed pair has no outside column.
    @Test func verdictSplitsCatchmentAndOutside() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try write(["1-base.yaml": Self.base, "2-alt.yaml": Self.alt], in: dir)
        let out = dir.appendingPathComponent("open")
        let report = try ComparePipeline.run(scenarioPaths: paths, options: .init(replicates: 8, threads: 2, outputDirectory: out.path))
        let v = report.verdicts[0]
        let outside = try #require(v.outsideReach)
        for (a, b) in [(v.cumulativeReach.baseMean, v.catchmentReach.baseMean + outside.baseMean),
                       (v.cumulativeReach.altMean, v.catchmentReach.altMean + outside.altMean),
                       (v.cumulativeReach.diffMean, v.catchmentReach.diffMean + outside.diffMean)] {
            #expect(abs(a - b) <= 1e-9 * max(1, abs(a)))
        }
        #expect(outside.baseMean > 0 && outside.diffLow > 0)
        let table = ComparePipeline.verdictTable(report)
        #expect(table.contains("Δ catchment (90% CI)") && table.contains("Δ outside (90% CI)"))
        let html = try HTMLReport.render(directory: out)
        #expect(html.contains("of which outside"))

        let closed = { (text: String) in text.replacingOccurrences(of: "  size: 6000\n", with: "  size: 6000\n  outside: none\n") }
        let closedPaths = try write(["3-base.yaml": closed(Self.base), "4-alt.yaml": closed(Self.alt)], in: dir)
        #expect(closed(Self.base).contains("outside: none"))
        let shut = try ComparePipeline.run(scenarioPaths: closedPaths,
                                           options: .init(replicates: 4, threads: 2, outputDirectory: dir.appendingPathComponent("closed").path))
        #expect(shut.verdicts[0].outsideReach == nil)
        #expect(shut.verdicts[0].catchmentReach.diffMean == shut.verdicts[0].cumulativeReach.diffMean)
        #expect(!ComparePipeline.verdictTable(shut).contains("Δ outside"))
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

    /// The base scenario with a second Facebook account that shares followers with and reposts
    /// the main one.
    static let twoAccounts = base.replacingOccurrences(of: """
            followers: 1500
            engagement: {share: 0.05}
            graph: {generator: chung_lu, mean_degree: 8}
            plan: {posts_per_week: {image: 3, short_video: 1}}
        """, with: """
            engagement: {share: 0.05}
            graph: {generator: chung_lu, mean_degree: 8}
            accounts:
              - name: main
                followers: 1500
                plan: {posts_per_week: {image: 3, short_video: 1}}
              - name: kids
                followers: 300
                overlap: {main: 0.5}
                amplifies: {main: 0.5}
                plan: {posts_per_week: {image: 1}}
        """)

    /// What the report should say of each account, computed here from accounts.csv by the
    /// documented definitions (sums over weeks, last week's cumulative reach, type-7 quantiles).
    static func expectedAccountRows(_ csvURL: URL) throws -> [String] {
        let lines = try String(contentsOf: csvURL, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0], rows = lines.dropFirst()
        func col(_ name: String) -> Int { header.firstIndex(of: name)! }
        func num(_ row: [String], _ name: String) -> Double { Double(row[col(name)])! }
        let last = rows.map { Int($0[col("week")])! }.max()!
        var order: [String] = []
        for row in rows where !order.contains("\(row[3])|\(row[4])") { order.append("\(row[3])|\(row[4])") }
        // GSL's mean, as summary.csv's: a plain sum / n may round a mean of exactly x.5 the other way.
        func mean(_ xs: [Double]) -> Double { Statistics.summarize(xs).mean }
        func quantile(_ xs: [Double], _ p: Double) -> Double {
            let s = xs.sorted(), h = Double(s.count - 1) * p, lo = Int(h.rounded(.down))
            return lo + 1 < s.count ? s[lo] + (h - Double(lo)) * (s[lo + 1] - s[lo]) : s[lo]
        }
        return order.map { key in
            let mine = rows.filter { "\($0[3])|\($0[4])" == key }
            let replicates = Set(mine.map { $0[1] }).sorted()
            func perReplicate(_ f: ([[String]]) -> Double) -> [Double] { replicates.map { r in f(mine.filter { $0[1] == r }) } }
            func total(_ names: String...) -> Double { mean(perReplicate { rs in rs.reduce(0.0) { t, row in t + names.reduce(0.0) { $0 + num(row, $1) } } }) }
            func atWeek(_ w: Int, _ f: ([String]) -> Double) -> [Double] { perReplicate { rs in f(rs.first { Int($0[col("week")]) == w }!) } }
            let reached = atWeek(last) { num($0, "reach_cumulative") }
            let start = atWeek(1) { num($0, "followers") - num($0, "followers_gained") + num($0, "followers_lost") }
            let end = atWeek(last) { num($0, "followers") }
            let g = ReachTable.grouped
            let parts = key.split(separator: "|").map(String.init)
            return "<tr><td>\(parts[0])</td><td>\(parts[1])</td><td>\(g(total("posts")))</td><td>\(g(total("hours")))</td>"
                + "<td>\(g(mean(reached))) (\(g(quantile(reached, 0.05)))–\(g(quantile(reached, 0.95))))</td>"
                + "<td>\(g(mean(start)))</td><td>\(g(mean(end)))</td><td>\(g(total("likes", "comments", "shares")))</td></tr>"
        }
    }

    /// Two accounts on Facebook: the report's Accounts section names both, with the figures of
    /// accounts.csv, and charts their reach; without accounts.csv (an older folder) the rest of
    /// the report renders and the section is absent.
    @Test func reportShowsEachAccountFromAccountsCSV() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(["s.yaml": Self.twoAccounts], in: dir)[0]
        let out = dir.appendingPathComponent("run")
        _ = try RunPipeline.run(scenarioPath: path, options: .init(threads: 2, outputDirectory: out.path))
        let csv = out.appendingPathComponent("accounts.csv")
        let expected = try Self.expectedAccountRows(csv)
        #expect(expected.count == 3)  // facebook/main, facebook/kids, mastodon/main
        #expect(expected.contains { $0.hasPrefix("<tr><td>facebook</td><td>kids</td>") })
        let html = try HTMLReport.render(directory: out)
        #expect(html.contains("<h2>Accounts</h2>"))
        for row in expected { #expect(html.contains(row), "\(row)") }
        #expect(html.contains("aria-label=\"people reached in 4 weeks, by account\""))
        #expect(html.contains(">facebook/kids</text>") && html.contains(">facebook/main</text>"))
        // Followers at the start are the scenario's (nobody leaves Facebook before week 1).
        #expect(expected[1].contains("<td>300</td>"))

        try FileManager.default.removeItem(at: csv)
        let older = try HTMLReport.render(directory: out)
        #expect(!older.contains("Accounts"))
        #expect(older.contains("Cumulative reach by segment"))
        #expect(older.components(separatedBy: "<svg").count == html.components(separatedBy: "<svg").count - 1)

        try "scenario,replicate\nx,1\n".write(to: csv, atomically: true, encoding: .utf8)
        let corrupt = try HTMLReport.render(directory: out)
        #expect(corrupt.contains("accounts.csv could not be read"))
        #expect(corrupt.contains("Cumulative reach by segment"))
    }

    /// With one account in all, the Accounts section would repeat the key figures: left out.
    @Test func reportLeavesOutTheAccountsOfASingleAccountRun() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let single = Self.base.replacingOccurrences(of: """
              mastodon:
                followers: 18
                engagement: {share: 0.1}
                plan: {posts_per_week: {text: 4}}
            """, with: "")
        #expect(single != Self.base)
        let path = try write(["s.yaml": single], in: dir)[0]
        let out = dir.appendingPathComponent("run")
        _ = try RunPipeline.run(scenarioPath: path, options: .init(threads: 2, outputDirectory: out.path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("accounts.csv").path))
        #expect(!(try HTMLReport.render(directory: out)).contains("<h2>Accounts</h2>"))
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
        #expect(code.contains("accounts = pd.read_csv(RUN_DIR / \"accounts.csv\")"))
        #expect(code.contains("by_account.reached.quantile(0.95)"))
        #expect(cells.map { $0["id"] as? String } == (0..<cells.count).map { "cell-\($0)" })

        // An older result folder, without accounts.csv: the same notebook without the account cells.
        try FileManager.default.removeItem(at: out.appendingPathComponent("accounts.csv"))
        let older = try NotebookExport.render(directory: out, notebookPath: dir.appendingPathComponent("nb/x.ipynb"))
        let olderJSON = try #require(try JSONSerialization.jsonObject(with: Data(older)) as? [String: Any])
        let olderCells = try #require(olderJSON["cells"] as? [[String: Any]])
        #expect(olderCells.count == cells.count - NotebookExport.accountCells().count)
        #expect(!String(decoding: older, as: UTF8.self).contains("accounts.csv"))
        #expect(NotebookExport.relativePath(from: URL(fileURLWithPath: "/a/b"), to: URL(fileURLWithPath: "/a/c/d")) == "../c/d")
    }
}
