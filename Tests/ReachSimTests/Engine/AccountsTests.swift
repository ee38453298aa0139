import Foundation
import Testing
@testable import ReachSim

/// Several accounts on one platform: overlap, amplification, counting each person once.
@Suite struct AccountsTests {
    typealias T = TestScenarios

    /// One platform with accounts `main` and `dept`; `dept` has `overlap` of its followers among main's.
    func twoAccounts(followers: Int = 1_000, overlap: Double, amplify: Double? = nil, visibility: Double = 0.3,
                     replicates: Int = 200, share: Double = 0) -> Scenario {
        var platform = T.platform(followers: followers, feed: T.flatRanked(visibility: visibility, peer: 0.5),
                                  engagement: T.quietEngagement(share: share),
                                  graph: share > 0 ? .chungLu(meanDegree: 10, exponent: 2.5, homophily: 0) : .none)
        var dept = AccountSpec(name: "dept", followers: followers, plan: platform.accounts[0].plan,
                               overlap: overlap > 0 ? [(account: 0, share: overlap)] : [])
        if let amplify { dept.amplifies = [(account: 0, probability: amplify)] }
        platform.accounts.append(dept)
        return T.scenario(audience: 10_000, platforms: [platform], weeks: 2, replicates: replicates)
    }

    func accountValues(_ r: Simulation.Result, account: Int, week: Int, _ metric: Metric) -> [Double] {
        (0..<r.replicates).map { r.values[$0 * r.layout.perReplicate + r.layout.accountIndex(week: week, account: account, metric: metric)] }
    }

    /// Two accounts with the same followers and no amplification reach the same people in
    /// expectation (paired difference within 4 standard errors).
    @Test func identicalAccountsReachTheSame() throws {
        let s = twoAccounts(overlap: 1)
        let world = try World.build(s)
        #expect(world.accounts[0].initialFollowers == world.accounts[1].initialFollowers)
        let r = Simulation.run(world, replicates: s.replicates, threads: 2)
        let d = zip(accountValues(r, account: 0, week: 0, .reach), accountValues(r, account: 1, week: 0, .reach)).map { $0 - $1 }
        let summary = Statistics.summarize(d)
        #expect(abs(summary.mean) < 4 * summary.sd / Double(d.count).squareRoot())
        #expect(abs(T.mean(accountValues(r, account: 0, week: 0, .reach)) - 300) < 4 * (1000 * 0.3 * 0.7 / 200).squareRoot())
    }

