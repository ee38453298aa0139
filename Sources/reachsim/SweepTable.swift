import Foundation
import ReachSim

/// The table `reachsim sweep` prints: per variant, the swept values, the spend, the cumulative
/// unique reach over all platforms with the 90% confidence interval of its mean, and what the
/// next euro buys (marginal reach per euro to the next budget, with its 90% interval); then the
/// Hill curve of each group.
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
        let fits = report.hill.filter { $0.platform == "all" }
        for h in fits {
            let f = h.fit
            let group = h.group.isEmpty ? "" : " [" + h.group.joined(separator: ", ") + "]"
            text += "\n\nHill curve of reach (all platforms)\(group): baseline \(ReachTable.grouped(f.baseline)) + "
                + "\(ReachTable.grouped(f.r)) · x^α/(x^α+K^α), α = \(String(format: "%.2f", f.alpha)), "
                + "K = \(String(format: "%.0f", f.k)), RMSE \(ReachTable.grouped(f.rmse)), R² \(String(format: "%.4f", f.r2))"
                + (f.kAtBound ? " (K at its search bound: no saturation visible in the swept range)" : "")
        }
        return text
    }
}
