import Foundation
import ReachSim

/// The table `reachsim sweep` prints: per variant, the swept values, the spend, the cumulative
/// unique reach over all platforms with the 90% confidence interval of its mean, and what the
/// next euro buys (marginal reach per euro to the next budget, with its 90% interval); then the
/// two saturation curves of each group, the one AICc chooses marked.
enum SweepTable {
    static func render(_ report: SweepPipeline.Report) -> String {
        func row(_ v: Int, _ metric: String) -> SweepPipeline.SweepRow? {
            report.rows.first { $0.variant == v && $0.platform == "all" && $0.metric == metric }
        }
        func interval(_ r: SweepPipeline.SweepRow?, digits: Int) -> String {
            guard let r else { return "" }
            if digits == 0 {
                return "\(ReachTable.grouped(r.summary.mean)) (\(ReachTable.grouped(r.ciLow))-\(ReachTable.grouped(r.ciHigh)))"
            }
            let f = "%.\(digits)f"
            return String(format: "\(f) (\(f) to \(f))", r.summary.mean, r.ciLow, r.ciHigh)
        }
        var rows = [report.parameters.map(\.leaf) + ["spend", "reach, cumulative (90% CI)", "next euro: reach/€ (90% CI)"]]
        for v in report.variants {
            rows.append(v.values + [
                row(v.number, "spend").map { ReachTable.grouped($0.summary.mean) } ?? "",
                interval(row(v.number, "reach_cumulative"), digits: 0),
                interval(row(v.number, "marginal_reach_per_euro"), digits: 2),
            ])
        }
        var text = ReachTable.format(rows)
        for row in report.saturation where row.platform == "all" {
            text += "\n\n" + saturation(row)
        }
        return text
    }

    /// Both curves of one group, with 90% bootstrap intervals of their parameters.
    static func saturation(_ row: SweepPipeline.SaturationRow) -> String {
        let c = row.comparison
        let group = row.group.isEmpty ? "" : " [" + row.group.joined(separator: ", ") + "]"
        func value(_ f: SaturationComparison.Fitted, _ name: String) -> String {
            let j = f.curve.parameterNames.firstIndex(of: name)!
            let show: (Double) -> String = name == "alpha" ? { String(format: "%.2f", $0) } : { ReachTable.grouped($0) }
            return "\(name == "alpha" ? "α" : name.uppercased()) \(show(f.parameters[j])) (\(show(f.low[j]))-\(show(f.high[j])))"
        }
        var lines = ["Saturation of reach (all platforms)\(group): \(c.points) budgets, 90% intervals from "
            + "\(c.resamples) bootstrap resamples of the replicates"]
        for f in c.fits {
            let form = f.curve == .hill ? "baseline + R·x^α/(x^α+K^α)" : "baseline + R·(1 − e^(−x/K))"
            let params = f.curve.parameterNames.filter { $0 != "baseline" }.map { value(f, $0) }.joined(separator: ", ")
            var line = "  \(f.curve.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(form): "
                + "baseline \(ReachTable.grouped(f.parameters.last!)), \(params); RMSE \(ReachTable.grouped(f.rmse))"
            if let a = f.aicc { line += String(format: ", AICc %.1f", a) }
            if f.curve == c.chosen {
                line += f.preferredShare.map { String(format: "  <- chosen (lower AICc in %.0f%% of resamples)", 100 * $0) }
                    ?? "  <- kept (too few budgets to compare the curves: 7 needed)"
            }
            lines.append(line)
        }
        if c.fit(c.chosen).kAtBound {
            lines.append("  K is at its search bound: the swept budgets show no saturation (or all of it at the first"
                + " budget); R and K are not identified, R/K is the reach of the first unit of budget")
        }
        return lines.joined(separator: "\n")
    }
}
