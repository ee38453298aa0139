/// One post the team produced, placed in the week.
public struct ScheduledPost: Sendable, Equatable {
    /// Index into `World.accounts`.
    public var account: Int
    public var format: PostFormat
    /// Day of the week 0...6.
    public var day: Int
    /// Local hour 0...23.
    public var hour: Int
}

/// What the team produced and dropped in one week.
public struct WeekPlan: Sendable {
    /// Posts in publication order (day, hour, then platform priority).
    public var posts: [ScheduledPost]
    /// Per platform: posts, hours, posts dropped, hours dropped.
    public var produced: [Int]
    public var hoursUsed: [Double]
    public var dropped: [Int]
    public var hoursDropped: [Double]
    /// Per account: posts per week over the 4 weeks before this one (its cadence, for feeds).
    public var cadence: [Double]
}

/// Turns editorial plans and the team's hours into the posts of each week.
///
/// Capacity rule: posts are taken in priority order (platforms in the scenario's order, then the
/// account's formats in `PostFormat` order) and produced while their production hours fit in what
/// is left of the week's hours; a post that does not fit is dropped and reported, never produced
/// on credit. Schedules involve no randomness, so they are computed once per run.
public enum ContentSchedule {
    /// Weeks of history assumed before week 0 for the cadence: the plan was already running.
    static let cadenceWindow = 4

    /// - Parameters:
    ///   - accounts: (platform index, plan) of every account, in priority order.
    ///   - productionHours: per platform, hours per post by format.
    public static func weeks(horizon: Int, teamHours: Double, platformCount: Int,
                             accounts: [(platform: Int, plan: PlanSpec)],
                             productionHours: [FormatTable<Double>]) -> [WeekPlan] {
        var history = accounts.map { Array(repeating: $0.plan.totalPerWeek, count: cadenceWindow) }
        var result: [WeekPlan] = []
        result.reserveCapacity(horizon)
        for week in 0..<horizon {
            var left = teamHours
            var plan = WeekPlan(posts: [], produced: .init(repeating: 0, count: platformCount),
                                hoursUsed: .init(repeating: 0, count: platformCount),
                                dropped: .init(repeating: 0, count: platformCount),
                                hoursDropped: .init(repeating: 0, count: platformCount),
                                cadence: history.map { $0.reduce(0, +) / Double(cadenceWindow) })
            var keyed: [(key: Int, post: ScheduledPost)] = []
            for (a, account) in accounts.enumerated() {
                let p = account.platform
                var made: [PostFormat] = []
                for format in PostFormat.allCases {
                    let count = postsInWeek(week, rate: account.plan.postsPerWeek[format])
                    let cost = productionHours[p][format]
                    for _ in 0..<count {
                        if cost <= left + 1e-9 {
                            left -= cost
                            plan.produced[p] += 1
                            plan.hoursUsed[p] += cost
                            made.append(format)
                        } else {
                            plan.dropped[p] += 1
                            plan.hoursDropped[p] += cost
                        }
                    }
                }
                let hours = account.plan.postingHours
                for (k, format) in made.enumerated() {
                    let day = k * 7 / made.count
                    let hour = hours[k % hours.count]
                    let post = ScheduledPost(account: a, format: format, day: day, hour: hour)
                    keyed.append((key: ((day * 24 + hour) * accounts.count + a) * 10_000 + k, post: post))
                }
                history[a].removeFirst()
                history[a].append(Double(made.count))
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
