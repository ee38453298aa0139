import Foundation

/// The table `reachsim run` prints: per platform and overall, the year's (horizon's) cumulative
/// unique reach with its 90% interval, the mean weekly reach, followers at the end, posts
/// published and dropped per week.
public enum ReachTable {
    public static func render(_ result: Simulation.Result, scenario: Scenario) -> String {
        let layout = result.layout
        let last = layout.weeks - 1
        let names = RowNames(scenario)
        var rows: [[String]] = [["platform", "reach, cumulative (90% interval)", "weekly reach", "followers at end", "posts/week", "dropped/week"]]
        func column(_ w: Int, _ p: Int, _ s: Int, _ m: Metric) -> [Double] {
            (0..<result.replicates).map { result.value(replicate: $0, week: w, platform: p, segment: s, metric: m) }
        }
        let s = layout.allSegments
        for p in 0..<layout.platformSlots {
            let cumulative = Statistics.summarize(column(last, p, s, .reachCumulative))
            var weekly = 0.0, posts = 0.0, dropped = 0.0
            for w in 0..<layout.weeks {
                weekly += column(w, p, s, .reach).reduce(0, +) / Double(result.replicates)
                posts += result.value(replicate: 0, week: w, platform: p, segment: s, metric: .posts)
                dropped += result.value(replicate: 0, week: w, platform: p, segment: s, metric: .postsDropped)
            }
            let n = Double(layout.weeks)
            let followers = Statistics.summarize(column(last, p, s, .followers)).mean
            rows.append([
                names.platforms[p],
                "\(grouped(cumulative.mean)) (\(grouped(cumulative.p05))-\(grouped(cumulative.p95)))",
                grouped(weekly / n), grouped(followers),
                String(format: "%.1f", posts / n), String(format: "%.1f", dropped / n),
            ])
        }
        return format(rows)
    }

    /// Aligns columns: text left, numbers right.
    static func format(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// 12345.6 → "12,346".
    static func grouped(_ v: Double) -> String {
        let n = Int(v.rounded())
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
