import Foundation
import Testing
@testable import ReachSim

/// A schedule built from a history publishes exactly the observed posts of each week, at their
/// local day and hour, and leaves the other accounts' plans alone.
@Suite struct ObservedScheduleTests {
    static var fixtures: URL { TestScenarios.packageRoot.appendingPathComponent("Tests/ReachSimTests/Fixtures/backtest") }
    static func scenario() throws -> Scenario {
        try ScenarioLoader.load(path: fixtures.appendingPathComponent("museum-x.yaml").path)
    }
    static func history() throws -> ObservedHistory {
        try ObservedHistory.read(directory: fixtures.appendingPathComponent("history").path)
    }

    @Test func eachWeekPublishesTheObservedPostsOfThatWeek() throws {
        let scenario = try Self.scenario(), history = try Self.history()
        #expect(history.posts.count == 30)
        let from = ObservedDate(year: 2024, month: 1, day: 1)!, until = ObservedDate(year: 2024, month: 3, day: 10)!
        let schedule = try ObservedSchedule.build(
            scenario, history: history, options: .init(from: from, until: until, clock: try PostingClock(timeZone: "UTC")))
        #expect(schedule.weeks.count == 10 && schedule.scenario.horizonWeeks == 10)
        let museum = try #require(schedule.accountOf[ObservedHistory.Account(platform: "x", account: "museum")])
        // The history's counts per week, computed here from the UTC days (no time zone shift).
        var expected = [Int](repeating: 0, count: 10)
        for post in history.posts {
            let day = post.publishedAt!.secondsSinceEpoch / 86_400 - from.daysSinceEpoch
            expected[day / 7] += 1
        }
        #expect(expected.reduce(0, +) == 30)
        let published = schedule.weeks.map { $0.posts.filter { $0.account == museum }.count }
        #expect(published == expected)
        for (w, week) in schedule.weeks.enumerated() {
            // Observed posts cost no hours and are never dropped; the counters say so.
            #expect(week.accountProduced[museum] == expected[w])
            #expect(week.accountHours[museum] == 0 && week.accountDropped[museum] == 0)
            // Each observed post is where its time says, and its index points to it.
            for (post, index) in zip(week.posts, schedule.observed[w]) {
                guard let index else { #expect(post.account != museum); continue }
                let seconds = history.posts[index].publishedAt!.secondsSinceEpoch
                #expect(post.day == (seconds / 86_400 - from.daysSinceEpoch) % 7)
                #expect(post.hour == seconds % 86_400 / 3600)
            }
            // Publication order: by day and hour.
            let times = week.posts.map { $0.day * 24 + $0.hour }
            #expect(times == times.sorted())
        }
    }

    /// Instagram, which the history does not name, keeps its plan post for post.
    @Test func otherAccountsKeepTheirPlan() throws {
        let scenario = try Self.scenario()
        let schedule = try ObservedSchedule.build(
            scenario, history: try Self.history(),
            options: .init(from: ObservedDate(year: 2024, month: 1, day: 1)!, clock: try PostingClock(timeZone: "UTC")))
        #expect(schedule.weeks.count == scenario.horizonWeeks)
        let plan = ContentSchedule.weeks(scenario, accountIndex: World.accountIndex(of: scenario), migrations: [])
        let instagram = World.accountIndex(of: scenario)[1][0]
        for (built, planned) in zip(schedule.weeks, plan) {
            #expect(built.posts.filter { $0.account == instagram } == planned.posts.filter { $0.account == instagram })
        }
    }

    /// Local time: Sunday 7 January 2024 23:30 UTC is Monday 00:30 in Paris (UTC+1 in winter):
    /// the next simulated week with Europe/Paris, the last day of the first with UTC. Formats the
    /// model lacks (empty, link) become the plan's most common one (image: 2 a week against 1 text).
    @Test func timeZoneAndFormats() throws {
        let at = { (id: String, day: Int, hour: Int, minute: Int, format: ObservedPostFormat?) in
            ObservedPost(platform: .x, account: "museum", postID: id,
                         publishedAt: ObservedTime(date: ObservedDate(year: 2024, month: 1, day: day)!, hour: hour,
                                                   minute: minute, second: 0),
                         format: format, source: SourcePosition(file: "t.csv", line: 2))
        }
        let history = ObservedHistory(directory: "mem", posts: [at("1", 1, 10, 0, .text), at("2", 7, 23, 30, nil),
                                                                at("3", 3, 8, 0, .link), at("4", 4, 8, 0, .shortVideo)],
                                      followers: [])
        let from = ObservedDate(year: 2024, month: 1, day: 1)!
        let paris = try ObservedSchedule.build(try Self.scenario(), history: history,
                                               options: .init(from: from, until: ObservedDate(year: 2024, month: 1, day: 14)!,
                                                              clock: try PostingClock()))
        let museum = paris.accountOf[ObservedHistory.Account(platform: "x", account: "museum")]!
        let week1 = paris.weeks[1].posts.filter { $0.account == museum }
        #expect(week1.count == 1 && week1[0].day == 0 && week1[0].hour == 0 && week1[0].format == .image)
        let week0 = paris.weeks[0].posts.filter { $0.account == museum }
        #expect(week0.map(\.format) == [.text, .image, .shortVideo])
        #expect(week0.map(\.hour) == [11, 9, 9])
        #expect(paris.warnings.contains { $0.contains("2 posts") && $0.contains("as image") })
        let utc = try ObservedSchedule.build(try Self.scenario(), history: history,
                                             options: .init(from: from, clock: try PostingClock(timeZone: "UTC")))
        let last = utc.weeks[0].posts.filter { $0.account == museum }.last!
        #expect(last.day == 6 && last.hour == 23)
    }

    /// Without `from`, week 0 starts on the local day of the first post (2 January 2024, 17:07 in
    /// Paris); without `until`, the scenario's 10 weeks; `until` sets the weeks (rounded up) and
    /// must not be before `from`.
    @Test func defaultStartAndHorizon() throws {
        let scenario = try Self.scenario(), history = try Self.history()
        let byDefault = try ObservedSchedule.build(scenario, history: history, options: .init(clock: try PostingClock()))
        #expect(byDefault.start == ObservedDate(year: 2024, month: 1, day: 2))
        #expect(byDefault.weeks.count == 10 && byDefault.end == ObservedDate(year: 2024, month: 3, day: 11))
        let until = try ObservedSchedule.build(scenario, history: history,
                                               options: .init(until: ObservedDate(year: 2024, month: 1, day: 16)!,
                                                              clock: try PostingClock()))
        #expect(until.weeks.count == 3 && until.scenario.horizonWeeks == 3)
        #expect(throws: BacktestError.self) {
            try ObservedSchedule.build(scenario, history: history,
                                       options: .init(from: ObservedDate(year: 2024, month: 2, day: 1)!,
                                                      until: ObservedDate(year: 2024, month: 1, day: 1)!,
                                                      clock: try PostingClock()))
        }
    }

    @Test func anAccountMissingFromTheScenarioIsAnErrorNamingBothLists() throws {
        let post = ObservedPost(platform: .x, account: "other", postID: "1",
                                publishedAt: ObservedTime(secondsSinceEpoch: 1_704_100_000),
                                source: SourcePosition(file: "t.csv", line: 2))
        let history = ObservedHistory(directory: "mem", posts: [post], followers: [])
        #expect {
            try ObservedSchedule.build(try Self.scenario(), history: history, options: .init(clock: try PostingClock()))
        } throws: { error in
            let text = "\(error)"
            return error is BacktestError && text.contains("x/other") && text.contains("x/museum")
                && text.contains("instagram/main")
        }
    }

    @Test func badTimeZonesAndDaysAreRefused() {
        #expect(throws: BacktestError.self) { try PostingClock(timeZone: "Mars/Olympus") }
        for text in ["2018-13-01", "2018-02-30", "18-12-31", "2018-12-31T00:00", ""] {
            #expect(throws: BacktestError.self) { try PostingClock.day(text, option: "--train-until") }
        }
        #expect((try? PostingClock.day("2018-12-31", option: "--from")) == ObservedDate(year: 2018, month: 12, day: 31))
    }
}
