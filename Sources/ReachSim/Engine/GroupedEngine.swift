/// The grouped engine's choice rules (see `EngineChoice.auto`).
enum GroupedEngine {
    /// Agents from which `auto` takes the grouped engine.
    static let autoThreshold = 1_000_000

    /// Whether `auto` takes the grouped engine for `world`.
    static func prefers(_ world: World) -> Bool {
        world.audience.agentCount >= autoThreshold && GroupedAudience.unsupportedReason(world) == nil
    }
}
