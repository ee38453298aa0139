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

    /// The page in `language` (labels and numbers; the account, metric and parameter names are
    /// the files' own).
    public static func render(directory: URL, language: ReportLanguage = .en) throws -> String {
        try ReportLanguage.$current.withValue(language) { try render(directory) }
    }

    static func render(_ directory: URL) throws -> String {
        let lang = ReportLanguage.current
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        let rows = try CSVTable.rows(url: file("backtest.csv"), required: BacktestTables.header)
        let summary = (try? CSVTable.rows(url: file("backtest_summary.csv"), required: BacktestTables.summaryHeader)) ?? []
        let manifest = (try? Data(contentsOf: file("manifest.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
        let scenario = manifest["scenario"] as? String ?? directory.lastPathComponent
        let cutoff = manifest["train_until"] as? String ?? ""
        let fitted = manifest["fitted"] as? Bool ?? false
        var body = "<h1>\(L("Back-test of")) \(HTML.escape(scenario))</h1><p class=\"meta\">"
            + "\(L("trained until")) \(HTML.escape(cutoff)) · \(L("simulated")) \(HTML.escape(manifest["simulated_from"] as? String ?? "")) \(L("to")) "
            + "\(HTML.escape(manifest["simulated_until"] as? String ?? "")) · \(L("held out:")) \(HTML.escape(manifest["holdout"] as? String ?? "")) · "
            + "\(manifest["replicates"].map { "\($0)" } ?? "") \(L("replicates")) · \(L("history")) \(HTML.escape(manifest["history"] as? String ?? ""))</p>"
        body += fitted
            ? "<p><b>\(L("Fitted"))</b>: \(HTML.escape(manifest["parameters"] as? String ?? "")); \(L("the estimates are below."))</p>"
            : "<p><b>\(L("Not fitted"))</b>: \(L("the scenario's parameters as they are; these scores are the scenario's, not a model fitted to the training period."))</p>"
        func n(_ text: String, _ digits: Int = 2) -> String { Double(text).map { lang.decimal($0, digits: digits) } ?? "–" }
        body += "<h2>\(L("Scores"))</h2><table><tr>" + ["account", "metric", "periods", "n", "MAPE", "weighted MAPE", "bias",
            "80% range covers", "95% range covers", "skill vs naive", "naive MAPE"].map { "<th>\(L($0))</th>" }.joined() + "</tr>"
        for r in summary {
            body += "<tr><td>\(HTML.escape(r["platform"] + "/" + r["account"]))</td><td>\(HTML.escape(r["metric"]))</td>"
                + "<td>\(HTML.escape(r["periods"]))</td><td>\(HTML.escape(r["n"]))</td><td>\(n(r["mape"]))</td><td>\(n(r["wmape"]))</td>"
                + "<td>\(n(r["bias"]))</td><td>\(n(r["coverage80"]))</td><td>\(n(r["coverage95"]))</td><td>\(n(r["skill"]))</td>"
                + "<td>\(n(r["naive_mape"]))</td></tr>"
        }
        body += "</table><p class=\"note\">" + L("MAPE: mean of |predicted median − actual| / actual; bias: its signed mean; "
            + "coverage: share of periods whose actual lies in the range (80% and 95% expected); skill: 1 − the model's mean "
            + "absolute error over the naive forecast's (the mean of the last three training months); above 0 beats it.") + "</p>"
        // Charts: months when there are, else weeks.
        var series: [(key: String, rows: [CSVTable.Row])] = []
        for r in rows {
            let key = "\(r["platform"])/\(r["account"]) \(r["metric"])"
            if let i = series.firstIndex(where: { $0.key == key }) { series[i].rows.append(r) } else { series.append((key, [r])) }
        }
        body += "<h2>\(L("Actual against predicted"))</h2><div class=\"grid\">"
        for s in series {
            let months = s.rows.filter { !$0["period"].hasPrefix("w") }
            let these = months.isEmpty ? s.rows : months
            body += SVGChart.forecast(
                title: "\(s.key), \(L(months.isEmpty ? "per week" : "per month"))", labels: these.map { $0["period"] },
                actual: these.map { $0.double("actual") }, median: these.map { $0.double("median") },
                low80: these.map { $0.double("low80") }, high80: these.map { $0.double("high80") },
                low95: these.map { $0.double("low95") }, high95: these.map { $0.double("high95") },
                naive: these.map { Double($0["naive"]) }, cutoff: cutoff)
        }
        body += "</div>"
        if let posts = try? CSVTable.rows(url: file("posts_quantiles.csv"), required: BacktestTables.postsHeader), !posts.isEmpty {
            body += "<h2>\(L("Per post: simulated against observed quantiles"))</h2><table><tr>"
                + ["account", "metric", "quantile", "simulated", "observed"].map { "<th>\(L($0))</th>" }.joined() + "</tr>"
            for r in posts {
                body += "<tr><td>\(HTML.escape(r["platform"] + "/" + r["account"]))</td><td>\(HTML.escape(r["metric"]))</td>"
                    + "<td>\(HTML.escape(r["quantile"]))</td><td>\(lang.number(r.double("simulated")))</td><td>\(lang.number(r.double("observed")))</td></tr>"
            }
            body += "</table>"
        }
        if let rates = try? CSVTable.rows(url: file("rates.csv"), required: BacktestTables.ratesHeader), !rates.isEmpty {
            body += "<h2>\(L("Actions per impression"))</h2><table><tr>"
                + ["account", "rate", "simulated", "observed"].map { "<th>\(L($0))</th>" }.joined() + "</tr>"
            for r in rates {
                body += "<tr><td>\(HTML.escape(r["platform"] + "/" + r["account"]))</td><td>\(HTML.escape(r["rate"]))</td>"
                    + "<td>\(n(r["simulated"], 5))</td><td>\(n(r["observed"], 5))</td></tr>"
            }
            body += "</table>"
        }
        if let fit = try? CSVTable.rows(url: file("fit.csv"), required: FitPipeline.header), !fit.isEmpty {
            body += "<h2>\(L("The fit (fit.csv)"))</h2><table><tr>"
                + ["platform", "parameter", "prior", "estimate", "90% interval", "data"].map { "<th>\(L($0))</th>" }.joined() + "</tr>"
            for r in fit {
                func v(_ c: String) -> String { Double(r[c]).map { lang.significant($0, 4) } ?? "" }
                body += "<tr><td>\(HTML.escape(r["platform"]))</td><td>\(HTML.escape(r["parameter"]))</td><td>\(v("prior"))</td>"
                    + "<td>\(r["estimate"].isEmpty ? L("not identifiable") : v("estimate"))</td>"
                    + "<td>\(r["low"].isEmpty ? "" : "\(v("low"))–\(v("high"))")</td><td><span class=\"file\">\(HTML.escape(r["source"]))</span></td></tr>"
            }
            body += "</table>"
        }
        if let warnings = manifest["warnings"] as? [String], !warnings.isEmpty {
            body += "<h2>\(L("Warnings"))</h2><ul>" + warnings.map { "<li><span class=\"file\">\(HTML.escape($0))</span></li>" }.joined() + "</ul>"
        }
        return HTMLReport.page(title: "ReachSim: \(L("Back-test of")) \(scenario)", body: body)
    }

}
