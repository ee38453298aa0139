import Foundation
import Testing
@testable import ReachSim
@testable import reachsim

/// `--shard K/N` + `merge` give exactly the bytes of the single-machine run, and shards that do
/// not belong together are refused with a message naming the difference.
@Suite struct ShardMergeTests {
    /// A directory with scenario files, removed at the end.
    final class Workspace {
        let dir = TestScenarios.temporaryDirectory()
        deinit { try? FileManager.default.removeItem(at: dir) }

        func file(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

        func bytes(_ directory: String, _ name: String) throws -> [UInt8] {
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
        }

        /// The manifest without its wall time (the one field a merge cannot reproduce).
        func manifest(_ directory: String) throws -> Manifest {
            var m = try Manifest.decode(try bytes(directory, "manifest.json"))
            m.wallTimeSeconds = 0
            return m
        }
    }

    static func options(_ out: String, replicates: Int? = nil, seed: UInt64? = nil, engine: EngineChoice = .auto) -> SimulationOptions {
        SimulationOptions(replicates: replicates, seed: seed, threads: 2, outputDirectory: out, command: ["reachsim", "x", "--out", out],
                          engine: engine)
    }

    /// Runs shards 0..<n of `prepare` into `name-K`, returning the directories.
    static func shards(_ n: Int, in w: Workspace, name: String = "shard", replicates: Int? = nil, seed: UInt64? = nil,
                       engine: EngineChoice = .auto,
                       prepare: @escaping (SimulationOptions) throws -> any PreparedCommand) throws -> [String] {
        try (0..<n).map { k in
            let out = w.path("\(name)-\(k)")
            var o = options(out, replicates: replicates, seed: seed, engine: engine)
            o.command = ["reachsim", "x", "--shard", "\(k)/\(n)", "--out", out]
            _ = try ShardPipeline.run(shard: try Shard(index: k, count: n), options: o) { try prepare(o) }
            return out
        }
    }

    /// Checks that `merged` has the bytes of `single` for `files`, and the same manifest but the
    /// wall time (the single run's command names the merge's output directory).
    static func expectSameResult(_ w: Workspace, single: String, merged: String, files: [String]) throws {
        for name in files {
            #expect(try w.bytes(single, name) == w.bytes(merged, name), "\(name)")
        }
        #expect(try w.manifest(single) == w.manifest(merged))
    }

    @Test func runShardsMergeToTheSingleRunBytes() throws {
        let w = Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        // 7 replicates in 3 shards: blocks of 2, 2 and 3.
        let dirs = try Self.shards(3, in: w, replicates: 7) {
            try RunPipeline.prepare(scenarioPath: scenario, replicates: $0.replicates, seed: $0.seed)
        }
        let merged = w.path("merged")
        let report = try MergePipeline.run(shardDirectories: dirs.reversed(), outputDirectory: merged)
        guard case .run(let r) = report else { Issue.record("not a run: \(report)"); return }
        #expect(r.result.replicates == 7)
        _ = try RunPipeline.run(scenarioPath: scenario, options: Self.options(merged + "-single", replicates: 7).with(command: ["reachsim", "x", "--out", merged]))
        try Self.expectSameResult(w, single: merged + "-single", merged: merged, files: ["weekly.csv", "summary.csv", "scenario.yaml"])
        let shard = try Manifest.decode(try w.bytes(dirs[1], "manifest.json"))
        #expect(shard.shard?.units == 2..<4)
        #expect(shard.files.map(\.name) == ["replicates.bin"])
    }

    @Test func compareShardsMergeToTheSingleRunBytes() throws {
        let w = Workspace()
        let base = try w.file("1-base.yaml", CompareAndReportTests.base)
        let alt = try w.file("2-alt.yaml", CompareAndReportTests.alt)
        // 2 scenarios × 5 replicates in 4 shards: the second block crosses from base to alt.
        let dirs = try Self.shards(4, in: w, replicates: 5) {
            try ComparePipeline.prepare(scenarioPaths: [base, alt], replicates: $0.replicates, seed: $0.seed, independent: false)
        }
        let merged = w.path("merged")
        _ = try MergePipeline.run(shardDirectories: dirs, outputDirectory: merged)
        _ = try ComparePipeline.run(scenarioPaths: [base, alt],
                                    options: Self.options(merged + "-single", replicates: 5).with(command: ["reachsim", "x", "--out", merged]))
        try Self.expectSameResult(w, single: merged + "-single", merged: merged,
                                  files: ["comparison.csv", "verdict.csv", "summary-base.csv", "summary-alt.csv", "scenario-base.yaml", "scenario-alt.yaml"])
    }

