/// The followers of one account during a replicate, grouped by exposure class so that a feed can
/// visit the viewers of a post class by class with geometric skipping (work ∝ viewers, not
/// followers). O(1) membership test, insertion and removal; no allocation after `init`.
final class FollowerSet {
    let classCount: Int
    /// Class c's members are `members[start[c] ..< start[c] + count[c]]`.
    private let start: UnsafeMutablePointer<Int>
    let count: UnsafeMutablePointer<Int>
    private let members: UnsafeMutablePointer<UInt32>
    /// Index of an agent within its class, or -1 when it does not follow.
    private let position: UnsafeMutablePointer<Int32>
    private let agentCount: Int
    /// Told of every insertion and removal, to count people once across accounts (nil: not counted).
    private let people: FollowerPeople?
    /// The account's platform, for `people`.
    private let platform: Int

    /// - Parameter capacity: per class, how many agents could ever follow (the platform's users).
    init(agentCount: Int, capacity: [Int], platform: Int = 0, people: FollowerPeople? = nil) {
        self.agentCount = agentCount
        self.platform = platform
        self.people = people
        classCount = capacity.count
        start = .allocate(capacity: classCount)
        count = .allocate(capacity: classCount)
        var offset = 0
        for c in 0..<classCount {
            start[c] = offset
            count[c] = 0
            offset += capacity[c]
        }
        members = .allocate(capacity: max(1, offset))
        position = .allocate(capacity: max(1, agentCount))
        position.initialize(repeating: -1, count: agentCount)
    }

    deinit {
        start.deallocate()
        count.deallocate()
        members.deallocate()
        position.deallocate()
    }

    /// Empties the set and fills it with those of `agents` that `keep` (classes from `classOf`).
    func reset(to agents: [UInt32], classOf: UnsafePointer<UInt8>, keep: (Int) -> Bool = { _ in true }) {
        for c in 0..<classCount {
            for i in 0..<count[c] {
                let agent = Int(members[start[c] + i])
                position[agent] = -1
                people?.unfollowed(agent, platform: platform, segment: c / ActivityLevels.count)
            }
            count[c] = 0
        }
        for a in agents where keep(Int(a)) { insert(Int(a), cls: Int(classOf[Int(a)])) }
    }

    @inline(__always) func contains(_ agent: Int) -> Bool { position[agent] >= 0 }

    /// Starts fetching what `contains(agent)` reads into the cache.
    @inline(__always) func prefetch(_ agent: Int) { ReachSim.prefetch(position + agent) }

    @inline(__always) func insert(_ agent: Int, cls: Int) {
        let i = count[cls]
        members[start[cls] + i] = UInt32(agent)
        position[agent] = Int32(i)
        count[cls] = i + 1
        people?.followed(agent, platform: platform, segment: cls / ActivityLevels.count)
    }

    /// Removes the member at index `i` of class `cls` (swap with the last).
    @inline(__always) func remove(cls: Int, at i: Int) {
        let last = count[cls] - 1
        let gone = members[start[cls] + i]
        let moved = members[start[cls] + last]
        members[start[cls] + i] = moved
        position[Int(moved)] = Int32(i)
        position[Int(gone)] = -1
        count[cls] = last
        people?.unfollowed(Int(gone), platform: platform, segment: cls / ActivityLevels.count)
    }

    /// Removes `agent`, a member of class `cls`.
    @inline(__always) func remove(agent: Int, cls: Int) {
        remove(cls: cls, at: Int(position[agent]))
    }

    /// Members of class `cls`, valid until the set changes.
    @inline(__always) func members(ofClass cls: Int) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(start: members + start[cls], count: count[cls])
    }
}
