import Foundation

/// The back-test's terminal summary: what was simulated, the scores per account, metric and kind
/// of period, the engagement rates, the warnings, and whether the parameters were fitted.
public enum BacktestSummary {
    public static func render(_ report: BacktestPipeline.Report) -> String {
        var lines: [String] = []
        lines.append("Back-test of \(report.scenario.name): \(report.scenario.replicates) replicates, simulated "
            + "\(report.simulatedFrom) to \(report.simulatedUntil) (\(report.scenario.horizonWeeks) weeks, "
            + "\(report.heldOutWeeks) held out) with the posts as they happened.")
        if let fit = report.fit {
            lines.append("FITTED on \(fit.from) to \(fit.until) (fit.csv; \(fit.estimates.filter { $0.low != nil }.count) parameters "
                + "estimated, \(fit.estimates.filter { $0.estimate == nil }.count) not identifiable), then simulated on the test period.")
        } else {
            lines.append("NOT FITTED: the scenario's parameters are used as they are (without --fit); "
                + "these scores are the scenario's, not a model fitted to the training period.")
        }
        lines.append("")
        let header = ["account", "metric", "periods", "n", "MAPE", "wMAPE", "bias", "cover80", "cover95", "skill", "naive MAPE"]
        var rows = [header]
        func f(_ v: Double?, _ digits: Int = 2) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "-" }
        for s in report.series {
            let c = s.scores
            rows.append([s.account.description, s.metric.rawValue, s.kind.rawValue, String(c.periods), f(c.mape),
                         f(c.wmape), f(c.bias), f(c.coverage80), f(c.coverage95), f(c.skill), f(c.naiveMAPE)])
        }
        let widths = header.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        for row in rows {
            lines.append(row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i < 2 ? cell + pad : pad + cell
            }.joined(separator: "  "))
        }
        if !report.rates.isEmpty {
            lines.append("")
            for r in report.rates {
                lines.append("\(r.account) \(r.name): simulated \(f(r.simulated, 5)), observed \(f(r.observed, 5))")
            }
        }
        for w in report.warnings { lines.append("warning: \(w)") }
        lines.append("")
        lines.append(String(format: "%.1f s. Wrote ", report.wallTimeSeconds)
            + report.files.map { report.directory + "/" + $0 }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
