import Foundation
import Testing
@testable import ReachSim

/// The grouped engine against the exact one, the fast subset of `Benchmarks/engines/` that runs
/// in CI: the same worlds (same seed), 16 replicates of each engine, and the issue's goal for
/// every mean, |grouped − exact| ≤ max(1 % of exact, 3 standard errors of the difference), on
/// every platform and `all` (segment `all`). The full table, spreads included, is
/// docs/engines.md.
@Suite struct GroupedEngineTests {
    static let replicates = 16

    /// Per replicate, one number of a run: a week's value or the sum over weeks.
    struct Measure {
        let name: String
        let value: (Simulation.Result, _ replicate: Int, _ platform: Int) -> Double
    }

    static func measures(weeks: Int, segment: Int) -> [Measure] {
        func last(_ m: Metric) -> Measure {
            Measure(name: "\(m) at the end") { r, i, p in r.value(replicate: i, week: weeks - 1, platform: p, segment: segment, metric: m) }
        }
        func sum(_ m: Metric) -> Measure {
            Measure(name: "\(m) summed") { r, i, p in
                (0..<weeks).reduce(0) { $0 + r.value(replicate: i, week: $1, platform: p, segment: segment, metric: m) }
            }
        }
        return [last(.reachCumulative), sum(.reach), sum(.impressionsOrganic), sum(.impressionsDiscovery), sum(.impressionsPaid), sum(.likes),
                sum(.comments), last(.followers), last(.followersUnique), sum(.followersGained), sum(.followersLost),
                sum(.spend)]
    }

    /// The rows outside the goal, as messages.
    /// - Parameter spends: the scenario boosts, so its spend must not be 0 (else the test tests nothing paid).
    static func misses(_ file: String, weeks: Int, spends: Bool = false) throws -> [String] {
        var s = try ScenarioLoader.load(path: TestScenarios.packageRoot.appendingPathComponent(file).path)
        s.horizonWeeks = weeks
        s.replicates = replicates
        let world = try World.build(s)
        let exact = Simulation.run(world, replicates: replicates, threads: 2, engine: .exact)
        let grouped = Simulation.run(world, replicates: replicates, threads: 2, engine: .grouped)
        let layout = world.layout
        var misses: [String] = []
        if spends {
            let spend = (0..<weeks).reduce(0.0) { $0 + exact.value(replicate: 0, week: $1, platform: layout.platforms, segment: layout.segments, metric: .spend) }
            if spend <= 0 { misses.append("\(file): no spend, nothing paid was compared") }
        }
        for measure in measures(weeks: weeks, segment: layout.segments) {
            for p in 0...layout.platforms {
                let a = (0..<replicates).map { measure.value(exact, $0, p) }
                let b = (0..<replicates).map { measure.value(grouped, $0, p) }
                let (sa, sb) = (Statistics.summarize(a), Statistics.summarize(b))
                let (ma, mb) = (sa.mean, sb.mean)
                if ma == 0 && mb == 0 { continue }
                let se = ((sa.sd * sa.sd + sb.sd * sb.sd) / Double(replicates)).squareRoot()
                let allowed = max(0.01 * abs(ma), 3 * se)
                if abs(mb - ma) > allowed {
                    let platform = p == layout.platforms ? "all" : s.platforms[p].name
                    misses.append("\(file) \(platform) \(measure.name): exact \(ma), grouped \(mb), allowed ±\(allowed)")
                }
            }
        }
        return misses
    }

    /// Ranked feeds with engaged followers and Reels batches, a chronological feed, an outside.
    @Test func theBaselineMuseumMatchesTheExactEngine() throws {
        let misses = try Self.misses("scenarios/museum-baseline.yaml", weeks: 6)
        #expect(misses.isEmpty, "\(misses.joined(separator: "\n"))")
    }

    /// Accounts opening, a migration announced to followers, an account closing, starter packs.
    @Test func leavingXMatchesTheExactEngine() throws {
        let misses = try Self.misses("scenarios/leave-x-for-bluesky-mastodon.yaml", weeks: 11)
        #expect(misses.isEmpty, "\(misses.joined(separator: "\n"))")
    }

    /// Paid boosts (the library's €40 a month on Facebook): the same budget buys the same
    /// impressions at the replicate's CPM.
    @Test func boostsMatchTheExactEngine() throws {
        let misses = try Self.misses("scenarios/questions/library-boost.yaml", weeks: 13, spends: true)
        #expect(misses.isEmpty, "\(misses.joined(separator: "\n"))")
    }

    /// A platform with more accounts than the groups can tell apart is refused, naming it.
    @Test func tooManyAccountsIsAnInputError() throws {
        var s = try ScenarioLoader.load(path: TestScenarios.packageRoot.appendingPathComponent("scenarios/museum-baseline.yaml").path)
        let first = s.platforms[0]
        s.platforms[0].accounts = (0...GroupedAudience.maxAccounts).map { i in
            var account = first.accounts[0]
            account.name = "a\(i)"
            account.followers = 10
            account.overlap = []
            account.amplifies = []
            return account
        }
        let world = try World.build(s)
        #expect(throws: WorldError.self) { try EngineChoice.grouped.resolve(for: world) }
        #expect(try EngineChoice.auto.resolve(for: world) == .exact)
        #expect(GroupedAudience.unsupportedReason(world)?.contains(first.name) == true)
    }

    /// A command's engine is chosen on its first world; an alternative the groups cannot count
    /// is an input error naming it, not a crash.
    @Test func aComparisonWhoseAlternativeHasTooManyAccountsIsRefused() throws {
        let w = ShardMergeTests.Workspace()
        let base = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let accounts = (0...GroupedAudience.maxAccounts).map { "      - {name: a\($0), followers: 20, plan: {posts_per_week: {text: 1}}}" }
        let many = ReproducibilityTests.scenarioText
            .replacingOccurrences(of: "name: repro", with: "name: many-accounts")
            .replacingOccurrences(of: "    followers: 18\n", with: "    accounts:\n" + accounts.joined(separator: "\n") + "\n")
            .replacingOccurrences(of: "    plan: {posts_per_week: {text: 4}}", with: "")
        let alt = try w.file("many.yaml", many)
        var options = SimulationOptions(replicates: 1, threads: 1, outputDirectory: w.path("out"), engine: .grouped)
        options.command = ["reachsim"]
        #expect {
            _ = try ComparePipeline.run(scenarioPaths: [base, alt], options: options)
        } throws: { ($0 as? WorldError)?.description.contains("many-accounts") == true }
    }
}
