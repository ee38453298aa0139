/// What `reachsim init --history DIR` reads from imported analytics (`reachsim import`): for
/// each account with dated posts, its last follower count, its posts per week by format and its
/// most used local posting hours over the last weeks of the history. Those are the institution's
/// own figures, so the scenario starts from what it does rather than from a preset's example.
public enum HistoryProfile {
    /// One template platform per platform of the history (in the history's order), one account
    /// each (unnamed when the platform has a single account).
    ///
    /// - Parameters:
    ///   - weeks: the window the cadence is counted over, ending at the account's last post (1...520);
    ///     shorter when the account's history is.
    ///   - clock: the local time of posting hours.
    public static func platforms(_ history: ObservedHistory, clock: PostingClock, weeks: Int = 12) -> [ScenarioTemplate.Platform] {
        var order: [String] = []
        var byPlatform: [String: [ScenarioTemplate.Account]] = [:]
        for account in history.accounts {
            let posts = history.posts.filter { $0.platform.rawValue == account.platform && $0.account == account.account }
            guard let last = posts.compactMap(\.publishedAt).max(), let first = posts.compactMap(\.publishedAt).min() else { continue }
            let spanDays = Double(last.secondsSinceEpoch - first.secondsSinceEpoch) / 86_400 + 1
            let windowDays = min(Double(7 * weeks), spanDays.rounded(.up))
            let since = last.secondsSinceEpoch - Int(windowDays * 86_400)
            let recent = posts.filter { ($0.publishedAt?.secondsSinceEpoch ?? Int.min) > since }
            let windowWeeks = max(1, windowDays / 7)

            var counts: [PostFormat: Int] = [:]
            let fallback = ScenarioTemplate.defaultPlan(account.platform)[0].format
            var unknownFormats = 0
            for p in recent {
                let format = p.format.flatMap { PostFormat(rawValue: $0.rawValue) }
                if format == nil { unknownFormats += 1 }
                counts[format ?? fallback, default: 0] += 1
            }
            let plan = PostFormat.allCases.compactMap { f in
                counts[f].map { (format: f, count: (Double($0) / windowWeeks * 100).rounded() / 100) }
            }
            var hourCounts = [Int](repeating: 0, count: 24)
            for p in recent { if let t = p.publishedAt { hourCounts[clock.local(t).hour] += 1 } }
            let hours = (0..<24).filter { hourCounts[$0] > 0 }.sorted { hourCounts[$0] > hourCounts[$1] || (hourCounts[$0] == hourCounts[$1] && $0 < $1) }
            let followers = history.followers
                .filter { $0.platform.rawValue == account.platform && $0.account == account.account && $0.followers != nil }
                .max { $0.date < $1.date }

            var note = "from \(history.directory): \(recent.count) posts in the \(Int(windowWeeks.rounded())) weeks to \(clock.local(last).date)"
            note += followers.map { "; followers on \($0.date)" } ?? "; no follower count in the history: set followers"
            if unknownFormats > 0 { note += "; \(unknownFormats) posts without a model format counted as \(fallback.rawValue)" }
            let a = ScenarioTemplate.Account(name: account.account, followers: followers?.followers ?? 0, postsPerWeek: plan,
                                             postingHours: Array(hours.prefix(3)), note: note)
            if byPlatform[account.platform] == nil { order.append(account.platform) }
            byPlatform[account.platform, default: []].append(a)
        }
        return order.map { name in
            var accounts = byPlatform[name]!
            if accounts.count == 1 { accounts[0].name = nil }
            return ScenarioTemplate.Platform(preset: name, accounts: accounts)
        }
    }
}
