import Foundation

/// The HTML page of a study over parameter sets (`reachsim report DIR`): a robust comparison
/// (`robustness_summary.csv`: the effect's range across parameter sets, win shares, and the
/// parameters it depends on as a tornado of rank correlations) or a sensitivity study
/// (`sensitivity.csv`: a tornado of Morris μ* or Sobol total indices with their intervals). Same
/// page style as `HTMLReport`.
public enum UncertaintyReport {
    /// Whether `directory` holds such a study.
    public static func isStudy(_ directory: URL) -> Bool {
        ["robustness_summary.csv", "sensitivity.csv"].contains {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
    }

    /// The page in `language` (labels and numbers; parameter names are the files' own).
    public static func render(directory: URL, language: ReportLanguage = .en) throws -> String {
        try ReportLanguage.$current.withValue(language) { try render(directory) }
    }

    static var lang: ReportLanguage { ReportLanguage.current }

    static func render(_ directory: URL) throws -> String {
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        let manifest = (try? Data(contentsOf: file("manifest.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
        let title = manifest["scenario"] as? String ?? directory.lastPathComponent
        var body = "<h1>\(HTML.escape(title))</h1><p class=\"meta\">\(manifest["replicates"].map { "\($0)" } ?? "") \(L("replicates per point")) · \(L("seed")) \(HTML.escape("\(manifest["seed"] ?? "")"))</p>"
        if FileManager.default.fileExists(atPath: file("sensitivity.csv").path) {
            body += try sensitivity(file("sensitivity.csv"))
        } else {
            body += try robustness(directory)
        }
        body += "<p class=\"note\">" + HTML.escape(L("Three kinds of spread, named apart (docs/uncertainty.md): the spread of replicates (what a "
            + "year may look like), the interval of a mean (Monte Carlo precision), and the range across parameter sets "
            + "(what we do not know). Every figure is the model's answer over ranges that are mostly assumptions "
            + "(docs/presets.md, column \"plausible\").")) + "</p>"
        return HTMLReport.page(title: "ReachSim: \(title)", body: body)
    }

    static func sensitivity(_ url: URL) throws -> String {
        let rows = try CSVTable.rows(url: url, required: SensitivityPipeline.header)
        guard let first = rows.first else { return "<p>\(L("No parameter."))</p>" }
        let morris = first["method"] == "morris"
        let output = L(first["output"])
        let what = first["versus"].isEmpty ? "\(output) \(L("of")) \(first["scenario"])"
            : "Δ \(output) \(L("of")) \(first["versus"]) \(L("against")) \(first["scenario"])"
        var body = "<h2>\(L("What it depends on:")) \(HTML.escape(what)) (\(morris ? "Morris" : "Sobol"), "
            + "\(HTML.escape(first["points"])) \(L("points")))</h2>"
        let shown = Array(rows.prefix(20))
        if morris {
            body += SVGChart.bars(title: L("μ*: mean absolute change over each parameter's range (whisker: ± σ)"),
                                  labels: shown.map { $0["parameter"] }, mean: shown.map { $0.double("mu_star") },
                                  low: shown.map { max(0, $0.double("mu_star") - $0.double("sigma")) },
                                  high: shown.map { $0.double("mu_star") + $0.double("sigma") })
        } else {
            body += SVGChart.bars(title: L("total Sobol index (whisker: 90% bootstrap interval)"),
                                  labels: shown.map { $0["parameter"] }, mean: shown.map { $0.double("total") },
                                  low: shown.map { $0.double("total_low") }, high: shown.map { $0.double("total_high") })
        }
        body += "<table><tr><th>\(L("parameter"))</th><th>\(L("range"))</th>"
            + (morris ? "<th>μ*</th><th>μ</th><th>σ</th>" : "<th>\(L("total (90%)"))</th><th>\(L("first order (90%)"))</th>") + "</tr>"
        func n(_ r: CSVTable.Row, _ c: String) -> String { Double(r[c]).map { lang.significant($0, 4) } ?? "" }
        for r in rows {
            body += "<tr><td>\(HTML.escape(r["parameter"]))</td><td>\(HTML.escape(r["distribution"])) \(n(r, "low"))–\(n(r, "high"))</td>"
            body += morris
                ? "<td>\(n(r, "mu_star"))</td><td>\(n(r, "mu"))</td><td>\(n(r, "sigma"))</td>"
                : "<td>\(n(r, "total")) (\(n(r, "total_low"))–\(n(r, "total_high")))</td><td>\(n(r, "first_order")) (\(n(r, "first_order_low"))–\(n(r, "first_order_high")))</td>"
            body += "</tr>"
        }
        return body + "</table>"
    }

    static func fraction(_ v: Double) -> String { lang.significant(v, 2) }

    static func robustness(_ directory: URL) throws -> String {
        let summary = try CSVTable.rows(url: directory.appendingPathComponent("robustness_summary.csv"),
                                        required: RobustComparePipeline.summaryHeader)
        let drivers = (try? CSVTable.rows(url: directory.appendingPathComponent("robustness_drivers.csv"),
                                          required: RobustComparePipeline.driversHeader)) ?? []
        let sets = Int(summary.first?["sets"] ?? "") ?? 0
        let heading = lang == .fr ? "L'effet selon \(sets) jeux de paramètres" : "The effect across \(sets) parameter sets"
        var body = "<h2>\(heading)</h2><table><tr>"
            + ["alternative", "effect", "median", "5-95% of sets", "sets it wins", "sets settled", "Monte Carlo error ±"]
                .map { "<th>\(L($0))</th>" }.joined() + "</tr>"
        for r in summary {
            body += "<tr><td>\(HTML.escape(r["scenario"]))</td><td>Δ \(HTML.escape(L(r["effect"].replacingOccurrences(of: "_", with: " "))))</td>"
                + "<td>\(lang.number(r.double("median")))</td>"
                + "<td>\(lang.number(r.double("p05"))) \(L("to")) \(lang.number(r.double("p95")))</td>"
                + "<td>\(lang.percent(r.double("win_share")))</td>"
                + "<td>\(lang.percent(r.double("decided_share")))</td>"
                + "<td>\(lang.number(r.double("monte_carlo_error")))</td></tr>"
        }
        body += "</table>"
        let noise = RobustComparePipeline.noiseLevel(sets: sets)
        var keys: [String] = []
        for r in drivers where !keys.contains("\(r["scenario"])|\(r["effect"])") { keys.append("\(r["scenario"])|\(r["effect"])") }
        for key in keys {
            let mine = drivers.filter { "\($0["scenario"])|\($0["effect"])" == key }.prefix(12)
            let parts = key.split(separator: "|").map(String.init)
            body += SVGChart.bars(
                title: "\(L("What it depends on:")) Δ \(L(parts[1].replacingOccurrences(of: "_", with: " "))) \(L("of")) \(parts[0]), |Spearman ρ| "
                    + "(\(L("red: the effect falls as the parameter rises; below")) \(lang.decimal(noise, digits: 2)) \(L("is noise")))",
                labels: mine.map { $0["parameter"] }, mean: mine.map { abs($0.double("spearman")) },
                low: mine.map { abs($0.double("spearman")) }, high: mine.map { abs($0.double("spearman")) },
                colors: mine.map { $0.double("spearman") < 0 ? "#e15759" : "#4e79a7" }, atLeast: 0.1, tick: fraction)
        }
        return body
    }
}
