import Testing
@testable import ReachSim

@Suite struct ContentScheduleTests {
    func plan(_ posts: [PostFormat: Double], hours: [Int] = [12]) -> PlanSpec {
        PlanSpec(postsPerWeek: FormatTable { posts[$0] ?? 0 }, postingHours: hours)
    }

    /// The schedule of a scenario with one account per entry of `accounts` (each on its own
    /// platform unless two name the same platform).
    func schedule(horizon: Int, teamHours: Double, platformCount: Int, accounts: [(platform: Int, plan: PlanSpec)],
                  productionHours: [FormatTable<Double>], timeline: [TimelineEvent] = [],
                  priorities: [(platform: Int, account: Int)]? = nil, hoursShare: [Double]? = nil,
                  ownHours: [Double?]? = nil) -> [WeekPlan] {
        var platforms = (0..<platformCount).map {
            var p = TestScenarios.platform("p\($0)", followers: 0, feed: TestScenarios.flatRanked(visibility: 0.1))
            p.productionHours = productionHours[$0]
            p.accounts = []
            return p
        }
        for (i, account) in accounts.enumerated() {
            var spec = AccountSpec(name: "a\(i)", followers: 0, plan: account.plan, hoursShare: hoursShare?[i] ?? 1)
            spec.hoursPerWeek = ownHours?[i] ?? nil
            platforms[account.platform].accounts.append(spec)
        }
        var scenario = TestScenarios.scenario(audience: 10, platforms: platforms, weeks: horizon, teamHours: teamHours)
        scenario.timeline = timeline
        scenario.team.priorities = priorities
        return ContentSchedule.weeks(scenario, accountIndex: World.accountIndex(of: scenario),
                                     migrations: World.migrations(of: scenario))
    }

    /// Produced + dropped posts equal the plan, and hours never exceed the team's.
    @Test(arguments: [0.0, 1.0, 3.5, 10.0, 40.0])
    func producedPlusDroppedIsThePlan(teamHours: Double) {
        let costs = FormatTable<Double> { $0 == .shortVideo ? 1.5 : 0.5 }
        let weeks = schedule(
            horizon: 10, teamHours: teamHours, platformCount: 2,
            accounts: [(platform: 0, plan: plan([.image: 3, .shortVideo: 2])), (platform: 1, plan: plan([.text: 4.5]))],
            productionHours: [costs, costs])
        var planned = 0
        for (w, week) in weeks.enumerated() {
            let expected = ContentSchedule.postsInWeek(w, rate: 3) + ContentSchedule.postsInWeek(w, rate: 2)
                + ContentSchedule.postsInWeek(w, rate: 4.5)
            planned += expected
            #expect(week.produced.reduce(0, +) + week.dropped.reduce(0, +) == expected)
            #expect(week.posts.count == week.produced.reduce(0, +))
            #expect(week.hoursUsed.reduce(0, +) <= teamHours + 1e-9)
        }
        #expect(planned == 10 * 5 + 45)
    }

    /// When hours run short, the later platform loses its posts first.
    @Test func priorityOrderDropsTheLastPlatformFirst() {
        let costs = FormatTable<Double> { _ in 1 }
        let week = schedule(
            horizon: 1, teamHours: 3, platformCount: 2,
            accounts: [(platform: 0, plan: plan([.image: 3])), (platform: 1, plan: plan([.image: 2]))],
            productionHours: [costs, costs])[0]
        #expect(week.produced == [3, 0])
        #expect(week.dropped == [0, 2])
        #expect(week.hoursDropped == [0, 2])
    }

    /// TikTok joins at week 4 with the same 10 hours and the first priority: every week, produced
    /// plus dropped posts equal the plan of the accounts then open, hours stay within the team's,
    /// and the lowest-priority platform is the one that loses posts.
    @Test func addingAPlatformWithTheSameHoursDropsByPriority() {
        let costs = FormatTable<Double> { $0 == .shortVideo ? 1.5 : 0.75 }
        let weeks = schedule(
            horizon: 12, teamHours: 10, platformCount: 3,
            accounts: [(platform: 0, plan: plan([.image: 4, .text: 2])), (platform: 1, plan: plan([.text: 5, .image: 2])),
                       (platform: 2, plan: plan([.shortVideo: 2]))],
            productionHours: [costs, costs, costs],
            timeline: [TimelineEvent(week: 4, kind: .join(.init(platform: 2)))],
            priorities: [(platform: 2, account: 0), (platform: 0, account: 0), (platform: 1, account: 0)])
        for (w, week) in weeks.enumerated() {
            let planned = [6, 7, w >= 3 ? 2 : 0]
            for p in 0..<3 {
                #expect(week.produced[p] + week.dropped[p] == planned[p], "week \(w + 1), platform \(p)")
            }
            #expect(week.hoursUsed.reduce(0, +) <= 10 + 1e-9)
            #expect(week.status[2] == (w >= 3 ? .posting : .inactive))
        }
        #expect(weeks[2].dropped == [0, 0, 0])  // 4.5 + 5.25 = 9.75 hours fit before TikTok
        #expect(weeks[5].produced[2] == 2 && weeks[5].dropped[0] == 0 && weeks[5].dropped[1] > 0)
    }

