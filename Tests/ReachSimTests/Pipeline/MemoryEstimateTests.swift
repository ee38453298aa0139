import Foundation
import Testing
@testable import ReachSim
@testable import reachsim

/// The resource guard: a run too large for the memory is refused before anything is allocated or
/// written, with the estimate and the limit in the message.
@Suite struct MemoryEstimateTests {
    static let sizes: [(String, Double)] = [
        ("8G", 8 * 1_073_741_824), ("500M", 500 * 1_048_576), ("1.5GiB", 1.5 * 1_073_741_824),
        ("64k", 65_536), ("1048576", 1_048_576), ("2TB", 2 * 1_099_511_627_776), (" 3g ", 3 * 1_073_741_824),
    ]

    @Test(arguments: sizes)
    func sizesAsPeopleWriteThem(_ text: String, _ bytes: Double) {
        #expect(MemoryLimit.parse(text) == bytes)
    }

    @Test(arguments: ["", "0", "-1G", "8X", "G", "1e9", "inf", "nan", "1.2.3M"])
    func nonsenseSizesAreRefused(_ text: String) {
        #expect(MemoryLimit.parse(text) == nil)
    }

    @Test func formatsInBinaryUnits() {
        #expect(MemoryLimit.format(512) == "512 bytes")
        #expect(MemoryLimit.format(500 * 1_048_576) == "500 MiB")
        #expect(MemoryLimit.format(1.5 * 1_073_741_824) == "1.5 GiB")
        #expect(MemoryLimit.format(12.34 * 1_073_741_824) == "12.3 GiB")
    }

