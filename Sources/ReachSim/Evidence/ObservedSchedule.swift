/// A scenario's weeks with the posts as they happened: for each account of the scenario that a
/// history names, the posts of each simulated week are the observed posts of that week, in place
/// of its plan (`ContentSchedule.weeks` gives everything else: the other accounts' planned posts,
/// statuses, budgets, campaigns and trends). `World.build(_:schedule:)` simulates it.
///
/// - Weeks: simulated week k is the 7 local days from `start + 7k` (day 0 is `start`'s weekday;
///   the model has no weekday effect). `start` is `from`, by default the local day of the history's
///   first post. The horizon is `until` (inclusive, rounded up to whole weeks) when given, else the
///   scenario's `horizon_weeks`.
/// - Day and hour: the post's local time by `PostingClock` (the time zone rule is there).
/// - Format: the export's, when it is one of the model's; empty or `link` (no such format in the
///   model) → the account's most common planned format (ties: the first in `PostFormat` order;
///   `text` without a plan), with one warning per account.
/// - Hours and team capacity do not apply to observed posts (they were published): they cost no
///   hours, are never dropped, and the history accounts' plans take no share of the team's hours
///   (the other accounts' plans are made with those accounts' plans emptied).
/// - Cadence (posts per week over the 4 weeks before, which feeds use): observed counts; before
///   week 0, the history's counts when it has posts before `start`, else the mean of weeks 0-3.
/// - Observed posts fall in weeks where their account is open; a post in a week where the
///   scenario's timeline has the account not yet joined or closed is left out, with a warning.
public struct ObservedSchedule: Sendable {
    /// Where and how to lay the history on the scenario's weeks.
    public struct Options: Sendable {
        /// First simulated day (local); nil: the local day of the first observed post.
        public var from: ObservedDate?
        /// Last simulated day (local, inclusive); nil: `horizon_weeks` weeks from `from`.
        public var until: ObservedDate?
        public var clock: PostingClock

        public init(from: ObservedDate? = nil, until: ObservedDate? = nil, clock: PostingClock) {
            self.from = from
            self.until = until
            self.clock = clock
        }
    }

    /// The scenario with `horizon_weeks` set to the schedule's weeks.
    public let scenario: Scenario
    /// Local day of week 0, day 0.
    public let start: ObservedDate
    /// One per simulated week, for `World.build(_:schedule:)`.
    public let weeks: [WeekPlan]
    /// Per week, aligned with `weeks[w].posts`: the index in `history.posts` of each observed post,
    /// nil for a planned post of another account.
    public let observed: [[Int?]]
    /// Per history account (in `history.accounts` order): its index in `World.accounts`.
    public let accountOf: [ObservedHistory.Account: Int]
    /// What was assumed (formats), one line each.
    public let warnings: [String]

    /// The local day of the last simulated day.
    public var end: ObservedDate { ObservedDate(daysSinceEpoch: start.daysSinceEpoch + 7 * weeks.count - 1) }

