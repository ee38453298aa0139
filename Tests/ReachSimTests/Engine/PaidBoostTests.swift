import Foundation
import Testing
@testable import ReachSim

/// Paid delivery against closed forms and its invariants. Tolerances are 4 standard errors of
/// the quantity tested; seeds are fixed.
@Suite struct PaidBoostTests {
    /// A boost with a fixed CPM of €10 (1 euro buys 100 impressions with scale 1), engagement off.
    static func boost(perWeek: Double, cap: Int? = nil, weeks: ClosedRange<Int> = 1...1, audience: BoostSpec.Audience = .both,
                      multiplier: Double = 0.5) -> BoostSpec {
        BoostSpec(budget: .perWeek(perWeek), startWeek: weeks.lowerBound, endWeek: weeks.upperBound,
                  segments: [0], audience: audience, capImpressions: cap, cpmLow: 10, cpmHigh: 10,
                  engagementMultiplier: multiplier)
    }

    static func boosted(audience n: Int, followers: Int = 0, postsPerWeek: Double = 0, boost: BoostSpec?,
                        engagement: EngagementRates = TestScenarios.quietEngagement(), graph: GraphSpec = .none,
                        visibility: Double = 0.1, weeks: Int = 1, replicates: Int = 200) -> Scenario {
        var platform = TestScenarios.platform(followers: followers, postsPerWeek: postsPerWeek,
                                              feed: TestScenarios.flatRanked(visibility: visibility, peer: 0.5),
                                              engagement: engagement, graph: graph)
        platform.boost = boost
        return TestScenarios.scenario(audience: n, platforms: [platform], weeks: weeks, replicates: replicates)
    }

    /// I impressions landing uniformly (with replacement) on n people reach
    /// E = n(1 − (1 − 1/n)^I) of them, with the occupancy variance
    /// Var = n(n−1)(1 − 2/n)^I + n(1 − 1/n)^I − n²(1 − 1/n)^{2I}.
    @Test func uniqueReachOfRandomImpressionsWithoutCap() throws {
        let n = 2_000, r = 300
        let euros = 30.0  // 3,000 impressions at CPM 10
        let s = Self.boosted(audience: n, boost: Self.boost(perWeek: euros), replicates: r)
        let i = Double(PaidPool.impressions(budget: euros, cpm: 10, scale: 1))
        #expect(i == 3_000)
        let nn = Double(n)
        let q1 = pow(1 - 1 / nn, i), q2 = pow(1 - 2 / nn, i)
        let expected = nn * (1 - q1)
        let variance = nn * (nn - 1) * q2 + nn * q1 - nn * nn * q1 * q1
        let reach = try TestScenarios.metric(s, .reach)
        #expect(abs(TestScenarios.mean(reach) - expected) < 4 * (variance / Double(r)).squareRoot())
        #expect(try TestScenarios.metric(s, .impressionsPaid).allSatisfy { $0 == i })
        #expect(try TestScenarios.metric(s, .spend).allSatisfy { abs($0 - euros) < 1e-9 })
    }

    /// A boost declared at €0 and raised by a timeline `budget` event from week 3 spends its
    /// budget from that week on and nothing before: at CPM 10, €30 buys exactly 3,000 impressions
    /// (no cap, 2,000 people). Before the fix the €0 boost had no pool and never spent.
    @Test func aBoostRaisedByTheTimelineSpendsFromThatWeek() throws {
        var s = Self.boosted(audience: 2_000, boost: Self.boost(perWeek: 0, weeks: 1...4), weeks: 4, replicates: 3)
        s.timeline = [TimelineEvent(week: 3, kind: .budget(platform: 0, .perWeek(30)))]
        let result = Simulation.run(try World.build(s), replicates: 3, threads: 2)
        for r in 0..<3 {
            for w in 0..<4 {
                func value(_ m: Metric) -> Double {
                    result.value(replicate: r, week: w, platform: 0, segment: result.layout.allSegments, metric: m)
                }
                #expect(value(.spend) == (w < 2 ? 0 : 30), "week \(w + 1)")
                #expect(value(.impressionsPaid) == (w < 2 ? 0 : 3_000), "week \(w + 1)")
            }
        }
    }

