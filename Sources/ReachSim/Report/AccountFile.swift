import Foundation

/// `accounts.csv` read back as one line per account: what the account put in over the run and
/// what it got, each summarised over replicates (mean, 5%, 50%, 95%, as in `summary.csv`).
///
/// Keeps per-replicate totals rather than the parsed rows, so a file of a million rows costs its
/// text once and a few numbers per account and replicate.
struct AccountFile {
    struct Account {
        let platform: String
        let account: String
        /// Posts published over the run, summed over weeks.
        var posts: Summary
        /// Production hours spent on them, summed over weeks.
        var hours: Summary
        /// Distinct people who saw at least one of the account's posts during the run:
        /// `reach_cumulative` of the last week.
        var reached: Summary
        /// Followers at the start of week 1, i.e. week 1's `followers − followers_gained + followers_lost`
        /// (an account that opens later starts with 0).
        var followersStart: Summary
        /// Followers at the end of the last week.
        var followersEnd: Summary
        /// Likes, comments and shares of the account's posts, summed over weeks.
        var engagements: Summary

        /// `platform/account`, as timeline events name an account.
        var label: String { "\(platform)/\(account)" }
    }

    /// In the file's order (platform by platform, accounts in priority order).
    let accounts: [Account]
    /// The last week in the file (weeks are numbered from 1).
    let weeks: Int

    /// One replicate's totals for one account.
    private struct Totals {
        var seen = false
        var posts = 0.0, hours = 0.0, engagements = 0.0
        var followersStart = 0.0
        var lastWeek = 0, reached = 0.0, followersEnd = 0.0
    }

    /// Parses `accounts.csv` (the columns of `AccountTable.header`, found by name); throws
    /// `ReportError` naming the file and row of a row that is not one of ReachSim's.
    init(url: URL) throws {
        var names: [(platform: String, account: String)] = []
        var index: [String: Int] = [:]
        var replicateSlot: [Int: Int] = [:]
        var totals: [[Totals]] = []  // [account][replicate slot]
        var lastWeek = 0
        try CSVTable.forEachRow(url: url, required: AccountTable.header) { row in
            guard let r = Int(row["replicate"]), let w = Int(row["week"]), r >= 1, w >= 1 else {
                throw ReportError("\(url.path): row \(row.number): expected a replicate and a week from 1, "
                    + "found \"\(row["replicate"])\" and \"\(row["week"])\"")
            }
            func value(_ m: Metric) -> Double { Double(row[m.column]) ?? 0 }
            let platform = row["platform"], account = row["account"]
            let key = "\(platform)/\(account)"
            let a: Int
            if let known = index[key] {
                a = known
            } else {
                a = names.count
                index[key] = a
                names.append((platform, account))
                totals.append([])
            }
            let slot: Int
            if let known = replicateSlot[r] { slot = known } else { slot = replicateSlot.count; replicateSlot[r] = slot }
            if totals[a].count <= slot { totals[a] += Array(repeating: Totals(), count: slot + 1 - totals[a].count) }
            var t = totals[a][slot]
            t.seen = true
            t.posts += value(.posts)
            t.hours += value(.hours)
            t.engagements += value(.likes) + value(.comments) + value(.shares)
            if w == 1 { t.followersStart = value(.followers) - value(.followersGained) + value(.followersLost) }
            if w >= t.lastWeek {
                t.lastWeek = w
                t.reached = value(.reachCumulative)
                t.followersEnd = value(.followers)
            }
            totals[a][slot] = t
            lastWeek = max(lastWeek, w)
        }
        weeks = lastWeek
        accounts = zip(names, totals).map { name, replicates in
            let seen = replicates.filter(\.seen)
            func summary(_ value: (Totals) -> Double) -> Summary { Statistics.summarize(seen.map(value)) }
            return Account(platform: name.platform, account: name.account,
                           posts: summary(\.posts), hours: summary(\.hours), reached: summary(\.reached),
                           followersStart: summary(\.followersStart), followersEnd: summary(\.followersEnd),
                           engagements: summary(\.engagements))
        }
    }
}
