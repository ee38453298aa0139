import Foundation

/// What `reachsim run` prints: per platform and overall, the horizon's cumulative unique reach with
/// the spread of replicates (5-95%: what a year may look like), the mean weekly reach, followers at the end, spend, and posts published and
/// dropped per week. As an aligned table for people or JSON for pipelines.
public enum ReachTable {
    /// One platform's (or `all`'s) headline figures, means over replicates.
    public struct Line: Codable, Sendable {
        public let platform: String
        public let reachCumulative: Double
        public let reachCumulativeP05: Double
        public let reachCumulativeP95: Double
        public let weeklyReach: Double
        /// People following at least one of the platform's accounts (`all`: any account), counted once.
        public let followersAtEnd: Double
        /// Euros over the horizon.
        public let spend: Double
        public let postsPerWeek: Double
        public let droppedPerWeek: Double
    }

    public static func lines(_ result: Simulation.Result, scenario: Scenario) -> [Line] {
        let layout = result.layout
        let last = layout.weeks - 1, s = layout.allSegments
        let names = RowNames(scenario)
        func column(_ w: Int, _ p: Int, _ m: Metric) -> [Double] {
            (0..<result.replicates).map { result.value(replicate: $0, week: w, platform: p, segment: s, metric: m) }
        }
        func meanOverWeeks(_ p: Int, _ m: Metric) -> Double {
            (0..<layout.weeks).reduce(0.0) { $0 + column($1, p, m).reduce(0, +) / Double(result.replicates) } / Double(layout.weeks)
        }
        return (0..<layout.platformSlots).map { p in
            let cumulative = Statistics.summarize(column(last, p, .reachCumulative))
            return Line(platform: names.platforms[p], reachCumulative: cumulative.mean,
                        reachCumulativeP05: cumulative.p05, reachCumulativeP95: cumulative.p95,
                        weeklyReach: meanOverWeeks(p, .reach),
                        followersAtEnd: Statistics.summarize(column(last, p, .followersUnique)).mean,
                        spend: meanOverWeeks(p, .spend) * Double(layout.weeks),
                        postsPerWeek: meanOverWeeks(p, .posts), droppedPerWeek: meanOverWeeks(p, .postsDropped))
        }
    }

    public static func render(_ result: Simulation.Result, scenario: Scenario) -> String {
        var rows = [["platform", "reach, cumulative (5-95% of replicates)", "weekly reach", "followers at end", "spend €", "posts/week", "dropped/week"]]
        for l in lines(result, scenario: scenario) {
            rows.append([
                l.platform, "\(grouped(l.reachCumulative)) (\(grouped(l.reachCumulativeP05))-\(grouped(l.reachCumulativeP95)))",
                grouped(l.weeklyReach), grouped(l.followersAtEnd), grouped(l.spend),
                String(format: "%.1f", l.postsPerWeek), String(format: "%.1f", l.droppedPerWeek),
            ])
        }
        return format(rows)
    }

    /// Aligns columns: text left, numbers right.
    public static func format(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// 12345.6 → "12,346".
    public static func grouped(_ v: Double) -> String {
        guard v.isFinite else { return "NA" }
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
