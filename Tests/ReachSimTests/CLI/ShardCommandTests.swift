import Foundation
import Testing
@testable import ReachSim

/// `--shard`, `merge` and `slurm` through the real command, as a cluster job would run them.
@Suite struct ShardCommandTests {
    static let set = "platforms.facebook.boost.budget_per_week=0:20:10"

    /// Three shards of a sweep, merged, against the same sweep on one machine: the same bytes, and
    /// the same manifest but the wall time.
    @Test func shardedSweepMergesToTheLocalBytes() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("s.yaml", PaidBoostTests.museumYAML(boost: "    boost: {budget_per_week: 0, cpm: 10}"))
        let base = ["sweep", scenario, "--set", Self.set, "--replicates", "3", "--threads", "2"]
        let merged = w.path("merged"), local = w.path("local")
        let single = try CommandRunner.run(base + ["--out", merged, "--quiet"])
        #expect(single.status == 0, "\(single.stderr)")
        try FileManager.default.moveItem(atPath: merged, toPath: local)
        var shards: [String] = []
        for k in 0..<3 {
            let dir = w.path("shards/\(k)")
            let r = try CommandRunner.run(base + ["--out", dir, "--quiet", "--shard", "\(k)/3"])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(dir)
        }
        let merge = try CommandRunner.run(["merge"] + shards + ["--out", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("Merged 3 shards"))
        for name in ["sweep.csv", "saturation.csv"] {
            #expect(try w.bytes(local, name) == w.bytes(merged, name), "\(name)")
        }
        #expect(try w.manifest(local) == w.manifest(merged))
    }

    @Test func mergeNamesTheMissingShardAndExits65() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        for k in [0, 2] {
            let r = try CommandRunner.run(["run", scenario, "--replicates", "3", "--shard", "\(k)/3", "--out", w.path("s\(k)")])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let merge = try CommandRunner.run(["merge", w.path("s0"), w.path("s2"), "--out", w.path("merged")])
        #expect(merge.status == 65)
        #expect(merge.stderr == "error: shard 1 of 3 is missing (shards are numbered 0 to 2; 2 given)\n")
        #expect(!FileManager.default.fileExists(atPath: w.path("merged") + "/manifest.json"))
    }

    @Test(arguments: ["3/3", "x", "1/0"])
    func badShardIsAUsageError(_ shard: String) throws {
        let r = try CommandRunner.run(["run", "scenario.yaml", "--shard", shard])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--shard"), "\(r.stderr)")
    }

    /// The job array runs shard $SLURM_ARRAY_TASK_ID of N with --resume; the merge waits for
    /// every shard (afterok) and merges them all.
    @Test func slurmWritesAnArrayAndADependentMerge() throws {
        let w = ShardMergeTests.Workspace()
        _ = try w.file("s.yaml", PaidBoostTests.museumYAML(boost: "    boost: {budget_per_week: 0, cpm: 10}"))
        let r = try CommandRunner.run(["slurm", "s.yaml", "--shards", "4", "--max-running", "2", "--set", Self.set,
                                       "--replicates", "5", "--out", "out/sweep", "--partition", "short", "--time", "0:30:00",
                                       "--mem", "2G"], in: w.dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("4 shards of 3 variants × 5 replicates"))
        #expect(r.stdout.contains("sbatch --dependency=afterok:JOB out/sweep/slurm/merge.sbatch"))
        let dir = w.path("out/sweep/slurm")
        let shards = try String(contentsOfFile: dir + "/shards.sbatch", encoding: .utf8)
        let cwd = w.dir.resolvingSymlinksInPath().path
        for line in ["#SBATCH --array=0-3%2", "#SBATCH --partition=short", "#SBATCH --time=0:30:00", "#SBATCH --mem=2G",
                     "#SBATCH --cpus-per-task=1", "#SBATCH --output=\(cwd)/out/sweep/slurm/shard-%a.log",
                     "sweep s.yaml --set \(Self.set) --replicates 5 --threads 1 --shard \"$SLURM_ARRAY_TASK_ID/4\" --out out/sweep/shards/\"$SLURM_ARRAY_TASK_ID\" --resume"] {
            #expect(shards.contains(line), "missing \(line) in\n\(shards)")
        }
        let merge = try String(contentsOfFile: dir + "/merge.sbatch", encoding: .utf8)
        #expect(merge.contains(" merge out/sweep/shards/{0..3} --out out/sweep\n"), "\(merge)")
        let submit = try String(contentsOfFile: dir + "/submit.sh", encoding: .utf8)
        #expect(submit.contains("--dependency=afterok:\"$array\""))
        // More shards than replicates is refused before anything is written.
        let many = try CommandRunner.run(["slurm", "s.yaml", "--shards", "16", "--set", Self.set, "--replicates", "5",
                                          "--out", "out/many"], in: w.dir)
        #expect(many.status == 64)
        #expect(many.stderr.contains("more than the 15 replicates"))
    }
}
