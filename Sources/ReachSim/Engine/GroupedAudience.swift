/// The grouped engine's fixed view of a world's catchment, built once per run and shared by its
/// runners: who is exchangeable with whom, and the identities it keeps for the graph.
///
/// A group of platform p is (exposure class c, pattern π), π the set of p's accounts its members
/// follow (bit j for p's j-th account), index `base[p] + c × 2^k + π` with k = p's accounts. Its
/// members see every post with the same probabilities, so a post's viewers in a group are a
/// uniform subset of it: counting them is enough. Across platforms people are told apart by the
/// platforms they use (`useMasks`), which is what the platform-use correlation makes unequal.
struct GroupedAudience: Sendable {
    /// The most accounts a platform may have (2^8 patterns per class).
    static let maxAccounts = 8

    let platforms: Int
    let classes: Int
    /// Per platform: accounts (k), patterns (2^k), first group index.
    let accountCount: [Int]
    let patterns: [Int]
    let base: [Int]
    let groupCount: Int
    /// Per account (`World.accounts`): its bit's position among its platform's accounts.
    let local: [Int]
    /// Per platform × class (`p × classes + c`): the platform's potential users of the class
    /// (growing platforms' future users included) and those active at week 0.
    let potential: [Int]
    let activeAtStart: [Int]
    /// Per group: members at week 0 (active users, the pattern over accounts open at week 0).
    let initialMembers: [Int]
    /// Per platform: agents by group of their initial pattern over all the platform's accounts
    /// (accounts opening later included): group g's are `members[start[g] ..< start[g + 1]]`.
    /// Sharers are drawn from them (the graph is about identities).
    let members: [UInt32]
    let start: [Int]
    /// Per agent × platform (`v × platforms + p`): the agent's initial pattern on p.
    let initialPattern: [UInt8]
    /// Per account that opens after week 0: its initial followers by (class, pattern over the
    /// platform's other accounts), as (group index without the account's bit, count).
    let openingFollowers: [[(group: Int, count: Int)]]
    /// Per class: the platform-use masks of its people, `maskStart[c] ..< maskStart[c + 1]` into
    /// `useMask` and `maskPeople` (how many people of the class use exactly those platforms).
    let useMask: [UInt32]
    let maskPeople: [Int]
    let maskStart: [Int]
    /// Per group × platform d (`g × platforms + d`): the share of the group's members (by their
    /// week-0 pattern) who also use d, or of its class on the platform when the group had none.
    /// Migrations follow people across platforms; per group, so that the followers of an account
    /// use another platform as often as they do in the world (not only as their class does).
    let alsoUses: [Double]

