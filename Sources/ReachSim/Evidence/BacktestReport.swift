import Foundation

/// The HTML page of a back-test's folder (`reachsim report DIR` when DIR holds `backtest.csv`):
/// whether it was fitted, the scores (MAPE, bias, coverage, skill), actual against predicted per
/// account and metric with the training cut-off marked, the per-post quantiles, the rates per
/// impression, the fit's estimates (`fit.csv`) and the warnings. Same page style as `HTMLReport`.
public enum BacktestReport {
    /// Whether `directory` is a back-test's folder.
    public static func isBacktest(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("backtest.csv").path)
    }

    public static func render(directory: URL) throws -> String {
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        let rows = try CSVTable.rows(url: file("backtest.csv"), required: BacktestTables.header)
        let summary = (try? CSVTable.rows(url: file("backtest_summary.csv"), required: BacktestTables.summaryHeader)) ?? []
        let manifest = (try? Data(contentsOf: file("manifest.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
        let scenario = manifest["scenario"] as? String ?? directory.lastPathComponent
        let cutoff = manifest["train_until"] as? String ?? ""
        let fitted = manifest["fitted"] as? Bool ?? false
        var body = "<h1>Back-test of \(HTML.escape(scenario))</h1><p class=\"meta\">"
            + "trained until \(HTML.escape(cutoff)) · simulated \(HTML.escape(manifest["simulated_from"] as? String ?? "")) to "
            + "\(HTML.escape(manifest["simulated_until"] as? String ?? "")) · held out: \(HTML.escape(manifest["holdout"] as? String ?? "")) · "
            + "\(manifest["replicates"].map { "\($0)" } ?? "") replicates · history \(HTML.escape(manifest["history"] as? String ?? ""))</p>"
        body += fitted
            ? "<p><b>Fitted</b>: \(HTML.escape(manifest["parameters"] as? String ?? "")); the estimates are below.</p>"
            : "<p><b>Not fitted</b>: the scenario's parameters as they are; these scores are the scenario's, not a model fitted to the training period.</p>"
        func n(_ text: String, _ digits: Int = 2) -> String { Double(text).map { String(format: "%.\(digits)f", $0) } ?? "–" }
        body += "<h2>Scores</h2><table><tr><th>account</th><th>metric</th><th>periods</th><th>n</th><th>MAPE</th><th>weighted MAPE</th>"
            + "<th>bias</th><th>80% range covers</th><th>95% range covers</th><th>skill vs naive</th><th>naive MAPE</th></tr>"
        for r in summary {
            body += "<tr><td>\(HTML.escape(r["platform"] + "/" + r["account"]))</td><td>\(HTML.escape(r["metric"]))</td>"
                + "<td>\(HTML.escape(r["periods"]))</td><td>\(HTML.escape(r["n"]))</td><td>\(n(r["mape"]))</td><td>\(n(r["wmape"]))</td>"
                + "<td>\(n(r["bias"]))</td><td>\(n(r["coverage80"]))</td><td>\(n(r["coverage95"]))</td><td>\(n(r["skill"]))</td>"
                + "<td>\(n(r["naive_mape"]))</td></tr>"
        }
        body += "</table><p class=\"note\">MAPE: mean of |predicted median − actual| / actual; bias: its signed mean; "
            + "coverage: share of periods whose actual lies in the range (80% and 95% expected); skill: 1 − the model's mean "
            + "absolute error over the naive forecast's (the mean of the last three training months); above 0 beats it.</p>"
        // Charts: months when there are, else weeks.
        var series: [(key: String, rows: [CSVTable.Row])] = []
        for r in rows {
            let key = "\(r["platform"])/\(r["account"]) \(r["metric"])"
            if let i = series.firstIndex(where: { $0.key == key }) { series[i].rows.append(r) } else { series.append((key, [r])) }
        }
        body += "<h2>Actual against predicted</h2><div class=\"grid\">"
        for s in series {
            let months = s.rows.filter { !$0["period"].hasPrefix("w") }
            let these = months.isEmpty ? s.rows : months
            body += SVGChart.forecast(
                title: "\(s.key), per \(months.isEmpty ? "week" : "month")", labels: these.map { $0["period"] },
                actual: these.map { $0.double("actual") }, median: these.map { $0.double("median") },
                low80: these.map { $0.double("low80") }, high80: these.map { $0.double("high80") },
                low95: these.map { $0.double("low95") }, high95: these.map { $0.double("high95") },
                naive: these.map { Double($0["naive"]) }, cutoff: cutoff)
        }
        body += "</div>"
        if let posts = try? CSVTable.rows(url: file("posts_quantiles.csv"), required: BacktestTables.postsHeader), !posts.isEmpty {
            body += "<h2>Per post: simulated against observed quantiles</h2><table><tr><th>account</th><th>metric</th>"
                + "<th>quantile</th><th>simulated</th><th>observed</th></tr>"
            for r in posts {
                body += "<tr><td>\(HTML.escape(r["platform"] + "/" + r["account"]))</td><td>\(HTML.escape(r["metric"]))</td>"
                    + "<td>\(HTML.escape(r["quantile"]))</td><td>\(ReachTable.grouped(r.double("simulated")))</td><td>\(ReachTable.grouped(r.double("observed")))</td></tr>"
            }
            body += "</table>"
        }
        if let rates = try? CSVTable.rows(url: file("rates.csv"), required: BacktestTables.ratesHeader), !rates.isEmpty {
            body += "<h2>Actions per impression</h2><table><tr><th>account</th><th>rate</th><th>simulated</th><th>observed</th></tr>"
            for r in rates {
                body += "<tr><td>\(HTML.escape(r["platform"] + "/" + r["account"]))</td><td>\(HTML.escape(r["rate"]))</td>"
                    + "<td>\(n(r["simulated"], 5))</td><td>\(n(r["observed"], 5))</td></tr>"
            }
            body += "</table>"
        }
        if let fit = try? CSVTable.rows(url: file("fit.csv"), required: FitPipeline.header), !fit.isEmpty {
            body += "<h2>The fit (fit.csv)</h2><table><tr><th>platform</th><th>parameter</th><th>prior</th><th>estimate</th>"
                + "<th>90% interval</th><th>data</th></tr>"
            for r in fit {
                func v(_ c: String) -> String { Double(r[c]).map { String(format: "%.4g", $0) } ?? "" }
                body += "<tr><td>\(HTML.escape(r["platform"]))</td><td>\(HTML.escape(r["parameter"]))</td><td>\(v("prior"))</td>"
                    + "<td>\(r["estimate"].isEmpty ? "not identifiable" : v("estimate"))</td>"
                    + "<td>\(r["low"].isEmpty ? "" : "\(v("low"))–\(v("high"))")</td><td>\(HTML.escape(r["source"]))</td></tr>"
            }
            body += "</table>"
        }
        if let warnings = manifest["warnings"] as? [String], !warnings.isEmpty {
            body += "<h2>Warnings</h2><ul>" + warnings.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        return HTMLReport.page(title: "ReachSim: back-test of \(scenario)", body: body)
    }

}
