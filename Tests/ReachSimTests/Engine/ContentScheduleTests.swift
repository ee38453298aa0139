import Testing
@testable import ReachSim

@Suite struct ContentScheduleTests {
    func plan(_ posts: [PostFormat: Double], hours: [Int] = [12]) -> PlanSpec {
        PlanSpec(postsPerWeek: FormatTable { posts[$0] ?? 0 }, postingHours: hours)
    }

    /// Produced + dropped posts equal the plan, and hours never exceed the team's.
    @Test(arguments: [0.0, 1.0, 3.5, 10.0, 40.0])
    func producedPlusDroppedIsThePlan(teamHours: Double) {
        let costs = FormatTable<Double> { $0 == .shortVideo ? 1.5 : 0.5 }
        let weeks = ContentSchedule.weeks(
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
        let week = ContentSchedule.weeks(
            horizon: 1, teamHours: 3, platformCount: 2,
            accounts: [(platform: 0, plan: plan([.image: 3])), (platform: 1, plan: plan([.image: 2]))],
            productionHours: [costs, costs])[0]
        #expect(week.produced == [3, 0])
        #expect(week.dropped == [0, 2])
        #expect(week.hoursDropped == [0, 2])
    }

    @Test func fractionalRatesSpreadOverWeeks() {
        let counts = (0..<8).map { ContentSchedule.postsInWeek($0, rate: 1.5) }
        #expect(counts.reduce(0, +) == 12)
        #expect(Set(counts) == [1, 2])
    }

    /// Posts go out in time order, and the cadence is the 4 previous weeks' mean.
    @Test func postsAreInTimeOrderAndCadenceLooksBack() {
        let costs = FormatTable<Double> { _ in 0 }
        let weeks = ContentSchedule.weeks(
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
