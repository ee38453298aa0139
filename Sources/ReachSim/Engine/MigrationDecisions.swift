/// Who has decided about each migration (`announce_migration`): a follower of the source who
/// sees an announcement decides once per person and migration, following each destination they
/// use with the migration's follow-through for their segment. Allocated once per runner.
final class MigrationDecisions {
    private let world: World
    private let agentCount: Int
    /// Per agent: bit m set once the agent has decided about migration m (at most 8 migrations).
    private let decided: UnsafeMutablePointer<UInt8>

    init(world: World) {
        self.world = world
        agentCount = world.audience.agentCount
        decided = .allocate(capacity: max(1, agentCount))
    }

    deinit { decided.deallocate() }

    /// Start of a replicate: nobody has decided.
    func startReplicate() {
        decided.initialize(repeating: 0, count: agentCount)
    }

    /// Agent `v` of class `cls`, a follower of migration `m`'s source, saw an announcement.
    func decide(_ v: Int, cls: Int, migration m: Int, rng: RandomStream, accounts: AccountTimeline, tallies: WeeklyTallies) {
        let flag = UInt8(1) << UInt8(m)
        if decided[v] & flag != 0 { return }
        decided[v] |= flag
        let migration = world.migrations[m].migration
        let s = cls / ActivityLevels.count
        let probability = migration.followThrough[s]
        for d in migration.destinations {
            let b = world.accountIndex[d][0]
            let set = accounts.followers[b]
            guard accounts.status[b].isOpen, accounts.activeMask[v] & (UInt32(1) << UInt32(d)) != 0, !set.contains(v)
            else { continue }
            if rng.uniform() < probability {
                set.insert(v, cls: cls)
                tallies.add(.followersGained, tallies.cell(platform: d, segment: s, account: b))
            }
        }
    }
}