    /// Nil when a platform has more than `maxAccounts` accounts (`unsupportedReason`).
    init?(world: World) {
        guard Self.unsupportedReason(world) == nil else { return nil }
        let audience = world.audience
        let P = world.scenario.platforms.count, C = audience.classes.count
        platforms = P
        classes = C
        accountCount = world.accountIndex.map(\.count)
        let patterns = world.accountIndex.map { 1 << $0.count }
        self.patterns = patterns
        var base: [Int] = [], next = 0
        for p in 0..<P {
            base.append(next)
            next += C * patterns[p]
        }
        self.base = base
        groupCount = next
        var local = [Int](repeating: 0, count: world.accounts.count)
        for p in 0..<P { for (j, a) in world.accountIndex[p].enumerated() { local[a] = j } }
        self.local = local

        let n = audience.agentCount
        var pattern = [UInt8](repeating: 0, count: n * P)
        for (a, account) in world.accounts.enumerated() {
            let bit = UInt8(1) << UInt8(local[a])
            for v in account.initialFollowers { pattern[Int(v) * P + account.platform] |= bit }
        }
        initialPattern = pattern
        let openAtStart = world.accounts.indices.map { world.schedule.first?.status[$0] != .inactive }
        var openMask = [Int](repeating: 0, count: P)
        for (a, account) in world.accounts.enumerated() where openAtStart[a] { openMask[account.platform] |= 1 << local[a] }

        var potential = [Int](repeating: 0, count: P * C)
        var active = [Int](repeating: 0, count: P * C)
        var initial = [Int](repeating: 0, count: next)
        var counts = [Int](repeating: 0, count: next)
        for p in 0..<P {
            let bit = UInt32(1) << UInt32(p)
            for u in audience.platformUsers[p] {
                let v = Int(u), c = Int(audience.classOf[v])
                let pi = Int(pattern[v * P + p])
                potential[p * C + c] += 1
                counts[base[p] + c * patterns[p] + pi] += 1
                if world.activeAtStart[v] & bit != 0 {
                    active[p * C + c] += 1
                    initial[base[p] + c * patterns[p] + (pi & openMask[p])] += 1
                }
            }
        }
        self.potential = potential
        activeAtStart = active
        initialMembers = initial
        var start = [0]
        for g in 0..<next { start.append(start[g] + counts[g]) }
        var fill = Array(start.dropLast())
        var members = [UInt32](repeating: 0, count: start[next])
        for p in 0..<P {
            for u in audience.platformUsers[p] {
                let v = Int(u), c = Int(audience.classOf[v])
                let g = base[p] + c * patterns[p] + Int(pattern[v * P + p])
                members[fill[g]] = u
                fill[g] += 1
            }
        }
        self.members = members
        self.start = start

        openingFollowers = world.accounts.enumerated().map { a, account in
            guard !openAtStart[a] else { return [] }
            let p = account.platform, bit = 1 << local[a]
            var byGroup: [Int: Int] = [:]
            for u in account.initialFollowers {
                let v = Int(u), c = Int(audience.classOf[v])
                byGroup[base[p] + c * patterns[p] + (Int(pattern[v * P + p]) & ~bit), default: 0] += 1
            }
            return byGroup.sorted { $0.key < $1.key }.map { (group: $0.key, count: $0.value) }
        }

        var byClass = [[UInt32: Int]](repeating: [:], count: C)
        var both = [Int](repeating: 0, count: P * P * C)
        for v in 0..<n {
            let m = audience.platformMask[v]
            guard m != 0 else { continue }
            let c = Int(audience.classOf[v])
            byClass[c][m, default: 0] += 1
            var a = m
            while a != 0 {
                let p = a.trailingZeroBitCount
                var b = m
                while b != 0 {
                    let d = b.trailingZeroBitCount
                    both[(p * P + d) * C + c] += 1
                    b &= b - 1
                }
                a &= a - 1
            }
        }
        var masks: [UInt32] = [], people: [Int] = [], maskStart = [0]
        for c in 0..<C {
            for (m, k) in byClass[c].sorted(by: { $0.key < $1.key }) {
                masks.append(m)
                people.append(k)
            }
            maskStart.append(masks.count)
        }
        useMask = masks
        maskPeople = people
        self.maskStart = maskStart
        var also = [Double](repeating: 0, count: next * P)
        for p in 0..<P {
            for c in 0..<C {
                for pattern in 0..<patterns[p] {
                    let g = base[p] + c * patterns[p] + pattern
                    let lo = start[g], hi = start[g + 1]
                    for d in 0..<P {
                        if hi > lo {
                            var k = 0
                            for i in lo..<hi where audience.platformMask[Int(members[i])] & (1 << UInt32(d)) != 0 { k += 1 }
                            also[g * P + d] = Double(k) / Double(hi - lo)
                        } else if potential[p * C + c] > 0 {
                            also[g * P + d] = Double(both[(p * P + d) * C + c]) / Double(potential[p * C + c])
                        }
                    }
                }
            }
        }
        alsoUses = also
    }

    /// Why the grouped engine cannot run `world`, or nil.
    static func unsupportedReason(_ world: World) -> String? {
        for (p, accounts) in world.accountIndex.enumerated() where accounts.count > maxAccounts {
            return "the grouped engine counts people by the accounts they follow, at most \(maxAccounts) per platform; "
                + "\(world.scenario.platforms[p].name) has \(accounts.count) (use --engine exact)"
        }
        return nil
    }

    /// Group index of (platform, class, pattern).
    @inline(__always)
    func group(_ p: Int, _ c: Int, _ pattern: Int) -> Int { base[p] + c * patterns[p] + pattern }
}
