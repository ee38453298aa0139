import Foundation
import Testing
@testable import ReachSim

/// Every file in scenarios/ validates and runs end to end (with few replicates); the Louvre-size
/// scenario (12 million agents, a performance benchmark) runs at 1% of its size.
@Suite struct ShippedScenarioTests {
    static let large = "large-institution.yaml"

    static var files: [String] {
        let dir = TestScenarios.packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && $0 != large }.sorted().map { dir.appendingPathComponent($0).path }
    }

    /// The large institution at 1% of its audience and followers, 4 weeks: its 13 accounts on 6
    /// platforms load, build and simulate, and `accounts.csv` has a row per account and week.
    @Test func largeInstitutionRunsAtOnePercent() throws {
        var s = try ScenarioLoader.load(path: TestScenarios.packageRoot.appendingPathComponent("scenarios/\(Self.large)").path)
        #expect(s.platforms.count == 6 && s.platforms.reduce(0) { $0 + $1.accounts.count } == 13)
        #expect(s.platforms.flatMap(\.accounts).reduce(0) { $0 + $1.followers } == 8_700_000)
        s.audience.size /= 100
        for p in s.platforms.indices {
            for a in s.platforms[p].accounts.indices { s.platforms[p].accounts[a].followers /= 100 }
        }
        s.horizonWeeks = 4
        let world = try World.build(s)
        let result = Simulation.run(world, replicates: 1, threads: 2)
        let rows = String(decoding: AccountTable.render(result, scenario: s), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 1 + 4 * 13)
        // Its weekly table obeys the laws between columns (WeeklyInvariants).
        let weekly = String(decoding: WeeklyTable.render(result, scenario: s), as: UTF8.self)
        let problems = WeeklyInvariants.violations(csv: weekly, people: WeeklyInvariants.people(s))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let reach = result.value(replicate: 0, week: 3, platform: result.layout.allPlatforms,
                                 segment: result.layout.allSegments, metric: .reachCumulative)
        #expect(reach > 0 && reach <= WeeklyInvariants.people(s))
    }

    @Test func thereAreScenarios() {
        #expect(Self.files.contains { $0.hasSuffix("museum-baseline.yaml") })
    }

    /// Runs the scenario with the command, as a user would, and checks the columns of
    /// `weekly.csv` against each other (`WeeklyInvariants`: reach within views, cumulative reach
    /// non-decreasing and within the audience, `all` rows between their parts and their sum,
    /// followers carried from week to week).
    @Test(arguments: files)
    func runsEndToEnd(_ path: String) throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["run", path, "--replicates", "2", "--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("all"))
        for name in ["weekly.csv", "summary.csv", "accounts.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
        }
        let manifest = try Manifest.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("manifest.json"))))
        #expect(manifest.replicates == 2)
        let s = try ScenarioLoader.load(path: path)
        let joining = Set(s.timeline.compactMap { e -> String? in
            if case .join(let ref) = e.kind { return s.platforms[ref.platform].name }
            return nil
        })
        let weekly = try String(contentsOf: dir.appendingPathComponent("weekly.csv"), encoding: .utf8)
        let problems = WeeklyInvariants.violations(csv: weekly, people: WeeklyInvariants.people(s), joining: joining)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // Every replicate, week and platform row of weekly.csv is there: 2 × weeks × (platforms + 1)
        // × (segments, `outside` when the audience is open, + 1) rows and the header.
        let rows = weekly.split(separator: "\n").count - 1
        #expect(rows == 2 * s.horizonWeeks * (s.platforms.count + 1) * (s.audience.resultSegments.count + 1))
    }
}