    /// A cross-posting account copies its source's posts at no cost; a closed or ghost account posts nothing.
    @Test func leaveModes() {
        let costs = FormatTable<Double> { _ in 1 }
        let accounts = [(platform: 0, plan: plan([.image: 3])), (platform: 1, plan: plan([.text: 2])),
                        (platform: 2, plan: plan([.text: 2])), (platform: 3, plan: plan([.text: 2]))]
        let weeks = schedule(
            horizon: 3, teamHours: 100, platformCount: 4, accounts: accounts, productionHours: Array(repeating: costs, count: 4),
            timeline: [TimelineEvent(week: 2, kind: .leave(.init(platform: 1), .crosspost(from: 0, engagement: 0.5))),
                       TimelineEvent(week: 2, kind: .leave(.init(platform: 2), .ghost)),
                       TimelineEvent(week: 3, kind: .leave(.init(platform: 3), .close))])
        #expect(weeks[0].produced == [3, 2, 2, 2])
        #expect(weeks[1].produced == [3, 3, 0, 2])
        #expect(weeks[1].hoursUsed == [3, 0, 0, 2])
        #expect(weeks[1].dropped == [0, 0, 0, 0])
        #expect(weeks[2].produced == [3, 3, 0, 0])
        #expect(weeks[2].status == [.posting, .crosspost(from: 0, engagement: 0.5), .ghost, .closed])
        let copies = weeks[1].posts.filter { $0.account == 1 }
        #expect(copies.count == 3 && copies.allSatisfy { $0.copy && $0.format == .image })
    }

    /// Announcements are extra text posts of the source, spread over their weeks, paid in hours.
    @Test func announcementsAreTextPostsOverTheirWeeks() {
        let costs = FormatTable<Double> { _ in 0.5 }
        let migration = TimelineEvent.Migration(source: .init(platform: 0), destinations: [1], posts: 4, weeks: 3,
                                                followThrough: [0.5])
        let weeks = schedule(
            horizon: 6, teamHours: 100, platformCount: 2,
            accounts: [(platform: 0, plan: plan([.image: 1])), (platform: 1, plan: plan([.image: 1]))],
            productionHours: [costs, costs],
            timeline: [TimelineEvent(week: 2, kind: .announceMigration(migration))])
        let announcements = weeks.map { $0.posts.filter { $0.announcement == 0 }.count }
        #expect(announcements.reduce(0, +) == 4)
        #expect(announcements[0] == 0 && announcements[4] == 0 && announcements[5] == 0)
        #expect(weeks.allSatisfy { $0.posts.filter { $0.announcement == 0 }.allSatisfy { $0.format == .text && $0.account == 0 } })
        #expect(weeks[1].hoursUsed[0] == Double(1 + announcements[1]) * 0.5)
    }

    /// `hours_share` caps an account even when the team has hours left.
    @Test func hoursShareCapsAnAccount() {
        let costs = FormatTable<Double> { _ in 1 }
        let week = schedule(
            horizon: 1, teamHours: 10, platformCount: 1,
            accounts: [(platform: 0, plan: plan([.image: 6])), (platform: 0, plan: plan([.image: 6]))],
            productionHours: [costs], hoursShare: [0.3, 1])[0]
        #expect(week.accountProduced == [3, 6])
        #expect(week.accountDropped == [3, 0])
        #expect(week.produced == [9] && week.dropped == [3])
    }

    /// An account with its own hours (a curator's) posts within them and takes nothing from the
    /// team's: the team's 4 hours go whole to the first account, the curator's 2 to its own posts.
    @Test func ownHoursAreOutsideTheTeams() {
        let costs = FormatTable<Double> { _ in 1 }
        let week = schedule(
            horizon: 1, teamHours: 4, platformCount: 1,
            accounts: [(platform: 0, plan: plan([.image: 3])), (platform: 0, plan: plan([.image: 6])),
                       (platform: 0, plan: plan([.image: 3]))],
            productionHours: [costs], ownHours: [nil, 2, nil])[0]
        // Account 1 has 2 own hours: it makes 2 of its 6 posts. Accounts 0 and 2 share the team's 4.
        #expect(week.accountProduced == [3, 2, 1])
        #expect(week.accountDropped == [0, 4, 2])
        #expect(week.accountHours == [3, 2, 1])
    }

    @Test func fractionalRatesSpreadOverWeeks() {
        let counts = (0..<8).map { ContentSchedule.postsInWeek($0, rate: 1.5) }
        #expect(counts.reduce(0, +) == 12)
        #expect(Set(counts) == [1, 2])
    }

    /// Posts go out in time order, and the cadence is the 4 previous weeks' mean.
    @Test func postsAreInTimeOrderAndCadenceLooksBack() {
        let costs = FormatTable<Double> { _ in 0 }
        let weeks = schedule(
            horizon: 3, teamHours: 0, platformCount: 1,
            accounts: [(platform: 0, plan: plan([.image: 7], hours: [20, 8]))], productionHours: [costs])
        let times = weeks[0].posts.map { $0.day * 24 + $0.hour }
        #expect(times == times.sorted())
        #expect(weeks[0].posts.count == 7)
        #expect(weeks[2].cadence == [7])
    }
}

@Suite struct PostFormatTests {
    @Test func indexIsTheDeclarationOrder() {
        #expect(PostFormat.allCases.map(\.index) == Array(0..<PostFormat.count))
    }
}