    /// The platform's reach counts a person once across accounts: between the largest account's
    /// reach and their sum, every replicate and week; with identical followers both seeing every
    /// post (visibility 1), exactly the followers, not twice them.
    @Test func unionIsNeverCountedTwice() throws {
        let s = twoAccounts(overlap: 0.5, visibility: 0.4, replicates: 30)
        let r = Simulation.run(try World.build(s), replicates: 30, threads: 2)
        for w in 0..<2 {
            let platform = (0..<30).map { r.value(replicate: $0, week: w, platform: 0, segment: 1, metric: .reach) }
            let a = accountValues(r, account: 0, week: w, .reach), b = accountValues(r, account: 1, week: w, .reach)
            for i in 0..<30 { #expect(platform[i] <= a[i] + b[i] && platform[i] >= max(a[i], b[i])) }
            #expect(zip(platform, zip(a, b)).contains { $0 < $1.0 + $1.1 }, "half the followers are shared")
        }
        let full = twoAccounts(overlap: 1, visibility: 1, replicates: 5)
        let rf = Simulation.run(try World.build(full), replicates: 5, threads: 1)
        #expect((0..<5).allSatisfy { rf.value(replicate: $0, week: 0, platform: 0, segment: 1, metric: .reach) == 1_000 })
        #expect(accountValues(rf, account: 1, week: 0, .reach) == Array(repeating: 1_000, count: 5))
    }

    /// Followers as people (`followers_unique`): with no follows and no churn, exactly the union
    /// of the accounts' initial followers, on the platform (two overlapping accounts) and across
    /// platforms (a third account elsewhere, whose users are the same people); `followers` still
    /// counts a person once per account; per account both are the account's followers.
    @Test func followersAreCountedOncePerPerson() throws {
        var s = twoAccounts(overlap: 0.5, replicates: 4)
        s.platforms.append(T.platform("othernet", followers: 2_000, feed: T.flatRanked(visibility: 0.3)))
        s.audience.segments[0].platformUse = [1, 1]
        let world = try World.build(s)
        let sets = world.accounts.map { Set($0.initialFollowers) }
        let r = Simulation.run(world, replicates: 4, threads: 2)
        let all = r.layout.allSegments
        for replicate in 0..<4 {
            func value(_ p: Int, _ m: Metric) -> Double { r.value(replicate: replicate, week: 1, platform: p, segment: all, metric: m) }
            #expect(value(0, .followersUnique) == Double(sets[0].union(sets[1]).count))
            #expect(value(0, .followersUnique) < value(0, .followers), "half of dept's followers follow main")
            #expect(value(1, .followersUnique) == Double(sets[2].count))
            #expect(value(2, .followersUnique) == Double(sets[0].union(sets[1]).union(sets[2]).count))
            #expect(value(2, .followers) == Double(sets.reduce(0) { $0 + $1.count }))
        }
        for a in 0..<3 {
            #expect(accountValues(r, account: a, week: 1, .followersUnique) == accountValues(r, account: a, week: 1, .followers))
        }
    }

    /// `FollowerPeople` kept as follows happen equals a count of the sets' members from scratch,
    /// after random follows, unfollows and resets on two platforms (two accounts on the first).
    @Test func followerPeopleStayEqualToACountFromScratch() {
        let agents = 500, classes = 2 * ActivityLevels.count, segments = 2
        let people = FollowerPeople(agentCount: agents, accountsPerPlatform: [2, 1], segments: segments)
        let platformOf = [0, 0, 1]
        let classOf = (0..<agents).map { UInt8($0 % classes) }
        let sets = platformOf.map { FollowerSet(agentCount: agents, capacity: Array(repeating: agents, count: classes),
                                                platform: $0, people: people) }
        let rng = RandomStream(seed: 5, purpose: .replicate)
        for step in 0..<4_000 {
            let a = rng.below(3), v = rng.below(agents), c = Int(classOf[v])
            if step % 1_000 == 999 {
                classOf.withUnsafeBufferPointer { sets[a].reset(to: (0..<UInt32(50)).map { $0 * 3 }, classOf: $0.baseAddress!) }
            } else if sets[a].contains(v) {
                sets[a].remove(agent: v, cls: c)
            } else {
                sets[a].insert(v, cls: c)
            }
        }
        for s in 0..<segments {
            let mine = (0..<agents).filter { Int(classOf[$0]) / ActivityLevels.count == s }
            #expect(people.people(platform: 0, segment: s) == mine.filter { sets[0].contains($0) || sets[1].contains($0) }.count)
            #expect(people.people(platform: 1, segment: s) == mine.filter { sets[2].contains($0) }.count)
            #expect(people.people(segment: s) == mine.filter { v in sets.contains { $0.contains(v) } }.count)
        }
    }

    /// Amplification with probability 0 is no amplification, byte for byte; with probability 1
    /// the department's followers see main's posts too.
    @Test func amplificationZeroIsNone() throws {
        let none = twoAccounts(overlap: 0.2, share: 0.05)
        let zero = twoAccounts(overlap: 0.2, amplify: 0, share: 0.05)
        let one = twoAccounts(overlap: 0.2, amplify: 1, share: 0.05)
        func bytes(_ s: Scenario) throws -> ([UInt8], Simulation.Result) {
            let r = Simulation.run(try World.build(s), replicates: 20, threads: 2)
            return (WeeklyTable.render(r, scenario: s) + AccountTable.render(r, scenario: s), r)
        }
        let (a, r0) = try bytes(none), (b, _) = try bytes(zero), (_, r1) = try bytes(one)
        #expect(a == b)
        let before = T.mean(accountValues(r0, account: 0, week: 0, .reach))
        let after = T.mean(accountValues(r1, account: 0, week: 0, .reach))
        // Dept's 800 own followers see main's post with visibility 0.3: about 240 more people.
        #expect(after - before > 150)
        #expect(T.mean(accountValues(r1, account: 0, week: 0, .impressionsShares))
                > T.mean(accountValues(r0, account: 0, week: 0, .impressionsShares)) + 150)
    }

    /// `accounts.csv`: one row per replicate × week × account with the metric columns.
    @Test func accountTableRows() throws {
        let s = twoAccounts(overlap: 0.5, replicates: 3)
        let r = Simulation.run(try World.build(s), replicates: 3, threads: 1)
        let text = String(decoding: AccountTable.render(r, scenario: s), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + 3 * 2 * 2)
        #expect(lines[0] == Substring((AccountTable.header).joined(separator: ",")))
        #expect(lines[2].hasPrefix("test,1,1,testnet,dept,"))
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 5 + Metric.allCases.count })
    }
}
