/// A replicate's counters for the week being simulated, per platform × segment and per account,
/// and the people reached since week 0; at the end of the week they become one week of the
/// replicate's results (`finishWeek`). Counts are in agents until `finishWeek` applies the
/// audience scale. Allocated once per runner (`MetricLayout.workerValues` values, which the
/// memory estimate counts); nothing is allocated afterwards.
final class WeeklyTallies {
    let layout: MetricLayout
    private static let metrics = MetricLayout.metricCount
    /// One week of `MetricLayout` (segment slots filled as views happen, `all` slots at the end).
    private let week: UnsafeMutablePointer<Double>
    /// Per account, `account × metrics + metric`.
    private let accountWeek: UnsafeMutablePointer<Double>
    /// Reached since week 0, per platform slot × segment (the outside's slot is set at the end
    /// of each week from `OutsideAudience`).
    private var cumulative: [Double]
    /// Reached since week 0 by each account's posts, in the catchment.
    private var accountCumulative: [Double]

    /// Where one person's counts go: a platform × segment cell and an account's row.
    struct Cell {
        fileprivate let platformSegment: Int
        fileprivate let account: Int
        fileprivate let platform: Int
        fileprivate let segment: Int
    }

    init(layout: MetricLayout) {
        self.layout = layout
        week = .allocate(capacity: layout.perWeek)
        accountWeek = .allocate(capacity: max(1, layout.perAccountWeek))
        cumulative = Array(repeating: 0, count: layout.cumulativeSlots)
        accountCumulative = Array(repeating: 0, count: layout.accounts)
    }

    deinit {
        week.deallocate()
        accountWeek.deallocate()
    }

    /// Start of a replicate: nobody reached yet.
    func startReplicate() {
        for i in cumulative.indices { cumulative[i] = 0 }
        for i in accountCumulative.indices { accountCumulative[i] = 0 }
    }

    /// Start of a week: every counter at 0.
    func startWeek() {
        week.initialize(repeating: 0, count: layout.perWeek)
        accountWeek.initialize(repeating: 0, count: layout.perAccountWeek)
    }

    @inline(__always)
    private func index(_ p: Int, _ s: Int, _ metric: Metric) -> Int {
        (p * layout.segmentSlots + s) * Self.metrics + metric.rawValue
    }

    @inline(__always)
    func cell(platform p: Int, segment s: Int, account a: Int) -> Cell {
        Cell(platformSegment: (p * layout.segmentSlots + s) * Self.metrics, account: a * Self.metrics, platform: p, segment: s)
    }

    /// Adds `k` to `metric` of the cell's platform × segment and of its account.
    @inline(__always)
    func add(_ metric: Metric, _ cell: Cell, _ k: Double = 1) {
        week[cell.platformSegment + metric.rawValue] += k
        accountWeek[cell.account + metric.rawValue] += k
    }

    /// The person is reached by the platform this week for the first time (`ever`: for the first
    /// time in the run).
    @inline(__always)
    func reachedOnPlatform(_ cell: Cell, ever: Bool) {
        if ever { cumulative[cell.platform * layout.segments + cell.segment] += 1 }
        week[cell.platformSegment + Metric.reach.rawValue] += 1
    }

    /// The same across all platforms (the `all` platform slot).
    @inline(__always)
    func reachedAcrossPlatforms(_ cell: Cell, ever: Bool) {
        let all = layout.allPlatforms
        if ever { cumulative[all * layout.segments + cell.segment] += 1 }
        week[index(all, cell.segment, .reach)] += 1
    }

    /// The same by the cell's account.
    @inline(__always)
    func reachedByAccount(_ cell: Cell, ever: Bool) {
        if ever { accountCumulative[cell.account / Self.metrics] += 1 }
        accountWeek[cell.account + Metric.reach.rawValue] += 1
    }

    /// Followers as people (`Metric.followersUnique`), per platform and across platforms, from
    /// the engine's counts (kept as follows happen); the outside's from `OutsideAudience`.
    private func countFollowerPeople(_ counts: some FollowerCounting, segments: Int, outside: OutsideAudience?) {
        let P = layout.platforms
        for s in 0..<segments {
            for p in 0..<P { week[index(p, s, .followersUnique)] = counts.people(platform: p, segment: s) }
            week[index(P, s, .followersUnique)] = counts.people(segment: s)
        }
        if let outside {
            let o = outside.pools.segment
            for p in 0..<P { week[index(p, o, .followersUnique)] = outside.followerPeople(platform: p) }
            week[index(P, o, .followersUnique)] = outside.allFollowerPeople()
        }
    }

    // MARK: - Counts (the grouped engine)

    /// `k` people of the cell reached by the platform for the first time this week, `ever` of
    /// them for the first time in the run.
    @inline(__always)
    func reachedOnPlatform(_ cell: Cell, people k: Int, ever: Int) {
        cumulative[cell.platform * layout.segments + cell.segment] += Double(ever)
        week[cell.platformSegment + Metric.reach.rawValue] += Double(k)
    }

    /// The same by the cell's account.
    @inline(__always)
    func reachedByAccount(_ cell: Cell, people k: Int, ever: Int) {
        accountCumulative[cell.account / Self.metrics] += Double(ever)
        accountWeek[cell.account + Metric.reach.rawValue] += Double(k)
    }

    /// Segment `s`'s reach across platforms this week and since week 0 (the grouped engine
    /// combines platforms at the end of the week instead of person by person).
    func setReachAcrossPlatforms(segment s: Int, week reached: Double, total: Double) {
        let all = layout.allPlatforms
        week[index(all, s, .reach)] = reached
        cumulative[all * layout.segments + s] = total
    }

