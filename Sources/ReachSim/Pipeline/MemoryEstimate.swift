import Foundation

/// How much memory a run will need, estimated from the scenario before anything is allocated, so
/// that a scenario too large for the machine (or for `--max-memory`) is refused at once with the
/// numbers, rather than swapping for an hour or being killed halfway.
///
/// The figures follow the data structures and count the memory they write (pages allocated but
/// never touched are not resident): per agent, the audience's class, platform mask and active
/// mask, and each thread's records, masks and follower positions; per follow edge, 4 bytes in the
/// CSR graph, and while a graph is built also its edge arrays, the CSR being filled and its
/// deduplicated copy; per replicate, `MetricLayout.perReplicate` doubles (the accounts' weeks
/// included); per thread, `MetricLayout.workerValues` doubles; per CSV row about 100
/// bytes of text. Edges are expected values (generator parameters × users); an edge list counts
/// one edge per 8 bytes of file. Measured peak RSS was within 5% of the estimate, below it but
/// for one row 0.8% above (docs/performance.md, Memory; Benchmarks/memory/measure.sh).
public struct MemoryEstimate: Sendable, Equatable {
    /// Audience and follower graphs, at their peak while the graphs are built (bytes).
    public var world: Double
    /// Audience and finished graphs, what the replicates read (bytes, at most `world`).
    public var worldKept: Double
    /// Per-thread replicate buffers, times the threads used (bytes).
    public var workers: Double
    /// Replicate results kept for the summaries (bytes).
    public var results: Double
    /// Results already in memory while a world is built (bytes): none for a new run, whose
    /// results are allocated once its world is built; those read back from the checkpoint when
    /// resuming; the earlier scenarios' for compare and sweep (counted as all of them).
    public var resultsWhileBuilding: Double
    /// CSV text assembled before it is written (bytes).
    public var output: Double
    /// What the world and the threads' buffers leave resident once released (bytes): the blocks
    /// below glibc's mmap threshold went to the heap, which keeps them for reuse.
    public var residue: Double = 0
    /// The program itself: code, runtime, small tables (bytes; `reachsim validate` alone is
    /// 28 MiB in a debug build, a run touches more code and starts threads).
    public static let base: Double = 32 * 1_048_576
    /// What the allocator holds beyond the live data and `world`'s model of the heap: holes that
    /// a block does not fit. Measured at 1-3.5 % of the peak (docs/performance.md); counted as 3 %.
    public static let slack = 0.03

    /// The peak, the largest of three phases: building the world (no thread buffers yet), the
    /// replicates (the finished world, every thread's buffers and the results) and writing the
    /// CSV files (world and buffers released, but for their `residue`; results kept).
    public var total: Double {
        let phase = max(world + resultsWhileBuilding, worldKept + workers + results, output + residue + results)
        return (Self.base + phase) * (1 + Self.slack)
    }

    /// `reachsim run`: one world, its replicates, and `weekly.csv`, `summary.csv` and `accounts.csv`.
    ///
    /// - Parameter resuming: the run continues from a checkpoint, whose results are read before
    ///   the world is built.
    public static func run(_ scenario: Scenario, threads: Int, resuming: Bool = false) -> MemoryEstimate {
        let w = world(scenario)
        let results = results(scenario)
        let threads = Double(max(1, min(threads, scenario.replicates)))
        let residue = w.inHeap + threads * workerBlocks(scenario).filter { $0 <= w.threshold }.reduce(0, +)
        return MemoryEstimate(world: w.peak, worldKept: w.kept, workers: workers(scenario, threads: Int(threads)),
                              results: results, resultsWhileBuilding: resuming ? results : 0, output: output(scenario),
                              residue: residue)
    }

    /// `reachsim compare`: worlds built one after the other, every scenario's results kept.
    public static func compare(_ scenarios: [Scenario], threads: Int) -> MemoryEstimate {
        let worlds = scenarios.map(world)
        let results = scenarios.map(results).reduce(0, +)
        return MemoryEstimate(world: worlds.map(\.peak).max() ?? 0, worldKept: worlds.map(\.kept).max() ?? 0,
                              workers: scenarios.map { workers($0, threads: threads) }.max() ?? 0,
                              results: results, resultsWhileBuilding: results, output: 0)
    }

