import Foundation

/// How much memory a run will need, estimated from the scenario before anything is allocated, so
/// that a scenario too large for the machine (or for `--max-memory`) is refused at once with the
/// numbers, rather than swapping for an hour or being killed halfway.
///
/// The figures follow the data structures: per agent, its class, platform mask, per-thread
/// stamps and follower positions; per follow edge, 4 bytes in the CSR graph (12 more while it is
/// built); per replicate, `MetricLayout.perReplicate` doubles; per `weekly.csv` row about 100
/// bytes of text. Edges are expected values (generator parameters × users); an edge list counts
/// one edge per 8 bytes of file. Measured peak RSS was within 5% of the estimate for audiences of
/// 300,000 and 3 million agents (docs/performance.md, Memory).
public struct MemoryEstimate: Sendable, Equatable {
    /// Audience and follower graphs, at their peak while the graphs are built (bytes).
    public var world: Double
    /// Per-thread replicate buffers, times the threads used (bytes).
    public var workers: Double
    /// Replicate results kept for the summaries (bytes).
    public var results: Double
    /// CSV text assembled before it is written (bytes).
    public var output: Double
    /// The program itself: code, runtime, small tables (bytes).
    public static let base: Double = 30 * 1_048_576

    /// The peak: the world and the threads' buffers are released when the replicates are done,
    /// before the CSV text is assembled; the results live throughout.
    public var total: Double { Self.base + max(world + workers, output) + results }

    /// `reachsim run`: one world, its replicates and `weekly.csv`.
    public static func run(_ scenario: Scenario, threads: Int) -> MemoryEstimate {
        let layout = layout(of: scenario)
        let rows = Double(scenario.replicates) * Double(layout.weeks * layout.platformSlots * layout.segmentSlots)
        return MemoryEstimate(world: world(scenario), workers: workers(scenario, threads: threads),
                              results: results(scenario), output: rows * 100)
    }

    /// `reachsim compare`: worlds built one after the other, every scenario's results kept.
    public static func compare(_ scenarios: [Scenario], threads: Int) -> MemoryEstimate {
        MemoryEstimate(world: scenarios.map(world).max() ?? 0,
                       workers: scenarios.map { workers($0, threads: threads) }.max() ?? 0,
                       results: scenarios.map(results).reduce(0, +), output: 0)
    }

    /// `reachsim sweep`: one world at a time (or one shared), every variant's results kept.
    public static func sweep(_ scenarios: [Scenario], threads: Int) -> MemoryEstimate {
        compare(scenarios, threads: threads)
    }

    // MARK: Parts

    static func layout(of s: Scenario) -> MetricLayout {
        MetricLayout(weeks: s.horizonWeeks, platforms: s.platforms.count, segments: s.audience.segments.count)
    }

    /// Expected users of each platform (agents).
    static func users(_ s: Scenario) -> [Double] {
        s.platforms.indices.map { p in
            s.audience.segments.reduce(0) { $0 + Double(s.audience.size) * $1.share * $1.platformUse[p] }
        }
    }

    /// Bytes of each platform's finished graph, and at the peak of its construction (generator
    /// tables, edge arrays, the CSR being filled; for an edge list also the file and its ids).
    static func graphs(_ s: Scenario) -> [(kept: Double, building: Double)] {
        let n = Double(s.audience.size)
        let users = users(s)
        return s.platforms.enumerated().map { p, platform in
            let u = users[p]
            let offsets = 8 * n
            switch platform.graph {
            case .none:
                return (offsets, offsets)
            case let .chungLu(meanDegree, _, _):
                let e = meanDegree * u
                return (offsets + 4 * e, offsets + 12 * e + 36 * u)
            case let .preferentialAttachment(m, reciprocity, _):
                let e = Double(m) * (1 + reciprocity) * u
                return (offsets + 4 * e, offsets + 12 * e + 36 * u)
            case .edgeList(let path):
                let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
                let e = size / 8
                return (offsets + 4 * e, offsets + size + 24 * e + 48 * min(u, 2 * e))
            }
        }
    }

    /// Audience (class, platform mask, user lists) and graphs, at the peak: each graph is built
    /// while the ones before it are kept.
    static func world(_ s: Scenario) -> Double {
        let audience = 6 * Double(s.audience.size) + 4 * users(s).reduce(0, +)
        var kept = 0.0, peak = 0.0
        for g in graphs(s) {
            peak = max(peak, kept + g.building)
            kept += g.kept
        }
        return audience + max(peak, kept)
    }

    /// One `ReplicateRunner` per thread, counting the memory it writes (buffers it allocates but
    /// touches only as far as a cascade reaches are not resident): per agent its `AgentRecords`
    /// record (last post seen, class, a reach stamp per platform, `all` and account slot), a class
    /// for the follower sets, the active-platform mask and the migration decisions; per account a
    /// follower position per agent and its followers; engaged-follower stamps for ranked feeds
    /// that track them; paid-delivery caps when a platform is boosted.
    static func workers(_ s: Scenario, threads: Int) -> Double {
        let n = Double(s.audience.size)
        let slots = s.platforms.count + 1 + s.platforms.reduce(0) { $0 + $1.accounts.count }
        var perWorker = n * Double(AgentRecords.stride(slots: slots) + 1 + 4 + 1)
        for platform in s.platforms {
            for account in platform.accounts {
                perWorker += 4 * n + 4 * Double(account.followers / s.audience.scale)
                if case .ranked(let r) = platform.feed, r.engagedMultiplier > 1 { perWorker += 2 * n }
            }
        }
        if s.platforms.contains(where: { $0.boost != nil }) {
            perWorker += 4 * n * Double(s.platforms.count) + 4 * n
        }
        return perWorker * Double(max(1, min(threads, s.replicates)))
    }

    /// Every replicate's metrics: `replicates × perReplicate` doubles.
    static func results(_ s: Scenario) -> Double {
        Double(s.replicates) * Double(layout(of: s).perReplicate) * 8
    }

    /// "2.4 GiB (world 1.9 GiB, 2 threads 310 MiB, results 120 MiB, output 40 MiB)".
    func breakdown(threads: Int) -> String {
        let b = MemoryLimit.format
        var parts = ["world \(b(world))", "\(threads) thread\(threads == 1 ? "" : "s") \(b(workers))",
                     "results \(b(results))"]
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