    @Test func sweepShardsMergeToTheSingleRunBytes() throws {
        let w = Workspace()
        let scenario = try w.file("s.yaml", PaidBoostTests.museumYAML(boost: "    boost: {budget_per_week: 0, cpm: 10}"))
        let parameters = [try SweepParameter(parsing: "platforms.facebook.boost.budget_per_week=0:30:10")]
        // 4 variants × 3 replicates in 5 shards of 2 or 3 units, most crossing variants.
        let dirs = try Self.shards(5, in: w, replicates: 3) {
            try SweepPipeline.prepare(scenarioPath: scenario, parameters: parameters, replicates: $0.replicates, seed: $0.seed)
        }
        let merged = w.path("merged")
        _ = try MergePipeline.run(shardDirectories: dirs, outputDirectory: merged)
        _ = try SweepPipeline.run(scenarioPath: scenario, parameters: parameters,
                                  options: Self.options(merged + "-single", replicates: 3).with(command: ["reachsim", "x", "--out", merged]))
        try Self.expectSameResult(w, single: merged + "-single", merged: merged, files: ["sweep.csv", "saturation.csv"])
    }

    // MARK: Refusals

    struct Refusal: CustomTestStringConvertible, Sendable {
        let label: String
        /// Which shard directories to pass (indices into: the three shards of seed 7, then
        /// extras made by `extra`).
        let pick: [Int]
        let extra: Extra
        let expected: [String]
        var testDescription: String { label }

        enum Extra: Sendable { case none, otherSeed, otherScenario, otherSplit, otherReplicates, otherEngine, plainRun, damaged }
    }

    static let refusals: [Refusal] = [
        Refusal(label: "different seed", pick: [0, 1, 3], extra: .otherSeed, expected: ["not shards of the same work", "seed (", ": 7, ", ": 8)"]),
        Refusal(label: "different scenario", pick: [0, 1, 3], extra: .otherScenario, expected: ["scenario SHA-256 ("]),
        Refusal(label: "different replicates", pick: [0, 1, 3], extra: .otherReplicates, expected: ["replicates (", ": 6, ", ": 9)"]),
        Refusal(label: "different engine", pick: [0, 1, 3], extra: .otherEngine,
                expected: ["shard-0 ran the exact engine and ", "grouped-2 the grouped engine", "never merged", "same --engine"]),
        Refusal(label: "different N", pick: [0, 1, 3], extra: .otherSplit, expected: ["different splits", "shard 0 of 3", "shard 2 of 4"]),
        Refusal(label: "missing shard", pick: [0, 2], extra: .none, expected: ["shard 1 of 3 is missing"]),
        Refusal(label: "shard twice", pick: [0, 1, 1, 2], extra: .none, expected: ["shard 1 of 3 is given twice"]),
        Refusal(label: "not a shard", pick: [0, 1, 3], extra: .plainRun, expected: ["is not a shard"]),
        Refusal(label: "damaged replicates", pick: [0, 1, 3], extra: .damaged, expected: ["replicates.bin is not the file its manifest describes"]),
    ]

    @Test(arguments: refusals)
    func mergeRefusesShardsThatDoNotBelongTogether(_ c: Refusal) throws {
        let w = Workspace()
        let text = ReproducibilityTests.scenarioText
        let scenario = try w.file("repro.yaml", text)
        func run(_ path: String) -> (SimulationOptions) throws -> any PreparedCommand {
            { try RunPipeline.prepare(scenarioPath: path, replicates: $0.replicates, seed: $0.seed) }
        }
        var dirs = try Self.shards(3, in: w, prepare: run(scenario))
        let extra = w.path("extra")
        switch c.extra {
        case .none: break
        case .otherSeed:
            dirs.append(try Self.shards(3, in: w, name: "seed8", seed: 8, prepare: run(scenario))[2])
        case .otherScenario:
            let other = try w.file("other.yaml", text.replacingOccurrences(of: "share: 0.05", with: "share: 0.06"))
            dirs.append(try Self.shards(3, in: w, name: "other", prepare: run(other))[2])
        case .otherReplicates:
            dirs.append(try Self.shards(3, in: w, name: "nine", replicates: 9, prepare: run(scenario))[2])
        case .otherSplit:
            dirs.append(try Self.shards(4, in: w, name: "four", prepare: run(scenario))[2])
        case .otherEngine:
            dirs.append(try Self.shards(3, in: w, name: "grouped", engine: .grouped, prepare: run(scenario))[2])
        case .plainRun:
            _ = try RunPipeline.run(scenarioPath: scenario, options: Self.options(extra))
            dirs.append(extra)
        case .damaged:
            let copy = w.path("damaged")
            try FileManager.default.copyItem(atPath: dirs[2], toPath: copy)
            let file = URL(fileURLWithPath: copy).appendingPathComponent("replicates.bin")
            var bytes = try [UInt8](Data(contentsOf: file))
            bytes[bytes.count - 3] ^= 1
            try Data(bytes).write(to: file)
            dirs.append(copy)
        }
        let out = w.path("merged")
        do {
            _ = try MergePipeline.run(shardDirectories: c.pick.map { dirs[$0] }, outputDirectory: out)
            Issue.record("merged shards that do not belong together")
        } catch let error as MergeError {
            for fragment in c.expected { #expect(error.description.contains(fragment), "\(error)") }
            #expect(reachsim.ExitStatus.of(error) == .badInput)
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))
    }