    /// `reachsim sweep`: one world at a time (or one shared), every variant's results kept.
    public static func sweep(_ scenarios: [Scenario], threads: Int) -> MemoryEstimate {
        compare(scenarios, threads: threads)
    }

    // MARK: Parts

    /// The layout the results are allocated with (`ReplicatePlan.layout`, `World.layout`): the
    /// platform and segment weeks and the accounts' weeks.
    static func layout(of s: Scenario) -> MetricLayout { MetricLayout(s) }

    /// Expected users of each platform (agents).
    static func users(_ s: Scenario) -> [Double] {
        s.platforms.indices.map { p in
            s.audience.segments.reduce(0) { $0 + Double(s.audience.size) * $1.share * $1.platformUse[p] }
        }
    }

    /// Bytes of each platform's finished graph, at the peak of its construction (a debug build
    /// keeps a generator's locals until the CSR is built; a release build frees some earlier),
    /// and of its largest temporary block (an edge array).
    ///
    /// - Chung–Lu: weights, shuffled users and alias table (24 bytes a user, as much again for the
    ///   per-segment tables when homophily > 0), the edge arrays (8 bytes an edge), the CSR's
    ///   offsets and targets (4 bytes an edge) and the copy that drops the duplicates (4 more).
    /// - Preferential attachment: the order and the repeated-endpoints pools (4 bytes a user and
    ///   an edge, freed before the CSR), `chosenBy` (4 bytes an agent), the edge arrays and the
    ///   CSR's targets (12 bytes an edge); it makes no duplicates.
    /// - Edge list: the file, the parsed edges and the CSR, and the node-id table.
    static func graphs(_ s: Scenario) -> [(kept: Double, building: Double, block: Double)] {
        let n = Double(s.audience.size)
        let users = users(s)
        return s.platforms.enumerated().map { p, platform in
            let u = users[p]
            let offsets = 8 * n
            switch platform.graph {
            case .none:
                return (offsets, offsets, 0)
            case let .chungLu(meanDegree, _, homophily):
                let e = meanDegree * u
                let tables = (homophily > 0 ? 48 : 24) * u
                return (offsets + 4 * e, offsets + 16 * e + tables, 4 * e)
            case let .preferentialAttachment(m, reciprocity, _):
                let e = Double(m) * (1 + reciprocity) * u
                return (offsets + 4 * e, offsets + 4 * n + 12 * e + 8 * u, 4 * e)
            case .edgeList(let path):
                let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
                let e = size / 8
                return (offsets + 4 * e, offsets + size + 24 * e + 48 * min(u, 2 * e), max(size, 8 * e))
            }
        }
    }

