/// When `--engine auto` takes the grouped engine (docs/engines.md).
enum GroupedEngine {
    /// Agents from which `auto` takes the grouped engine. Below it the exact engine answers in
    /// minutes; from it (the large institution at 10 % has 1.2 million) the validation table finds
    /// every mean within its goal and the exact engine takes hours.
    static let autoThreshold = 1_000_000

    /// Whether `auto` takes the grouped engine for `world`: a large catchment the groups can count
    /// (`GroupedAudience.unsupportedReason`). The validation table shows no kind of scenario
    /// (migrations, boosts, trends, graphs, several accounts) outside the goals, so none is excluded.
    static func prefers(_ world: World) -> Bool {
        prefers(agentCount: world.audience.agentCount, countable: GroupedAudience.unsupportedReason(world) == nil)
    }

    /// The rule itself: at least `autoThreshold` agents and a world the groups can count.
    static func prefers(agentCount: Int, countable: Bool) -> Bool {
        agentCount >= autoThreshold && countable
    }
}