    /// What the machine may use, read here from the kernel's own reports: `MemTotal` of
    /// /proc/meminfo (the physical memory the kernel manages, which is what
    /// sysconf(_SC_PHYS_PAGES) counts), or the cgroup's limit when one is set and lower.
    @Test func theMachineHasMemory() throws {
        let machine = try #require(MemoryLimit.machine())
        let meminfo = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        let line = try #require(meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") })
        let kib = try #require(Double(line.split(separator: " ")[1]))
        var expected = (kib * 1024, "of physical memory on this machine")
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
               let limit = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), limit < expected.0 {
                expected = (limit, "that this container may use (\(path))")
            }
        }
        #expect(abs(machine.bytes - expected.0) < 4096, "\(machine.bytes) against \(expected.0)")
        #expect(machine.source == expected.1)
    }

    /// A scenario of 2 platforms with 6 accounts, whose per-account block (52 weeks × 6 accounts ×
    /// 17 metrics a replicate) is as large as the platforms' (52 weeks × 3 platform slots × 2
    /// segment slots × 17).
    static func severalAccounts(replicates: Int = 50) throws -> Scenario {
        var s = try ScenarioLoader.parse("""
            name: accounts
            horizon_weeks: 52
            replicates: \(replicates)
            team: {hours_per_week: 20}
            audience:
              size: 3000
              outside: none  # one segment slot: the accounts' weeks are then half of the results
              segments: [{name: everyone, age: 25-34, share: 1}]
            platforms:
              instagram:
                accounts:
                  - {name: main, followers: 300, plan: {posts_per_week: {image: 1}}}
                  - {name: education, followers: 100, plan: {posts_per_week: {image: 1}}}
                  - {name: events, followers: 100, plan: {posts_per_week: {image: 1}}}
              facebook:
                accounts:
                  - {name: main, followers: 300, plan: {posts_per_week: {image: 1}}}
                  - {name: shop, followers: 100, plan: {posts_per_week: {image: 1}}}
                  - {name: curator, followers: 100, plan: {posts_per_week: {image: 1}}}
            """, file: "accounts.yaml")
        s.replicates = replicates
        return s
    }

    /// The results block against what the pipeline allocates: `ReplicateResults` prepared for a
    /// run (one simulation) and for a comparison of two scenarios, its buffers measured in bytes
    /// (capacity × 8; the allocator adds at most a page to each). The estimate must be that,
    /// within 4 KiB a simulation — not the estimator's own formula, and with the accounts' weeks.
    @Test func resultsAreWhatThePipelineAllocates() throws {
        let s = try Self.severalAccounts()
        #expect(s.platforms.reduce(0) { $0 + $1.accounts.count } == 6)
        func allocated(_ plan: ReplicatePlan) -> Double {
            let results = ReplicateResults(plan: plan)
            for i in plan.scenarios.indices { results.prepare(i) }
            return results.values.reduce(0) { $0 + Double($1.capacity * MemoryLayout<Double>.stride) }
        }
        let identity = PlanIdentity(command: .run, scenarioPaths: ["accounts.yaml"], scenarioBytes: [[]],
                                    seed: s.seed, replicates: s.replicates, scenarios: [s])
        let run = allocated(ReplicatePlan(identity: identity, scenarios: [s]))
        #expect(abs(MemoryEstimate.run(s, threads: 2).results - run) <= 4096, "estimate against \(run) bytes allocated")
        var other = s
        other.horizonWeeks = 26
        let both = PlanIdentity(command: .compare, scenarioPaths: ["accounts.yaml", "other.yaml"], scenarioBytes: [[], []],
                                seed: s.seed, replicates: s.replicates, scenarios: [s, other])
        let pair = allocated(ReplicatePlan(identity: both, scenarios: [s, other]))
        #expect(abs(MemoryEstimate.compare([s, other], threads: 2).results - pair) <= 2 * 4096)
        // The accounts' weeks are half of it here: leaving them out would be 50% short.
        let platformsOnly = Double(s.replicates * 52 * MetricLayout(weeks: 52, platforms: 2, segments: 1).perWeek * 8)
        #expect(abs(run - 2 * platformsOnly) <= 4096)
    }

    /// Results are exactly replicates × layout × 8 bytes; buffers scale with threads (up to the
    /// replicates), the world with agents and edges.
    @Test func estimateFollowsTheDataStructures() {
        let platform = TestScenarios.platform(followers: 100, feed: TestScenarios.flatRanked(visibility: 0.1),
                                              graph: .chungLu(meanDegree: 10, exponent: 2.5, homophily: 0))
        let small = TestScenarios.scenario(audience: 10_000, platforms: [platform], weeks: 52, replicates: 100)
        let e = MemoryEstimate.run(small, threads: 2)
        #expect(e.results == 100 * Double(MetricLayout(small).perReplicate) * 8)
        #expect(MemoryEstimate.run(small, threads: 4).workers == 2 * e.workers)
        var few = small
        few.replicates = 1
        #expect(MemoryEstimate.run(few, threads: 4).workers == e.workers / 2)
        var big = small
        big.audience.size = 1_000_000
        let b = MemoryEstimate.run(big, threads: 2)
        // 10 edges a user, 4 bytes each once built, 12 while building: at least 120 bytes a user.
        #expect(b.world > 120 * 1_000_000)
        #expect(b.world < 300 * 1_000_000)
        #expect(b.total > e.total)
    }

    /// The phases: thread buffers are allocated after the world's build temporaries are freed, and
    /// a new run's results only once its world is built (a resumed run reads them first).
    @Test func phasesDoNotAddUp() {
        let platform = TestScenarios.platform(followers: 100, feed: TestScenarios.flatRanked(visibility: 0.1),
                                              graph: .chungLu(meanDegree: 50, exponent: 2.5, homophily: 0))
        let s = TestScenarios.scenario(audience: 1_000_000, platforms: [platform], weeks: 52, replicates: 100)
        let e = MemoryEstimate.run(s, threads: 2)
        // 50 edges a user: 4 bytes each kept, 16 while built (edge arrays, CSR, copy without duplicates).
        #expect(e.worldKept >= 200 * 1_000_000 && e.world >= 800 * 1_000_000)
        #expect(e.world > e.worldKept + e.workers, "the build is the peak phase here")
        let building = (MemoryEstimate.base + e.world) * (1 + MemoryEstimate.slack)
        #expect(abs(e.total - building) < 1, "neither the threads' buffers nor the results add to the build")
        let resumed = MemoryEstimate.run(s, threads: 2, resuming: true)
        #expect(abs(resumed.total - e.total - e.results * (1 + MemoryEstimate.slack)) < 1)
    }

    @Test func refusesAboveTheLimitOrTheMachine() throws {
        let platform = TestScenarios.platform(followers: 100, feed: TestScenarios.flatRanked(visibility: 0.1))
        let s = TestScenarios.scenario(audience: 1_000_000, platforms: [platform], weeks: 52, replicates: 10)
        let e = MemoryEstimate.run(s, threads: 1)
        try e.check(limit: nil, threads: 1, machine: (1e12, "of physical memory on this machine"))
        try e.check(limit: e.total * 1.01, threads: 1, machine: nil)
        let byOption = #expect(throws: ResourceError.self) { try e.check(limit: 1_048_576, threads: 1, machine: nil) }
        #expect(byOption?.description.contains("more than the 1 MiB allowed by --max-memory") == true)
        #expect(byOption?.description.contains("the run needs about \(MemoryLimit.format(e.total))") == true)
        // The lower of the two limits is the one named.
        let byMachine = #expect(throws: ResourceError.self) {
            try e.check(limit: 1e12, threads: 1, machine: (2_097_152, "of physical memory on this machine"))
        }
        #expect(byMachine?.description.contains("more than the 2 MiB of physical memory on this machine") == true)
        #expect(reachsim.ExitStatus.of(byMachine!) == .badInput)
    }

    static func write(_ yaml: String, in dir: URL) throws {
        try yaml.write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
    }

    /// 50 million agents with 10,000 follow edges each: refused at once against the machine's
    /// memory, nothing written, no attempt to allocate. "No attempt" is measured, not timed: the
    /// command's peak resident memory is that of the same command refusing a 2,000-person
    /// scenario by `--max-memory`, within 16 MiB, while the audience's class array alone (one
    /// byte an agent, written for every agent) would add 48 MiB.
    @Test func hugeAudienceIsRefusedBeforeAllocating() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(BadInputTests.scenario([("size: 2000", "size: 50_000_000")],
                                              graph: "{generator: chung_lu, mean_degree: 10000}"), in: dir)
        try BadInputTests.scenario([], graph: "{generator: chung_lu, mean_degree: 10000}")
            .write(to: dir.appendingPathComponent("small.yaml"), atomically: true, encoding: .utf8)
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let (result, peak) = try CommandRunner.runMeasuringPeak(["run", path("s.yaml"), "--out", path("out")])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("error: the run needs about"))
        #expect(result.stderr.contains("TiB") || result.stderr.contains("PiB"), "\(result.stderr)")
        #expect(result.stderr.contains("of physical memory on this machine") || result.stderr.contains("container"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        let (small, reference) = try CommandRunner.runMeasuringPeak(["run", path("small.yaml"), "--max-memory", "1k", "--out", path("out")])
        #expect(small.status == 65, "\(small.stderr)")
        #expect(peak < reference + 16 * 1_048_576, "peak \(MemoryLimit.format(peak)) against \(MemoryLimit.format(reference))")
        #expect(peak > 0 && reference > 0)
    }

    /// `--max-memory` on run, compare and sweep.
    @Test(arguments: [["run", "s.yaml"], ["compare", "s.yaml", "t.yaml"],
                      ["sweep", "s.yaml", "--set", "platforms.facebook.followers=100,200"]])
    func maxMemoryOptionIsHonoured(_ command: [String]) throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(BadInputTests.scenario([("size: 2000", "size: 1000000")]), in: dir)
        try BadInputTests.scenario([("size: 2000", "size: 1000000"), ("name: bad-input-test", "name: other")])
            .write(to: dir.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(command + ["--max-memory", "20M", "--out", "out"], in: dir)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("more than the 20 MiB allowed by --max-memory"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func badMaxMemoryIsAUsageError() throws {
        let result = try CommandRunner.run(["run", "s.yaml", "--max-memory", "lots"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-memory must be a size such as 8G"))
    }
}
