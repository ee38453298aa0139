import Foundation

/// One post the team produced (or an automatic copy), placed in the week.
public struct ScheduledPost: Sendable, Equatable {
    /// Index into `World.accounts`.
    public var account: Int
    public var format: PostFormat
    /// Day of the week 0...6.
    public var day: Int
    /// Local hour 0...23.
    public var hour: Int
    /// Index into `World.migrations` when the post announces a migration, else -1.
    public var announcement: Int = -1
    /// True for an automatic cross-post copy (no production hours, lower engagement).
    public var copy = false
}

/// What an account does in a week, from the scenario's timeline.
public enum AccountStatus: Sendable, Equatable {
    /// Not opened yet (`join` later): no followers, no posts.
    case inactive
    /// Posts its plan.
    case posting
    /// Left in mode `ghost`: silent, its followers stay (and leave faster).
    case ghost
    /// Left in mode `crosspost`: posts copies of account `from`'s posts; copies get `engagement`
    /// times the engagement.
    case crosspost(from: Int, engagement: Double)
    /// Left in mode `close`: deleted, no followers.
    case closed

    /// The account exists and keeps its followers.
    public var isOpen: Bool { self != .inactive && self != .closed }
}

/// What the team produced and dropped in one week, and what the timeline says of the week.
public struct WeekPlan: Sendable {
    /// Account `a`'s posts per week without its stories, over the 4 weeks before this one: the
    /// cadence that over-posting counts (`OverpostingEffect`; stories have their own tray).
    public func feedCadence(_ a: Int) -> Double { max(0, cadence[a] - storyCadence[a]) }

    /// Posts in publication order (day, hour, then priority).
    public var posts: [ScheduledPost]
    /// Per platform: posts, hours, posts dropped, hours dropped.
    public var produced: [Int]
    public var hoursUsed: [Double]
    public var dropped: [Int]
    public var hoursDropped: [Double]
    /// The same per account (indices of `World.accounts`).
    public var accountProduced: [Int]
    public var accountHours: [Double]
    public var accountDropped: [Int]
    public var accountHoursDropped: [Double]
    /// Per account: posts per week over the 4 weeks before this one (its cadence, for feeds).
    public var cadence: [Double]
    /// Per account: story posts per week over the same 4 weeks (part of `cadence`).
    public var storyCadence: [Double]
    /// Per account: its status this week.
    public var status: [AccountStatus]
    /// The team's hours this week.
    public var teamHours: Double
    /// Per platform: multiplier ≥ 1 of discovery from running campaigns.
    public var discoveryMultiplier: [Double]
    /// Per platform: the boost budget set by a `budget` event, nil for the scenario's own.
    public var budget: [BoostSpec.Budget?]
    /// Per platform: active users this week relative to week 0 (product of the trends so far).
    public var activeUsers: [Double]
}

/// Turns editorial plans, the team's hours and the timeline into the posts of each week.
///
/// Capacity rule: accounts take the week's hours in priority order (`team.priorities`, default
/// the file's order), each account's announcement posts first, then its formats in `PostFormat`
/// order; a post is produced while its production hours fit in what is left of the week's hours
/// and within the account's `hours_share` (an account with its own `hours_per_week` spends those
/// instead, and nothing of the team's); a post that does not fit is dropped and reported,
/// never produced on credit. Cross-post copies cost nothing. Schedules involve no randomness, so
/// they are computed once per run.
public enum ContentSchedule {
    /// Weeks of history assumed before week 0 for the cadence: the plan was already running.
    static let cadenceWindow = 4

