/// The values of a plan's units known so far: computed here, read from a checkpoint, or read
/// from shards. Simulation i's values are allocated when its first unit arrives, so a shard holds
/// only the simulations it touches.
///
/// Not thread-safe: during `PlanRunner.run` the workers write disjoint slices of `values[i]` and
/// the runner marks units done under its own lock.
final class ReplicateResults {
    let plan: ReplicatePlan
    /// Per simulation: `replicates × perReplicate` values, or empty until first used.
    var values: [[Double]]
    /// Per unit.
    private(set) var done: [Bool]
    private(set) var completed = 0

    init(plan: ReplicatePlan) {
        self.plan = plan
        values = Array(repeating: [], count: plan.scenarios.count)
        done = Array(repeating: false, count: plan.units)
    }

    /// Allocates simulation `i`'s values if needed.
    func prepare(_ i: Int) {
        if values[i].isEmpty { values[i] = [Double](repeating: 0, count: plan.replicates * plan.layout(i).perReplicate) }
    }

    func markDone(_ unit: Int) {
        if !done[unit] { done[unit] = true; completed += 1 }
    }

    /// Stores one unit's values read from a file.
    ///
    /// - Throws: `ReplicateRecordsError` naming `source` when the unit is outside `allowed`, the
    ///   value count does not fit the simulation, or the unit was already stored.
    func store(unit: Int, values new: [Double], allowed: Range<Int>, source: String) throws {
        guard allowed.contains(unit) else {
            throw ReplicateRecordsError("\(source): holds unit \(unit), outside its units \(allowed.lowerBound)..<\(allowed.upperBound)")
        }
        let i = unit / plan.replicates, r = unit % plan.replicates, per = plan.layout(i).perReplicate
        guard new.count == per else {
            throw ReplicateRecordsError("\(source): unit \(unit) has \(new.count) values, expected \(per)")
        }
        guard !done[unit] else { throw ReplicateRecordsError("\(source): unit \(unit) appears twice") }
        prepare(i)
        values[i].replaceSubrange(r * per ..< (r + 1) * per, with: new)
        markDone(unit)
    }

    /// Units done within `units`.
    func completed(in units: Range<Int>) -> Int {
        units.count == plan.units ? completed : done[units].lazy.filter { $0 }.count
    }

    /// Replicate numbers of simulation `i` within `units` that are not done yet.
    func missing(simulation i: Int, in units: Range<Int>) -> [Int] {
        let own = (i * plan.replicates ..< (i + 1) * plan.replicates).clamped(to: units)
        return own.filter { !done[$0] }.map { $0 - i * plan.replicates }
    }

    /// Simulation `i` as a `Simulation.Result`; every one of its units must be done.
    func result(_ i: Int) -> Simulation.Result {
        precondition(missing(simulation: i, in: 0..<plan.units).isEmpty, "ReplicateResults: simulation \(i) incomplete")
        return Simulation.Result(layout: plan.layout(i), replicates: plan.replicates, values: values[i])
    }

    /// The records of `units` in order, for a shard's `replicates.bin`.
    func records(_ units: Range<Int>) -> [UInt8] {
        var bytes = ReplicateRecords.magic
        for u in units {
            let i = u / plan.replicates, r = u % plan.replicates, per = plan.layout(i).perReplicate
            values[i].withUnsafeBufferPointer { all in
                bytes += ReplicateRecords.encode(unit: u, values: UnsafeBufferPointer(rebasing: all[r * per ..< (r + 1) * per]))
            }
        }
        return bytes
    }
}