    /// - Throws: `BacktestError` when an account of the history is not in the scenario (naming
    ///   both lists), when the history has no dated post, or when `until` is before `from`.
    public static func build(_ scenario: Scenario, history: ObservedHistory, options: Options) throws -> ObservedSchedule {
        let accountIndex = World.accountIndex(of: scenario)
        let accountOf = try match(history.accounts, scenario: scenario, accountIndex: accountIndex)
        guard let range = history.postRange else {
            throw BacktestError("\(history.directory): the history has no post with a publication time")
        }
        let clock = options.clock
        let start = options.from ?? clock.local(range.lowerBound).date
        var scenario = scenario
        if let until = options.until {
            guard until >= start else {
                throw BacktestError("--until \(until) is before the first simulated day \(start)")
            }
            scenario.horizonWeeks = (until.daysSinceEpoch - start.daysSinceEpoch) / 7 + 1
        }
        let weekCount = scenario.horizonWeeks
        let lastDay = options.until ?? ObservedDate(daysSinceEpoch: start.daysSinceEpoch + 7 * weekCount - 1)

        // The plan of the accounts the history does not name, with the history accounts' plans empty.
        let observedAccounts = Set(accountOf.values)
        var planning = scenario
        var flat = 0
        for p in planning.platforms.indices {
            for a in planning.platforms[p].accounts.indices {
                if observedAccounts.contains(flat) {
                    planning.platforms[p].accounts[a].plan.postsPerWeek = FormatTable { _ in 0 }
                }
                flat += 1
            }
        }
        var weeks = ContentSchedule.weeks(planning, accountIndex: accountIndex, migrations: World.migrations(of: planning))

        // Each observed post's week, day, hour and format.
        var placed = [[(post: ScheduledPost, observed: Int, seconds: Int)]](repeating: [], count: weekCount)
        var before = [Int: [Int]]()  // account → counts of the 4 weeks before `start`
        var storiesBefore = [Int: [Int]]()  // the same, stories only
        var unknownFormat = [Int: Int]()
        var closed = [Int: Int]()
        let fallback = Dictionary(uniqueKeysWithValues: observedAccounts.map { a in
            (a, mostCommonFormat(scenario, account: a, accountIndex: accountIndex))
        })
        for (i, post) in history.posts.enumerated() {
            guard let time = post.publishedAt,
                  let a = accountOf[ObservedHistory.Account(platform: post.platform.rawValue, account: post.account)]
            else { continue }
            let local = clock.local(time)
            let offset = local.date.daysSinceEpoch - start.daysSinceEpoch
            if offset < 0 {
                if offset >= -28 {
                    before[a, default: [0, 0, 0, 0]][(offset + 28) / 7] += 1
                    if post.format?.rawValue == PostFormat.story.rawValue {
                        storiesBefore[a, default: [0, 0, 0, 0]][(offset + 28) / 7] += 1
                    }
                }
                continue
            }
            guard local.date <= lastDay, offset / 7 < weekCount else { continue }
            let w = offset / 7
            guard weeks[w].status[a].isOpen else { closed[a, default: 0] += 1; continue }
            var format = post.format.flatMap { PostFormat(rawValue: $0.rawValue) }
            if format == nil {
                unknownFormat[a, default: 0] += 1
                format = fallback[a]
            }
            placed[w].append((post: ScheduledPost(account: a, format: format!, day: offset % 7, hour: local.hour),
                              observed: i, seconds: time.secondsSinceEpoch))
        }

        // Observed counts per account and week, then the weeks with the observed posts.
        let hadEarlier = range.lowerBound < ObservedTime(date: start, hour: 0, minute: 0, second: 0,
                                                            offsetSeconds: clock.offset(at: range.lowerBound))
        /// Per account, posts per week (those `keep` accepts): the 4 weeks before, then each week.
        func series(_ before: [Int: [Int]], keep: (ScheduledPost) -> Bool) -> [Int: [Double]] {
            var counts = [Int: [Double]]()
            for a in observedAccounts {
                let own = placed.map { week in Double(week.filter { $0.post.account == a && keep($0.post) }.count) }
                let earlier: [Double]
                if hadEarlier {
                    earlier = (before[a] ?? [0, 0, 0, 0]).map(Double.init)
                } else {
                    let firstWeeks = own.prefix(ContentSchedule.cadenceWindow)
                    earlier = Array(repeating: firstWeeks.reduce(0, +) / Double(max(1, firstWeeks.count)),
                                    count: ContentSchedule.cadenceWindow)
                }
                counts[a] = earlier + own
            }
            return counts
        }
        let counts = series(before) { _ in true }
        let storyCounts = series(storiesBefore) { $0.format == .story }
        var observed: [[Int?]] = []
        for w in 0..<weekCount {
            var plan = weeks[w]
            for a in observedAccounts {
                let p = scenario.platforms.indices.first { accountIndex[$0].contains(a) }!
                let n = placed[w].filter { $0.post.account == a }.count
                plan.produced[p] += n - plan.accountProduced[a]
                plan.hoursUsed[p] -= plan.accountHours[a]
                plan.dropped[p] -= plan.accountDropped[a]
                plan.hoursDropped[p] -= plan.accountHoursDropped[a]
                plan.accountProduced[a] = n
                plan.accountHours[a] = 0
                plan.accountDropped[a] = 0
                plan.accountHoursDropped[a] = 0
                let history = counts[a]!
                plan.cadence[a] = history[w..<(w + ContentSchedule.cadenceWindow)].reduce(0, +)
                    / Double(ContentSchedule.cadenceWindow)
                plan.storyCadence[a] = storyCounts[a]![w..<(w + ContentSchedule.cadenceWindow)].reduce(0, +)
                    / Double(ContentSchedule.cadenceWindow)
            }
            // Publication order: day, hour, account, then time (planned posts keep their order).
            var merged: [(key: [Int], post: ScheduledPost, observed: Int?)] = []
            for (k, post) in plan.posts.enumerated() where !observedAccounts.contains(post.account) {
                merged.append((key: [post.day * 24 + post.hour, post.account, 0, k], post: post, observed: nil))
            }
            for item in placed[w] {
                merged.append((key: [item.post.day * 24 + item.post.hour, item.post.account, item.seconds, item.observed],
                               post: item.post, observed: item.observed))
            }
            merged.sort { $0.key.lexicographicallyPrecedes($1.key) }
            plan.posts = merged.map(\.post)
            observed.append(merged.map(\.observed))
            weeks[w] = plan
        }

        var warnings: [String] = []
        let names = accountOf.sorted { $0.value < $1.value }
        for (account, a) in names {
            if let n = unknownFormat[a] {
                warnings.append("\(account): \(n) posts of no format the model has (empty or link) are simulated as "
                    + "\(fallback[a]!.rawValue), the plan's most common format")
            }
            if let n = closed[a] {
                warnings.append("\(account): \(n) posts fall in weeks where the scenario's timeline has the account "
                    + "closed or not yet joined; left out")
            }
        }
        return ObservedSchedule(scenario: scenario, start: start, weeks: weeks, observed: observed,
                                accountOf: accountOf, warnings: warnings)
    }

