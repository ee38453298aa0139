/// Who engaged recently with each account, for ranked feeds that show a post more to followers
/// who liked, commented or shared one of the account's posts in the last few weeks
/// (`RankedFeed.engagedMultiplier`, `engagedWindowWeeks`).
///
/// Per tracked account: a stamp per agent (week + 1 of the last engagement, 0 none) and the list
/// of stamped agents, so a post visits only the engaged people (work ∝ engaged, not followers).
/// Untracked accounts (other feeds, multiplier 1) cost nothing. No allocation after `init`.
final class EngagedFollowers {
    private let agentCount: Int
    /// Weeks an engagement counts, per account; 0 = not tracked.
    private let window: [Int]
    /// Storage slot of each account, −1 when not tracked.
    private let slot: [Int]
    private let capacity: Int
    private let stamp: UnsafeMutablePointer<UInt16>
    private let list: UnsafeMutablePointer<UInt32>
    private var count: [Int]

    init(world: World) {
        agentCount = world.audience.agentCount
        window = world.accounts.map { account in
            if case .ranked(let r) = world.scenario.platforms[account.platform].feed, r.engagedMultiplier > 1 {
                return r.engagedWindowWeeks
            }
            return 0
        }
        var slots = 0
        slot = window.map { w in
            if w == 0 { return -1 }
            slots += 1
            return slots - 1
        }
        capacity = agentCount * slots
        stamp = .allocate(capacity: max(1, capacity))
        stamp.initialize(repeating: 0, count: max(1, capacity))
        list = .allocate(capacity: max(1, capacity))
        count = Array(repeating: 0, count: window.count)
    }

    deinit {
        stamp.deallocate()
        list.deallocate()
    }

    /// Forgets everyone (start of a replicate).
    func reset() {
        stamp.initialize(repeating: 0, count: max(1, capacity))
        for a in count.indices { count[a] = 0 }
    }

    /// Records that agent `v` engaged with account `a` in week `w`.
    @inline(__always)
    func note(_ v: Int, account a: Int, week w: Int) {
        if window[a] == 0 { return }
        let base = slot[a] * agentCount
        if stamp[base + v] == 0 {
            list[base + count[a]] = UInt32(v)
            count[a] += 1
        }
        stamp[base + v] = UInt16(truncatingIfNeeded: w + 1)
    }

    /// People who engaged with account `a` within its window (valid until the next `note`).
    @inline(__always)
    func members(account a: Int) -> UnsafeBufferPointer<UInt32> {
        window[a] == 0 ? UnsafeBufferPointer(start: nil, count: 0)
            : UnsafeBufferPointer(start: list + slot[a] * agentCount, count: count[a])
    }

    /// End of week `w`: drops engagements that will be out of the window next week.
    func forget(week w: Int) {
        for a in count.indices where window[a] > 0 {
            let oldest = w + 2 - window[a]
            let base = slot[a] * agentCount
            var kept = 0
            for i in 0..<count[a] {
                let v = Int(list[base + i])
                if Int(stamp[base + v]) >= oldest {
                    list[base + kept] = list[base + i]
                    kept += 1
                } else {
                    stamp[base + v] = 0
                }
            }
            count[a] = kept
        }
    }
}
