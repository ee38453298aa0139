import Dispatch
import Synchronization

/// Runs a scenario's Monte Carlo replicates on several threads.
///
/// Replicate r draws from streams keyed (seed, replicate r, account) and writes into its own slice
/// of the result, so the output is identical whatever the number of threads or the order
/// replicates finish in.
public enum Simulation {
    /// All replicates of a run, flat: replicate r occupies `r * layout.perReplicate ..< (r + 1) * ...`.
    /// Metrics that do not apply (work metrics in segment rows) are NaN.
    public struct Result: Sendable {
        public let layout: MetricLayout
        public let replicates: Int
        public let values: [Double]

        public func value(replicate: Int, week: Int, platform: Int, segment: Int, metric: Metric) -> Double {
            values[replicate * layout.perReplicate + layout.index(week: week, platform: platform, segment: segment, metric: metric)]
        }
    }

    /// - Parameters:
    ///   - threads: worker threads, 1...; more than the replicates is pointless but harmless.
    ///   - progress: called after each replicate with the number completed (from worker threads).
    public static func run(_ world: World, replicates: Int, threads: Int, engine: EngineKind = .exact,
                           progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        var values = [Double](repeating: 0, count: replicates * world.layout.perReplicate)
        let done = Atomic<Int>(0)
        run(world, replicates: Array(0..<replicates), into: &values, threads: threads, engine: engine) { _, _ in
            progress?(done.add(1, ordering: .relaxed).newValue)
        }
        return Result(layout: world.layout, replicates: replicates, values: values)
    }

    /// Runs the listed replicates (any subset, in any order: each has the values it has in a full
    /// run) into `values`, where replicate r occupies `r * perReplicate ..< (r + 1) * perReplicate`.
    ///
    /// - Parameters:
    ///   - replicates: replicate numbers, each `< values.count / perReplicate`.
    ///   - engine: the sampler (`EngineKind`); the bytes depend on it, not on `threads`.
    ///   - stop: checked before each replicate; once it is requested, workers finish the replicate
    ///     they are on and take no new one, so some listed replicates are left untouched.
    ///   - completed: called from the worker with a replicate's number and values once it is done.
    public static func run(_ world: World, replicates: [Int], into values: inout [Double], threads: Int,
                           engine: EngineKind = .exact, stop: Interruption? = nil,
                           completed: (@Sendable (Int, UnsafeMutableBufferPointer<Double>) -> Void)? = nil) {
        let per = world.layout.perReplicate
        precondition(replicates.allSatisfy { ($0 + 1) * per <= values.count }, "Simulation.run: replicate out of range")
        let workers = max(1, min(threads, replicates.count))
        let next = Atomic<Int>(0)
        // The grouped engine's groups are built once and shared by the workers.
        let groups = engine == .grouped ? GroupedAudience(world: world) : nil
        precondition(engine == .exact || groups != nil, "check GroupedAudience.unsupportedReason before running grouped")
        values.withUnsafeMutableBufferPointer { buffer in
            guard !replicates.isEmpty else { return }
            let shared = SharedBuffer(buffer)
            // One worker runs on the caller's thread: no dispatch overhead, deterministic allocations.
            let spawn: (@Sendable (Int) -> Void) -> Void = workers == 1
                ? { $0(0) } : { DispatchQueue.concurrentPerform(iterations: workers, execute: $0) }
            spawn { _ in
                let runner: any ReplicateSimulator = switch engine {
                case .exact: ReplicateRunner(world: world)
                case .grouped: GroupedRunner(world: world, audience: groups!)
                }
                while stop?.isRequested != true {
                    let k = next.add(1, ordering: .relaxed).oldValue
                    if k >= replicates.count { break }
                    let r = replicates[k]
                    let slice = shared.slice(r * per, per)
                    runner.run(replicate: r, into: slice)
                    completed?(r, slice)
                }
            }
        }
    }
}

/// A buffer whose disjoint slices are written by different threads.
private struct SharedBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    init(_ b: UnsafeMutableBufferPointer<Double>) { base = b.baseAddress! }
    func slice(_ start: Int, _ count: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: base + start, count: count)
    }
}

/// Simulates replicates of one world, one at a time, into a replicate's slice of the results.
protocol ReplicateSimulator: AnyObject {
    func run(replicate: Int, into out: UnsafeMutableBufferPointer<Double>)
}