    /// - Parameters:
    ///   - accountIndex: per platform, per account of the platform, its index in `World.accounts`.
    ///   - migrations: the scenario's `announce_migration` events, in `World.migrations` order.
    public static func weeks(_ scenario: Scenario, accountIndex: [[Int]],
                             migrations: [(week: Int, migration: TimelineEvent.Migration)]) -> [WeekPlan] {
        let platforms = scenario.platforms
        var accounts: [(platform: Int, spec: AccountSpec)] = []
        for (p, platform) in platforms.enumerated() {
            for account in platform.accounts { accounts.append((platform: p, spec: account)) }
        }
        let order = scenario.team.priorities?.map { accountIndex[$0.platform][$0.account] } ?? Array(accounts.indices)
        var plans = accounts.map(\.spec.plan)
        var status = [AccountStatus](repeating: .posting, count: accounts.count)
        var teamHours = scenario.team.hoursPerWeek
        var budget = [BoostSpec.Budget?](repeating: nil, count: platforms.count)
        var activeUsers = [Double](repeating: 1, count: platforms.count)
        var campaigns: [(platform: Int, start: Int, weeks: Int, multiplier: Double)] = []
        var trends: [(platform: Int, start: Int, weeks: Int, factor: Double)] = []
        func indices(_ ref: TimelineEvent.AccountRef) -> [Int] {
            ref.account.map { [accountIndex[ref.platform][$0]] } ?? accountIndex[ref.platform]
        }
        for event in scenario.timeline {
            if case .join(let ref) = event.kind { for a in indices(ref) { status[a] = .inactive } }
        }
        var history = accounts.indices.map {
            Array(repeating: status[$0] == .posting ? plans[$0].totalPerWeek : 0, count: cadenceWindow)
        }
        var storyHistory = accounts.indices.map {
            Array(repeating: status[$0] == .posting ? plans[$0].postsPerWeek[.story] : 0, count: cadenceWindow)
        }

        var result: [WeekPlan] = []
        result.reserveCapacity(scenario.horizonWeeks)
        for week in 0..<scenario.horizonWeeks {
            for event in scenario.timeline where event.week - 1 == week {
                switch event.kind {
                case .join(let ref): for a in indices(ref) { status[a] = .posting }
                case .leave(let ref, let mode):
                    for a in indices(ref) {
                        switch mode {
                        case .close: status[a] = .closed
                        case .ghost: status[a] = .ghost
                        case let .crosspost(from, engagement):
                            status[a] = .crosspost(from: accountIndex[from][0], engagement: engagement)
                        }
                    }
                case .plan(let ref, let plan): for a in indices(ref) { plans[a] = plan }
                case .teamHours(let h): teamHours = h
                case let .budget(p, b): budget[p] = b
                case let .campaign(p, weeks, m): campaigns.append((platform: p, start: week, weeks: weeks, multiplier: m))
                case let .trend(p, factor, weeks): trends.append((platform: p, start: week, weeks: weeks, factor: factor))
                case .announceMigration: break  // see `migrations`
                }
            }
            for t in trends where week >= t.start && week < t.start + t.weeks {
                activeUsers[t.platform] *= pow(t.factor, 1 / Double(t.weeks))
            }
            var plan = WeekPlan(
                posts: [], produced: .init(repeating: 0, count: platforms.count),
                hoursUsed: .init(repeating: 0, count: platforms.count),
                dropped: .init(repeating: 0, count: platforms.count),
                hoursDropped: .init(repeating: 0, count: platforms.count),
                accountProduced: .init(repeating: 0, count: accounts.count),
                accountHours: .init(repeating: 0, count: accounts.count),
                accountDropped: .init(repeating: 0, count: accounts.count),
                accountHoursDropped: .init(repeating: 0, count: accounts.count),
                cadence: history.map { $0.reduce(0, +) / Double(cadenceWindow) },
                storyCadence: storyHistory.map { $0.reduce(0, +) / Double(cadenceWindow) },
                status: status, teamHours: teamHours,
                discoveryMultiplier: platforms.indices.map { p in
                    campaigns.filter { $0.platform == p && week >= $0.start && week < $0.start + $0.weeks }
                        .reduce(1) { $0 * $1.multiplier }
                },
                budget: budget, activeUsers: activeUsers)

            var left = teamHours
            var made = [[(format: PostFormat, announcement: Int)]](repeating: [], count: accounts.count)
            for a in order where status[a] == .posting {
                let p = accounts[a].platform
                let own = accounts[a].spec.hoursPerWeek
                let cap = own ?? accounts[a].spec.hoursShare * teamHours
                var planned: [(format: PostFormat, announcement: Int)] = []
                for (m, migration) in migrations.enumerated() where indices(migration.migration.source).contains(a) {
                    let start = migration.week - 1
                    guard week >= start && week < start + migration.migration.weeks else { continue }
                    let rate = Double(migration.migration.posts) / Double(migration.migration.weeks)
                    let n = postsInWeek(week - start, rate: rate)
                    planned += Array(repeating: (format: PostFormat.text, announcement: m), count: n)
                }
                for format in PostFormat.allCases {
                    let n = postsInWeek(week, rate: plans[a].postsPerWeek[format])
                    planned += Array(repeating: (format: format, announcement: -1), count: n)
                }
                for post in planned {
                    let cost = platforms[p].productionHours[post.format]
                    if (own != nil || cost <= left + 1e-9) && plan.accountHours[a] + cost <= cap + 1e-9 {
                        if own == nil { left -= cost }
                        plan.produced[p] += 1
                        plan.hoursUsed[p] += cost
                        plan.accountProduced[a] += 1
                        plan.accountHours[a] += cost
                        made[a].append(post)
                    } else {
                        plan.dropped[p] += 1
                        plan.hoursDropped[p] += cost
                        plan.accountDropped[a] += 1
                        plan.accountHoursDropped[a] += cost
                    }
                }
            }
            // Copies follow their source's posts (not its announcements), same day and hour.
            var keyed: [(key: Int, post: ScheduledPost)] = []
            func place(_ a: Int, _ items: [(format: PostFormat, announcement: Int)], copy: Bool, hours: [Int]) {
                for (k, item) in items.enumerated() {
                    let day = k * 7 / items.count
                    let hour = hours[k % hours.count]
                    let post = ScheduledPost(account: a, format: item.format, day: day, hour: hour,
                                             announcement: item.announcement, copy: copy)
                    keyed.append((key: ((day * 24 + hour) * accounts.count + a) * 10_000 + k, post: post))
                }
            }
            for a in accounts.indices {
                if case .crosspost(let from, _) = status[a] {
                    let copies = made[from].filter { $0.announcement < 0 }
                    plan.produced[accounts[a].platform] += copies.count
                    plan.accountProduced[a] += copies.count
                    place(a, copies, copy: true, hours: plans[from].postingHours)
                    history[a].removeFirst()
                    history[a].append(Double(copies.count))
                    storyHistory[a].removeFirst()
                    storyHistory[a].append(Double(copies.filter { $0.format == .story }.count))
                } else {
                    place(a, made[a], copy: false, hours: plans[a].postingHours)
                    history[a].removeFirst()
                    history[a].append(Double(made[a].count))
                    storyHistory[a].removeFirst()
                    storyHistory[a].append(Double(made[a].filter { $0.format == .story }.count))
                }
            }
            plan.posts = keyed.sorted { $0.key < $1.key }.map(\.post)
            result.append(plan)
        }
        return result
    }

    /// Posts of a format in `week` for a rate per week: floor((w+1)·r) − floor(w·r), so that
    /// fractional rates are spread evenly and n weeks hold floor(n·r) posts.
    static func postsInWeek(_ week: Int, rate: Double) -> Int {
        Int((Double(week + 1) * rate + 1e-9).rounded(.down)) - Int((Double(week) * rate + 1e-9).rounded(.down))
    }
}