    /// `k` followers of the account in segment `s` left (churn, a closed account, a user who
    /// stopped using the platform).
    func followersLost(_ k: Double, account a: Int, platform p: Int, segment s: Int) {
        add(.followersLost, cell(platform: p, segment: s, account: a), k)
    }

    /// Adds followers, cumulative reach and the work metrics, fills the `all` slots, applies the
    /// audience scale and copies week `w` into `out` (one replicate of `layout`).
    /// - Parameters:
    ///   - followers: the accounts' followers by exposure class at the end of the week, and the
    ///     same followers as people, once each across accounts.
    ///   - spend: per platform, euros spent this week.
    ///   - outside: the people outside the catchment (their segment slot's followers and reach).
    func finishWeek(_ w: Int, plan: WeekPlan, accounts: [World.Account], accountIndex: [[Int]],
                    followers: some FollowerCounting, classCount: Int, spend: [Double]?, outside: OutsideAudience?, scale: Int,
                    into out: UnsafeMutableBufferPointer<Double>) {
        let P = layout.platforms, S = layout.segments
        func at(_ p: Int, _ s: Int, _ metric: Metric) -> Int { index(p, s, metric) }
        for (a, account) in accounts.enumerated() {
            for c in 0..<classCount {
                week[at(account.platform, c / ActivityLevels.count, .followers)] += Double(followers.followers(account: a, cls: c))
            }
        }
        if let outside {
            let o = outside.pools.segment
            for (a, account) in accounts.enumerated() {
                week[at(account.platform, o, .followers)] += Double(outside.followers[a])
            }
            for p in 0..<P {
                let r = outside.platformReach[p]
                week[at(p, o, .reach)] = r.week
                cumulative[p * S + o] = r.total
            }
            let r = outside.allReach
            week[at(P, o, .reach)] = r.week
            cumulative[P * S + o] = r.total
        }
        for p in 0...P {
            for s in 0..<S { week[at(p, s, .reachCumulative)] = cumulative[p * S + s] }
        }
        countFollowerPeople(followers, segments: classCount / ActivityLevels.count, outside: outside)
        // Platform `all`: sums over platforms, except reach and followers as people (counted once
        // across platforms, above).
        for s in 0..<S {
            for metric in Metric.allCases where !metric.perPlatformOnly && metric != .reach && metric != .reachCumulative
                && metric != .followersUnique {
                var total = 0.0
                for p in 0..<P { total += week[at(p, s, metric)] }
                week[at(P, s, metric)] = total
            }
        }
        // Segment `all`: sums over segments (segments partition people, so reach adds up).
        for p in 0...P {
            for metric in Metric.allCases where !metric.perPlatformOnly {
                var total = 0.0
                for s in 0..<S { total += week[at(p, s, metric)] }
                week[at(p, S, metric)] = total
            }
        }
        for p in 0..<P {
            week[at(p, S, .posts)] = Double(plan.produced[p])
            week[at(p, S, .hours)] = plan.hoursUsed[p]
            week[at(p, S, .postsDropped)] = Double(plan.dropped[p])
            week[at(p, S, .hoursDropped)] = plan.hoursDropped[p]
            week[at(p, S, .spend)] = spend?[p] ?? 0
        }
        for metric in Metric.allCases where metric.perPlatformOnly {
            var total = 0.0
            for p in 0..<P { total += week[at(p, S, metric)] }
            week[at(P, S, metric)] = total
        }
        let scale = Double(scale)
        // Accounts: their own counters, followers, cumulative reach and work.
        for (a, account) in accounts.enumerated() {
            let base = a * Self.metrics
            var count = 0
            for c in 0..<classCount { count += followers.followers(account: a, cls: c) }
            accountWeek[base + Metric.followers.rawValue] = Double(count)
            accountWeek[base + Metric.reachCumulative.rawValue] = accountCumulative[a]
            if let outside {
                let reach = outside.accountReach[a]
                accountWeek[base + Metric.followers.rawValue] += Double(outside.followers[a])
                accountWeek[base + Metric.reach.rawValue] += reach.week
                accountWeek[base + Metric.reachCumulative.rawValue] += reach.total
            }
            accountWeek[base + Metric.followersUnique.rawValue] = accountWeek[base + Metric.followers.rawValue]
            accountWeek[base + Metric.posts.rawValue] = Double(plan.accountProduced[a])
            accountWeek[base + Metric.hours.rawValue] = plan.accountHours[a]
            accountWeek[base + Metric.postsDropped.rawValue] = Double(plan.accountDropped[a])
            accountWeek[base + Metric.hoursDropped.rawValue] = plan.accountHoursDropped[a]
            // A platform's spend is its first account's (the boost runs from it).
            accountWeek[base + Metric.spend.rawValue] =
                accountIndex[account.platform].first == a ? week[at(account.platform, S, .spend)] : 0
            for metric in Metric.allCases {
                out[layout.accountIndex(week: w, account: a, metric: metric)] =
                    accountWeek[base + metric.rawValue] * (metric.perPlatformOnly ? 1 : scale)
            }
        }
        let offset = w * layout.perWeek
        for p in 0...P {
            for s in 0...S {
                for metric in Metric.allCases {
                    let i = at(p, s, metric)
                    if metric.perPlatformOnly {
                        out[offset + i] = s == S ? week[i] : .nan
                    } else {
                        out[offset + i] = week[i] * scale
                    }
                }
            }
        }
    }
}

/// An engine's followers at the end of a week, for `WeeklyTallies.finishWeek`, in agents.
protocol FollowerCounting {
    /// Followers of account `a` in exposure class `cls`.
    func followers(account a: Int, cls: Int) -> Int
    /// People following at least one account of platform `p`, in segment `s`.
    func people(platform p: Int, segment s: Int) -> Double
    /// People following at least one account of any platform, in segment `s`.
    func people(segment s: Int) -> Double
}
