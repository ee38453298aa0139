import Foundation
@testable import ReachSim

/// Laws that every `weekly.csv` obeys whatever the scenario, checked column against column: a
/// wrong engine (a reach counted twice, a follower lost without being counted, an `all` row that
/// is not the sum of its parts) breaks at least one. Returns the violations, empty when none.
///
/// - reach ≤ impressions_organic + impressions_shares + impressions_discovery + impressions_paid
///   (everyone reached saw at least one post), and likes, comments and shares each ≤ those views;
/// - reach ≤ reach_cumulative ≤ `people` (the catchment and the outside, in people: `people(_:)`),
///   and reach_cumulative never
///   decreases from one week to the next;
/// - segment `all` is the sum of the segments for every count (segments partition the people);
/// - platform `all`: impressions, engagements and followers are the sums over platforms; its reach
///   and reach_cumulative lie between the largest platform's and the sum (a person reached on
///   two platforms counts once);
/// - followers_t = followers_{t−1} + followers_gained_t − followers_lost_t from week 2 on, on every
///   platform whose accounts all exist from week 1 (`joining` lists the others: a join brings
///   initial followers that are not "gained").
enum WeeklyInvariants {
    /// Everyone the scenario can reach: the catchment's people and the outside's population.
    static func people(_ s: Scenario) -> Double {
        Double(s.audience.size * s.audience.scale) + (s.audience.outside?.population ?? 0)
    }

    static let views = ["impressions_organic", "impressions_shares", "impressions_discovery", "impressions_paid"]
    static let additive = views + ["reach", "reach_cumulative", "likes", "comments", "shares", "followers",
                                   "followers_gained", "followers_lost"]

    static func violations(csv text: String, people: Double, joining: Set<String> = []) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard !lines.isEmpty else { return ["empty file"] }
        let header = lines.removeFirst()
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() { column[name] = i }
        func value(_ row: [String], _ name: String) -> Double {
            guard let i = column[name], i < row.count else { return 0 }
            return Double(row[i]) ?? 0
        }
        var problems: [String] = []
        func fail(_ message: String) { if problems.count < 20 { problems.append(message) } }
        // (replicate, week) → platform → segment → row
        struct Key: Hashable { let replicate: String; let week: Int }
        var table: [Key: [String: [String: [String]]]] = [:]
        var platforms: [String] = [], segments: [String] = []
        for row in lines {
            guard row.count == header.count else { fail("a row of \(row.count) fields, header has \(header.count)"); continue }
            let p = row[column["platform"]!], s = row[column["segment"]!]
            if !platforms.contains(p) { platforms.append(p) }
            if !segments.contains(s) { segments.append(s) }
            table[Key(replicate: row[column["replicate"]!], week: Int(row[column["week"]!])!), default: [:]][p, default: [:]][s] = row
        }
        let ownPlatforms = platforms.filter { $0 != "all" }, ownSegments = segments.filter { $0 != "all" }
        for (key, byPlatform) in table {
            let at = "replicate \(key.replicate) week \(key.week)"
            for (p, bySegment) in byPlatform {
                for (s, row) in bySegment {
                    let seen = views.reduce(0) { $0 + value(row, $1) }
                    let reach = value(row, "reach"), cumulative = value(row, "reach_cumulative")
                    if reach > seen { fail("\(at) \(p)/\(s): reach \(reach) > views \(seen)") }
                    for e in ["likes", "comments", "shares"] where value(row, e) > seen {
                        fail("\(at) \(p)/\(s): \(e) \(value(row, e)) > views \(seen)")
                    }
                    if reach > cumulative { fail("\(at) \(p)/\(s): reach \(reach) > reach_cumulative \(cumulative)") }
                    if cumulative > people { fail("\(at) \(p)/\(s): reach_cumulative \(cumulative) > \(people) people") }
                    if key.week > 1, let before = table[Key(replicate: key.replicate, week: key.week - 1)]?[p]?[s] {
                        if cumulative < value(before, "reach_cumulative") {
                            fail("\(at) \(p)/\(s): reach_cumulative fell from \(value(before, "reach_cumulative")) to \(cumulative)")
                        }
                        if p != "all" && !joining.contains(p) {
                            let expected = value(before, "followers") + value(row, "followers_gained") - value(row, "followers_lost")
                            if abs(value(row, "followers") - expected) > 1e-6 {
                                fail("\(at) \(p)/\(s): followers \(value(row, "followers")) ≠ \(value(before, "followers")) + gained − lost = \(expected)")
                            }
                        }
                    }
                }
                if let all = bySegment["all"] {
                    for m in additive {
                        let sum = ownSegments.reduce(0) { $0 + value(bySegment[$1] ?? [], m) }
                        if abs(sum - value(all, m)) > 1e-6 * max(1, sum) { fail("\(at) \(p): segment all \(m) \(value(all, m)) ≠ Σ segments \(sum)") }
                    }
                }
            }
            guard let all = byPlatform["all"] else { fail("\(at): no platform all"); continue }
            for (s, row) in all {
                for m in additive {
                    let parts = ownPlatforms.map { value(byPlatform[$0]?[s] ?? [], m) }
                    let sum = parts.reduce(0, +), v = value(row, m)
                    if m.hasPrefix("reach") {
                        if v < (parts.max() ?? 0) || v > sum { fail("\(at) all/\(s): \(m) \(v) outside [\(parts.max() ?? 0), \(sum)]") }
                    } else if abs(sum - v) > 1e-6 * max(1, sum) {
                        fail("\(at) all/\(s): \(m) \(v) ≠ Σ platforms \(sum)")
                    }
                }
            }
        }
        return problems
    }
}