    /// A campaign's sharers cascade at the boost's `hour`, else at the boosted account's first
    /// posting hour: `PostCatalog` (posts.csv) and `WeeklyBoost` (the engine) both take it from
    /// `PaidPool.cascadeHour`.
    @Test func campaignHourIsTheBoostsThenTheAccounts() throws {
        var s = Self.boosted(audience: 200, postsPerWeek: 1, boost: Self.boost(perWeek: 10))
        func hours() -> [Int] { PostCatalog(s).entries.filter(\.paid).map(\.hour) }
        #expect(s.platforms[0].accounts[0].plan.postingHours == [12] && hours() == [12])
        s.platforms[0].boost?.hour = 7
        #expect(hours() == [7])
    }

    /// With a cap of c per week and far more budget than c·n impressions, every person receives
    /// exactly c (never more), the rest of the budget is not spent.
    @Test(arguments: [1, 3])
    func frequencyCapIsNeverExceeded(cap: Int) throws {
        let n = 300
        let s = Self.boosted(audience: n, boost: Self.boost(perWeek: 1_000, cap: cap, weeks: 1...2), weeks: 2, replicates: 3)
        let world = try World.build(s)
        let delivery = PaidDelivery(agentCount: n, platforms: 1)
        let followers = FollowerSet(agentCount: n, capacity: world.usersPerClass[0])
        for r in 0..<3 {
            delivery.startReplicate(r, seed: s.seed, pools: world.paidPools)
            for w in 0..<2 {
                var received = [Int](repeating: 0, count: n)
                let delivered = delivery.deliver(world.paidPools[0]!, platform: 0, week: w, replicate: r, seed: s.seed,
                                                 budget: 1_000, scale: 1, followers: followers) { received[$0] += 1 }.delivered
                #expect(received.max()! <= cap)
                #expect(received.allSatisfy { $0 == cap })  // the pool is exhausted
                #expect(delivered == cap * n)
                #expect(delivery.spend[0] <= 1_000)
                delivery.spend[0] = 0
            }
        }
        // Through the whole engine: impressions bounded by c·n and spend by the budget.
        let paid = try TestScenarios.metric(s, .impressionsPaid, week: 1)
        #expect(paid.allSatisfy { $0 == Double(cap * n) })
        #expect(try TestScenarios.metric(s, .spend, week: 1).allSatisfy { $0 <= 1_000 && abs($0 - Double(cap * n) / 100) < 1e-9 })
    }

    /// A cap over several weeks counts impressions across those weeks.
    @Test func capOverTwoWeeksSpansTheWeeks() throws {
        let n = 200
        var b = Self.boost(perWeek: 500, cap: 1, weeks: 1...4)
        b.capWeeks = 2
        let s = Self.boosted(audience: n, boost: b, weeks: 4, replicates: 2)
        for week in 0..<4 {
            // Weeks 1 and 3 open a period and exhaust it; weeks 2 and 4 find everyone capped.
            let expected = week % 2 == 0 ? Double(n) : 0
            #expect(try TestScenarios.metric(s, .impressionsPaid, week: week).allSatisfy { $0 == expected })
        }
    }

    @Test func audienceFilterKeepsToNonFollowers() throws {
        let n = 1_000, f = 400
        let s = Self.boosted(audience: n, followers: f, boost: Self.boost(perWeek: 1_000, cap: 1, audience: .nonFollowers),
                             replicates: 3)
        #expect(try TestScenarios.metric(s, .impressionsPaid).allSatisfy { $0 == Double(n - f) })
        let onlyFollowers = Self.boosted(audience: n, followers: f, boost: Self.boost(perWeek: 1_000, cap: 1, audience: .followers),
                                         replicates: 3)
        #expect(try TestScenarios.metric(onlyFollowers, .impressionsPaid).allSatisfy { $0 == Double(f) })
    }

    /// A small but complete museum: presets with shares, discovery, follows and churn.
    static func museumYAML(boost: String) -> String {
        """
        name: boost-test
        horizon_weeks: 6
        replicates: 6
        seed: 7
        team: {hours_per_week: 8}
        audience:
          size: 6000
          segments:
            - {name: young, age: 18-24, share: 0.4}
            - {name: older, age: 55+, locality: national, share: 0.6, affinity: 1.3}
        platforms:
          facebook:
            followers: 1200
            graph: {generator: chung_lu, mean_degree: 8}
            plan: {posts_per_week: {image: 3}}
        \(boost)
          instagram:
            followers: 800
            graph: {generator: chung_lu, mean_degree: 8}
            plan: {posts_per_week: {image: 2, short_video: 1}}
        """
    }