    /// The audience and graphs: at the peak and once built. The audience keeps per agent its
    /// class, platform mask and active-platform mask (1 + 4 + 4 bytes) and each platform's user
    /// list (4 bytes a user); its segment table (1 byte an agent) lives while the graphs are built,
    /// each while the ones before it are kept. A boosted platform's pool copies its users (4 bytes
    /// a user, twice more while they are grouped by segment), made last.
    ///
    /// What a graph frees once built is not always given back to the system: glibc returns a
    /// block only if it is above its mmap threshold, which rises to the largest block freed so far
    /// (at most 32 MiB). So when a graph's edge arrays are below what an earlier graph freed (at
    /// 300,000 agents: Instagram's 14 MiB after Facebook's 16 MiB), its temporaries stay
    /// resident; the next graphs build in that space, and grow it only beyond it (measured on
    /// `museum-baseline.yaml`: 133 MiB, 116 MiB with `MALLOC_MMAP_THRESHOLD_` fixed).
    /// - Returns: also the kept bytes that live in the heap (the audience's arrays below the mmap
    ///   threshold, graphs built once it had risen above their blocks) and the final threshold.
    static func world(_ s: Scenario) -> (peak: Double, kept: Double, inHeap: Double, threshold: Double) {
        let n = Double(s.audience.size)
        let users = users(s)
        let audience = 9 * n + 4 * users.reduce(0, +)
        var kept = audience, peak = audience
        // The user lists grew by doubling, freeing blocks of up to half their size.
        var threshold = max(131_072, 2 * (users.max() ?? 0))
        var inHeap = ([n, 4 * n, 4 * n] + users.map { 4 * $0 }).filter { $0 <= threshold }.reduce(0, +)
        var retained = 0.0
        for g in graphs(s) {
            let temporary = g.building - g.kept
            peak = max(peak, kept + n + g.kept + max(temporary, retained))
            kept += g.kept
            if g.block <= threshold {
                retained = max(retained, temporary)
                inHeap += g.kept
            } else {
                threshold = min(32 * 1_048_576, max(threshold, g.block))
            }
        }
        let boosted = zip(s.platforms, users).reduce(0.0) { $0 + ($1.0.boost != nil ? $1.1 : 0) }
        peak = max(peak, kept + max(12 * boosted, retained))
        kept += 4 * boosted
        return (peak, kept, inHeap, threshold)
    }

    /// One `ReplicateRunner` per thread, counting the memory it writes (buffers it allocates but
    /// touches only as far as a cascade reaches are not resident): its per-agent blocks
    /// (`workerBlocks`), each account's followers and its metric buffers
    /// (`MetricLayout.workerValues` doubles).
    static func workers(_ s: Scenario, threads: Int) -> Double {
        var perWorker = workerBlocks(s).reduce(0, +) + 8 * Double(layout(of: s).workerValues)
        for platform in s.platforms {
            for account in platform.accounts { perWorker += 4 * Double(account.followers / s.audience.scale) }
        }
        return perWorker * Double(max(1, min(threads, s.replicates)))
    }

    /// The blocks one runner allocates and fills for every agent (bytes each): its `AgentRecords`
    /// (last post seen, class, a reach stamp per platform, `all` and account slot), a class for the
    /// follower sets, the active-platform mask and the migration decisions; per account a follower
    /// position per agent; engaged-follower stamps for ranked feeds that track them; paid-delivery
    /// caps and eligibility stamps when a platform is boosted; the counters that count followers
    /// once across accounts (`FollowerPeople`).
    static func workerBlocks(_ s: Scenario) -> [Double] {
        let n = Double(s.audience.size)
        let slots = s.platforms.count + 1 + s.platforms.reduce(0) { $0 + $1.accounts.count }
        var blocks = [n * Double(AgentRecords.stride(slots: slots)), n, 4 * n, n]
        for platform in s.platforms {
            for _ in platform.accounts {
                blocks.append(4 * n)
                if case .ranked(let r) = platform.feed, r.engagedMultiplier > 1 { blocks.append(2 * n) }
            }
        }
        if s.platforms.contains(where: { $0.boost != nil }) {
            blocks += [4 * n * Double(s.platforms.count), 4 * n]
        }
        let counters = FollowerPeople.bytesPerAgent(accountsPerPlatform: s.platforms.map(\.accounts.count))
        if counters > 0 { blocks.append(Double(counters) * n) }
        return blocks
    }

    /// Every replicate's metrics: `replicates × perReplicate` doubles of the scenario's layout,
    /// the accounts' block included, as `ReplicateResults.prepare` allocates them.
    static func results(_ s: Scenario) -> Double {
        Double(s.replicates) * Double(layout(of: s).perReplicate) * 8
    }