    /// Shards of the grouped engine merge into a manifest that names it, and what was asked.
    @Test func theMergedManifestNamesTheShardsEngine() throws {
        let w = Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let dirs = try Self.shards(2, in: w, replicates: 2, engine: .grouped) {
            try RunPipeline.prepare(scenarioPath: scenario, replicates: $0.replicates, seed: $0.seed)
        }
        let shard = try Manifest.decode(try w.bytes(dirs[0], "manifest.json"))
        #expect(shard.engine == .grouped && shard.shard?.plan.engine == .grouped)
        _ = try MergePipeline.run(shardDirectories: dirs, outputDirectory: w.path("merged"))
        let merged = try w.manifest(w.path("merged"))
        #expect(merged.engine == .grouped && merged.engineRequested == .grouped)
    }

    /// A scenario edited after the shards ran is noticed, not silently mixed.
    @Test func mergeRefusesAScenarioChangedSinceTheShardsRan() throws {
        let w = Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let dirs = try Self.shards(2, in: w) { try RunPipeline.prepare(scenarioPath: scenario, replicates: $0.replicates, seed: $0.seed) }
        _ = try w.file("repro.yaml", ReproducibilityTests.scenarioText + "\n# edited\n")
        #expect {
            try MergePipeline.run(shardDirectories: dirs, outputDirectory: w.path("merged"))
        } throws: { error in
            "\(error)".contains("have changed since they ran") && "\(error)".contains("scenario SHA-256 (now: ")
        }
    }

    // MARK: Parts

    @Test func shardsCoverEveryUnitOnce() throws {
        for total in [0, 1, 7, 12, 1000] {
            for n in [1, 2, 3, 5, 8] {
                let blocks = try (0..<n).map { try Shard(index: $0, count: n).units(of: total) }
                #expect(blocks.first?.lowerBound == 0 && blocks.last?.upperBound == total)
                for k in 1..<n { #expect(blocks[k - 1].upperBound == blocks[k].lowerBound) }
                #expect(blocks.allSatisfy { $0.count >= total / n && $0.count <= total / n + 1 })
            }
        }
    }

    @Test(arguments: [("1/4", true), ("0/1", true), ("4/4", false), ("-1/4", false), ("1/0", false), ("a/4", false), ("1", false), ("1/4/5", false)])
    func shardParsing(_ text: String, _ valid: Bool) {
        #expect(((try? Shard(parsing: text)) != nil) == valid)
    }

    @Test func singleRunCommandDropsTheShardOptions() {
        #expect(MergePipeline.singleRunCommand(["reachsim", "sweep", "s.yaml", "--shard", "2/4", "--out", "o/shards/2", "--resume"], out: "o")
            == ["reachsim", "sweep", "s.yaml", "--out", "o"])
        #expect(MergePipeline.singleRunCommand(["reachsim", "run", "s.yaml", "--shard=0/2", "--out=x"], out: "o")
            == ["reachsim", "run", "s.yaml", "--out=o"])
        #expect(MergePipeline.singleRunCommand(["reachsim", "run", "s.yaml", "--shard", "0/2"], out: "o")
            == ["reachsim", "run", "s.yaml", "--out", "o"])
    }

    /// NaN (metrics that do not apply) and every other double survive the binary format exactly.
    @Test func replicateRecordsRoundTripExactly() throws {
        let values: [Double] = [0, -0.0, .nan, 1.0 / 3, .greatestFiniteMagnitude, .leastNonzeroMagnitude, -7]
        let bytes = ReplicateRecords.magic + values.withUnsafeBufferPointer { ReplicateRecords.encode(unit: 41, values: $0) }
        var read: [(Int, [Double])] = []
        let valid = try ReplicateRecords.forEach(in: bytes + [1, 2, 3], file: "x") { read.append(($0, $1)) }
        #expect(valid == bytes.count)  // the 3 trailing bytes are a cut-short record
        #expect(read.count == 1 && read[0].0 == 41)
        #expect(read[0].1.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(throws: ReplicateRecordsError.self) { try ReplicateRecords.forEach(in: [1, 2, 3], file: "x") { _, _ in } }
    }
}

extension SimulationOptions {
    func with(command: [String]) -> SimulationOptions {
        var o = self
        o.command = command
        return o
    }
}