    static func weeklyBytes(_ yaml: String) throws -> [UInt8] {
        let scenario = try ScenarioLoader.parse(yaml, file: "boost-test.yaml")
        let result = Simulation.run(try World.build(scenario), replicates: scenario.replicates, threads: 2)
        return WeeklyTable.render(result, scenario: scenario) + SummaryTable.render(result, scenario: scenario)
    }

    @Test func zeroBudgetIsByteIdenticalToNoBoost() throws {
        let none = try Self.weeklyBytes(Self.museumYAML(boost: ""))
        let zero = try Self.weeklyBytes(Self.museumYAML(boost: """
                boost: {budget_per_month: 0, target: {audience: non_followers}, cpm: {low: 6, high: 14}}
            """))
        #expect(none == zero)
        let paid = try Self.weeklyBytes(Self.museumYAML(boost: "    boost: {budget_per_month: 100}"))
        #expect(none != paid)
    }

    /// With follows and shares off, a boost cannot change the organic path, and a larger budget
    /// walks a longer prefix of the same candidate sequence: every replicate's reach (weekly and
    /// cumulative) is non-decreasing in the budget, exactly.
    @Test func reachIsNonDecreasingInBudgetInEveryReplicate() throws {
        let budgets = [0.0, 5, 10, 20, 40, 80, 160]
        let engagement = EngagementRates(like: FormatTable { _ in 0.05 }, comment: FormatTable { _ in 0.01 },
                                         share: FormatTable { _ in 0 }, follow: 0)
        var previous: [[Double]]? = nil
        for b in budgets {
            let s = Self.boosted(audience: 3_000, followers: 1_000, postsPerWeek: 3,
                                 boost: b > 0 ? Self.boost(perWeek: b, cap: 1, weeks: 1...4) : nil,
                                 engagement: engagement, weeks: 4, replicates: 40)
            var current: [[Double]] = []
            for w in 0..<4 {
                current.append(try TestScenarios.metric(s, .reach, week: w))
                current.append(try TestScenarios.metric(s, .reachCumulative, week: w))
            }
            if let previous {
                for (now, before) in zip(current, previous) {
                    #expect(zip(now, before).allSatisfy { $0 >= $1 }, "budget \(b)")
                }
            }
            previous = current
        }
    }

    /// With follows, shares and cascades on, reach under common random numbers still grows with
    /// the budget: the mean paired difference is above −4 standard errors (and clearly positive).
    @Test func reachGrowsWithBudgetInMeanWithCascades() throws {
        let engagement = EngagementRates(like: FormatTable { _ in 0.05 }, comment: FormatTable { _ in 0.01 },
                                         share: FormatTable { _ in 0.05 }, follow: 0.05)
        func reach(_ b: Double) throws -> [Double] {
            let s = Self.boosted(audience: 3_000, followers: 800, postsPerWeek: 3,
                                 boost: b > 0 ? Self.boost(perWeek: b, cap: 1, weeks: 1...4, multiplier: 1) : nil,
                                 engagement: engagement, graph: .chungLu(meanDegree: 10, exponent: 2.5, homophily: 0),
                                 weeks: 4, replicates: 100)
            return try TestScenarios.metric(s, .reachCumulative, week: 3)
        }
        var last = try reach(0)
        for b in [10.0, 20, 40] {
            let now = try reach(b)
            let d = zip(now, last).map { $0 - $1 }
            let m = TestScenarios.mean(d)
            let sd = (d.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(d.count - 1)).squareRoot()
            #expect(m > -4 * sd / Double(d.count).squareRoot(), "budget \(b)")
            #expect(m > 0, "budget \(b)")
            last = now
        }
    }