    /// The CSV text, all of it staged before anything is written: `weekly.csv` (a row per
    /// replicate, week, platform and segment slot), `accounts.csv` (a row per replicate, week and
    /// account), about 100 bytes a row, and `summary.csv` (a row per week, slot and metric, about
    /// 80 bytes).
    static func output(_ s: Scenario) -> Double {
        let l = layout(of: s)
        let weekly = Double(s.replicates * l.weeks * l.platformSlots * l.segmentSlots)
        let accountRows = Double(s.replicates * l.weeks * l.accounts)
        let summary = Double(l.weeks * l.platformSlots * l.segmentSlots * MetricLayout.metricCount)
        return 100 * (weekly + accountRows) + 80 * summary
    }

    /// "2.4 GiB (world 1.9 GiB while built, 1.2 GiB after, 2 threads 310 MiB, results 120 MiB, output 40 MiB)".
    func breakdown(threads: Int) -> String {
        let b = MemoryLimit.format
        let world = worldKept < self.world ? "world \(b(self.world)) while built, \(b(worldKept)) after" : "world \(b(self.world))"
        var parts = [world, "\(threads) thread\(threads == 1 ? "" : "s") \(b(workers))", "results \(b(results))"]
        if output > 0 { parts.append("output \(b(output))") }
        return "\(b(total)) (\(parts.joined(separator: ", ")))"
    }

    /// Refuses the run when the estimate exceeds `limit` (`--max-memory`, bytes) or the memory the
    /// machine has (physical memory, or a lower cgroup limit).
    ///
    /// - Throws: `ResourceError`, e.g. "the run needs about 12.3 GiB of memory (world 11 GiB, ...),
    ///   more than the 8 GiB allowed by --max-memory; ...".
    public func check(limit: Double?, threads: Int, machine: (bytes: Double, source: String)? = MemoryLimit.machine()) throws {
        var refusals: [(Double, String)] = []
        if let limit { refusals.append((limit, "allowed by --max-memory")) }
        if let machine { refusals.append((machine.bytes, machine.source)) }
        guard let (bound, what) = refusals.filter({ total > $0.0 }).min(by: { $0.0 < $1.0 }) else { return }
        throw ResourceError(
            "the run needs about \(breakdown(threads: threads)) of memory, more than the \(MemoryLimit.format(bound)) " +
            "\(what); reduce audience.size (and raise audience.scale), the graphs' degrees, replicates or --threads")
    }
}

/// A run that is valid but too large for the memory available; nothing was allocated or written
/// (exit 65, like other input that cannot be simulated as given).
public struct ResourceError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}

/// Memory sizes as people write them, and what the machine has.
public enum MemoryLimit {
    /// `8G`, `500M`, `1.5GiB`, `64k`, `1048576` (bytes): binary units (K = 1024), case-insensitive,
    /// an optional `B`/`iB` suffix. Nil for anything else, zero or negative.
    public static func parse(_ text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if s.hasSuffix("ib") { s.removeLast(2) } else if s.hasSuffix("b") { s.removeLast() }
        var factor = 1.0
        if let unit = s.last, let power = ["k": 1.0, "m": 2, "g": 3, "t": 4][unit] {
            factor = pow(1024, power)
            s.removeLast()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(s), value > 0, value.isFinite else { return nil }
        return value * factor
    }

    /// "512 MiB", "8 GiB", "1.5 TiB".
    public static func format(_ bytes: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes, i = 0
        while value >= 1024 && i < units.count - 1 { value /= 1024; i += 1 }
        if i == 0 { return "\(Int(value)) bytes" }
        let text = value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value)
        var trimmed = text
        if trimmed.contains(".") {
            while trimmed.hasSuffix("0") { trimmed.removeLast() }
            if trimmed.hasSuffix(".") { trimmed.removeLast() }
        }
        return "\(trimmed) \(units[i])"
    }

    /// The memory this process can have: physical memory, or the cgroup's limit when lower
    /// (containers), with the phrase that names it in messages.
    public static func machine() -> (bytes: Double, source: String)? {
        var best: (Double, String)?
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        if pages > 0 && size > 0 { best = (Double(pages) * Double(size), "of physical memory on this machine") }
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let limit = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            if best == nil || limit < best!.0 { best = (limit, "that this container may use (\(path))") }
        }
        return best
    }
}
