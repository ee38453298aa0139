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
    public static func run(_ world: World, replicates: Int, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        let layout = world.layout
        let per = layout.perReplicate
        var values = [Double](repeating: 0, count: replicates * per)
        let workers = max(1, min(threads, replicates))
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        values.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedBuffer(buffer)
            // One worker runs on the caller's thread: no dispatch overhead, deterministic allocations.
            let spawn: (@Sendable (Int) -> Void) -> Void = workers == 1
                ? { $0(0) } : { DispatchQueue.concurrentPerform(iterations: workers, execute: $0) }
            spawn { _ in
                let runner = ReplicateRunner(world: world)
                while true {
                    let r = next.add(1, ordering: .relaxed).oldValue
                    if r >= replicates { break }
                    runner.run(replicate: r, into: shared.slice(r * per, per))
                    let finished = done.add(1, ordering: .relaxed).newValue
                    progress?(finished)
                }
            }
        }
        return Result(layout: layout, replicates: replicates, values: values)
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
