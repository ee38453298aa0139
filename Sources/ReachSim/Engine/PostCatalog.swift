/// The posts of a run in the order every replicate simulates them: each week's organic posts in
/// publication order, then its paid campaigns (one per boosted platform that spends that week,
/// run from the platform's first account while it is open). Schedules involve no randomness, so
/// post k is the same post in every replicate, and `posts.csv` can compare them across
/// replicates and scenarios.
public struct PostCatalog: Sendable {
    public struct Entry: Sendable, Equatable {
        /// Week of the run, from 0.
        public let week: Int
        /// Index into `World.accounts`.
        public let account: Int
        /// Day of the simulated week 0...6; nil for a paid campaign (it runs all week).
        public let day: Int?
        /// Local hour 0...23 (a campaign: the hour its sharers' cascade uses, `PaidPool.cascadeHour`).
        public let hour: Int
        public let format: PostFormat
        public let paid: Bool
    }

    public let entries: [Entry]

    public init(_ scenario: Scenario) {
        let accountIndex = World.accountIndex(of: scenario)
        let schedule = ContentSchedule.weeks(scenario, accountIndex: accountIndex, migrations: World.migrations(of: scenario))
        self.init(scenario, schedule: schedule, accountIndex: accountIndex)
    }

    init(_ scenario: Scenario, schedule: [WeekPlan], accountIndex: [[Int]]) {
        var entries: [Entry] = []
        for (w, plan) in schedule.enumerated() {
            for post in plan.posts {
                entries.append(Entry(week: w, account: post.account, day: post.day, hour: post.hour, format: post.format,
                                     paid: false))
            }
            for (p, platform) in scenario.platforms.enumerated() {
                guard let boost = platform.boost, let a = accountIndex[p].first, plan.status[a].isOpen,
                      PaidPool.weekBudget(boost, platform: p, week: w, plan: plan) > 0 else { continue }
                entries.append(Entry(week: w, account: a, day: nil, hour: PaidPool.cascadeHour(platform),
                                     format: boost.format, paid: true))
            }
        }
        self.entries = entries
    }
}