    /// Spend never exceeds the week's budget, whatever the CPM drawn, the scale or saturation.
    @Test(arguments: [(1, 7.0), (1, 1_000.0), (25, 7.0), (25, 333.0)])
    func spendNeverExceedsTheBudget(scale: Int, perWeek: Double) throws {
        var b = Self.boost(perWeek: perWeek, cap: 2, weeks: 1...3)
        (b.cpmLow, b.cpmHigh) = (6, 14)
        var s = Self.boosted(audience: 1_500, boost: b, weeks: 3, replicates: 30)
        s.audience.scale = scale
        for w in 0..<3 {
            let spend = try TestScenarios.metric(s, .spend, week: w)
            #expect(spend.allSatisfy { $0 <= perWeek && $0 >= 0 })
        }
        #expect(PaidPool.impressions(budget: 0.1, cpm: 10, scale: 1) == 10)
        for budget in stride(from: 0.0, through: 50, by: 0.37) {
            for cpm in [6.0, 7.3, 9.99, 13.7] {
                let i = PaidPool.impressions(budget: budget, cpm: cpm, scale: 3)
                #expect(Double(i) * PaidPool.price(cpm: cpm, scale: 3) <= budget)
                #expect(Double(i + 1) * PaidPool.price(cpm: cpm, scale: 3) > budget)
            }
        }
    }

    /// The CPM of a replicate is lognormal with 5% and 95% quantiles at low and high: the
    /// share of replicates below `low` is 5% within 4 binomial standard errors.
    @Test func cpmDrawsMatchTheirQuantiles() throws {
        let s = Self.boosted(audience: 100, boost: Self.boost(perWeek: 10, cap: 1), replicates: 1)
        var b = s
        b.platforms[0].boost!.cpmLow = 6
        b.platforms[0].boost!.cpmHigh = 14
        let world = try World.build(b)
        let delivery = PaidDelivery(agentCount: 100, platforms: 1)
        let r = 4_000
        var below = 0, above = 0, logs = 0.0
        for i in 0..<r {
            delivery.startReplicate(i, seed: 3, pools: world.paidPools)
            if delivery.cpm[0] < 6 { below += 1 }
            if delivery.cpm[0] > 14 { above += 1 }
            logs += log(delivery.cpm[0])
        }
        let se = (0.05 * 0.95 / Double(r)).squareRoot()
        #expect(abs(Double(below) / Double(r) - 0.05) < 4 * se)
        #expect(abs(Double(above) / Double(r) - 0.05) < 4 * se)
        let sigma = log(14.0 / 6) / (2 * 1.6448536269514722)
        #expect(abs(logs / Double(r) - log(84.0) / 2) < 4 * sigma / Double(r).squareRoot())
    }

    /// Engagement objective: delivery favours high-affinity segments in proportion to
    /// size × affinity.
    @Test func engagementObjectiveWeightsByAffinity() throws {
        var platform = TestScenarios.platform(followers: 0, postsPerWeek: 0, feed: TestScenarios.flatRanked(visibility: 0))
        platform.boost = BoostSpec(budget: .perWeek(20), startWeek: 1, endWeek: 1, objective: .engagement, segments: [0, 1],
                                   capImpressions: nil, cpmLow: 10, cpmHigh: 10)
        let segments = [
            SegmentSpec(name: "low", age: .age25to34, locality: .local, share: 0.5, affinity: 1, sessionsPerDay: 5, platformUse: [1]),
            SegmentSpec(name: "high", age: .age25to34, locality: .local, share: 0.5, affinity: 3, sessionsPerDay: 5, platformUse: [1]),
        ]
        let s = Scenario(name: "t", institution: "t", horizonWeeks: 1, replicates: 200, seed: 5,
                         audience: AudienceSpec(size: 2_000, scale: 1, segments: segments, platformUseCorrelation: 0),
                         team: TeamSpec(people: 1, hoursPerWeek: 10), platforms: [platform])
        let result = Simulation.run(try World.build(s), replicates: s.replicates, threads: 2)
        let high = (0..<s.replicates).map { result.value(replicate: $0, week: 0, platform: 0, segment: 1, metric: .impressionsPaid) }
        // 2,000 impressions, each in the high segment with probability 3/4: binomial.
        let p = 0.75, i = 2_000.0
        #expect(abs(TestScenarios.mean(high) - i * p) < 4 * (i * p * (1 - p) / Double(s.replicates)).squareRoot())
    }
}
