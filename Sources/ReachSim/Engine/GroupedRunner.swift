/// SKELETON (being written): the grouped engine's runner. Until it lands it runs the exact one.
final class GroupedRunner: ReplicateSimulator {
    private let exact: ReplicateRunner
    init(world: World) { exact = ReplicateRunner(world: world) }
    func run(replicate: Int, into out: UnsafeMutableBufferPointer<Double>) { exact.run(replicate: replicate, into: out) }
}