    /// Each history account's index in `World.accounts`; a history account that the scenario has not
    /// is an error naming both lists. An account the export left unnamed (empty) matches the
    /// platform's only account.
    static func match(_ accounts: [ObservedHistory.Account], scenario: Scenario,
                      accountIndex: [[Int]]) throws -> [ObservedHistory.Account: Int] {
        var result: [ObservedHistory.Account: Int] = [:]
        var missing: [ObservedHistory.Account] = []
        for account in accounts {
            guard let p = scenario.platforms.firstIndex(where: { $0.name == account.platform }) else {
                missing.append(account)
                continue
            }
            let names = scenario.platforms[p].accounts.map(\.name)
            if let a = names.firstIndex(of: account.account) {
                result[account] = accountIndex[p][a]
            } else if account.account.isEmpty && names.count == 1 {
                result[account] = accountIndex[p][0]
            } else {
                missing.append(account)
            }
        }
        guard missing.isEmpty else {
            let scenarioAccounts = scenario.platforms.flatMap { p in p.accounts.map { "\(p.name)/\($0.name)" } }
            throw BacktestError("the history's accounts \(missing.map(\.description).joined(separator: ", ")) are not "
                + "in the scenario \(scenario.name), whose accounts are \(scenarioAccounts.joined(separator: ", ")); "
                + "name the scenario's accounts as the history does (platforms.NAME.accounts[].name)")
        }
        return result
    }

    /// The account's most common planned format (ties: the first in `PostFormat` order; `text` when
    /// the plan has no posts).
    static func mostCommonFormat(_ scenario: Scenario, account: Int, accountIndex: [[Int]]) -> PostFormat {
        for (p, platform) in scenario.platforms.enumerated() {
            if let a = accountIndex[p].firstIndex(of: account) {
                let rates = platform.accounts[a].plan.postsPerWeek
                var best = PostFormat.text
                for f in PostFormat.allCases where rates[f] > rates[best] { best = f }
                return best
            }
        }
        return .text
    }
}
