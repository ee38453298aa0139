/// Which sampler simulates a run's replicates. Both follow the same model (docs/model.md) and
/// the same random-stream keys; they differ in how they count people (docs/engines.md).
public enum EngineKind: String, CaseIterable, Sendable, Codable {
    /// Every person is an agent with records: a post visits its viewers one by one. The reference.
    case exact
    /// People are counted in groups of exchangeable members (platform, exposure class, accounts
    /// followed): a post's views, engagement and follows are binomial draws per group, and only
    /// sharers and the people their cascades reach keep identities. Approximate by design; its
    /// error against `exact` is measured in docs/engines.md.
    case grouped
}

/// What the command line asks for (`--engine`): an engine, or `auto`, which picks one per run.
public enum EngineChoice: String, CaseIterable, Sendable {
    case exact, grouped, auto

    /// The engine a run of `world` uses: `auto` takes the grouped engine only where docs/engines.md
    /// shows it within its goals for that kind of scenario and the audience is large enough for
    /// it to matter (`GroupedEngine.prefers`). Throws `WorldError` when `grouped` is asked for a
    /// world it cannot count (`GroupedAudience.unsupportedReason`).
    public func resolve(for world: World) throws -> EngineKind {
        switch self {
        case .exact: return .exact
        case .grouped:
            if let reason = GroupedAudience.unsupportedReason(world) { throw WorldError(reason) }
            return .grouped
        case .auto: return GroupedEngine.prefers(world) ? .grouped : .exact
        }
    }
}
