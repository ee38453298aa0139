/// People following the institution, counted once however many of its accounts they follow
/// (`Metric.followersUnique`), kept up to date as follows happen: every `FollowerSet` insertion
/// and removal reports here, and a person counts for a platform (or for `all`) while they follow
/// at least one of its accounts. O(1) per follow or unfollow, nothing per week, nothing allocated
/// after `init`.
///
/// Per-agent counters exist only where they are needed: a platform with one account counts its
/// followers directly, and with one account in all there is no cross-platform counter.
final class FollowerPeople {
    let platforms: Int
    let segments: Int
    /// Per platform with several accounts: per agent, how many of its accounts they follow.
    private let onPlatform: [UnsafeMutablePointer<UInt8>?]
    /// Per agent, how many accounts they follow on any platform (nil with a single account).
    private let anywhere: UnsafeMutablePointer<UInt16>?
    /// Agents following the platform, at `platform × segments + segment`, and on any platform.
    private let platformPeople: UnsafeMutablePointer<Int>
    private let allPeople: UnsafeMutablePointer<Int>

    /// - Parameter accountsPerPlatform: accounts of each platform (`World.accountIndex` sizes).
    init(agentCount: Int, accountsPerPlatform: [Int], segments: Int) {
        platforms = accountsPerPlatform.count
        self.segments = segments
        onPlatform = accountsPerPlatform.map { n in
            guard n > 1 else { return nil }
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, agentCount))
            p.initialize(repeating: 0, count: agentCount)
            return p
        }
        if accountsPerPlatform.reduce(0, +) > 1 {
            let p = UnsafeMutablePointer<UInt16>.allocate(capacity: max(1, agentCount))
            p.initialize(repeating: 0, count: agentCount)
            anywhere = p
        } else {
            anywhere = nil
        }
        platformPeople = .allocate(capacity: max(1, platforms * segments))
        platformPeople.initialize(repeating: 0, count: platforms * segments)
        allPeople = .allocate(capacity: max(1, segments))
        allPeople.initialize(repeating: 0, count: segments)
    }

    deinit {
        for p in onPlatform { p?.deallocate() }
        anywhere?.deallocate()
        platformPeople.deallocate()
        allPeople.deallocate()
    }

    /// Bytes per agent of the counters (`MemoryEstimate`).
    static func bytesPerAgent(accountsPerPlatform: [Int]) -> Int {
        accountsPerPlatform.filter { $0 > 1 }.count + (accountsPerPlatform.reduce(0, +) > 1 ? 2 : 0)
    }

    /// Agent `v` of segment `s` started following an account of platform `p`.
    @inline(__always)
    func followed(_ v: Int, platform p: Int, segment s: Int) {
        if let counts = onPlatform[p] {
            if counts[v] == 0 { platformPeople[p * segments + s] += 1 }
            counts[v] += 1
        } else {
            platformPeople[p * segments + s] += 1
        }
        if let any = anywhere {
            if any[v] == 0 { allPeople[s] += 1 }
            any[v] += 1
        } else {
            allPeople[s] += 1
        }
    }

    /// Agent `v` of segment `s` stopped following an account of platform `p`.
    @inline(__always)
    func unfollowed(_ v: Int, platform p: Int, segment s: Int) {
        if let counts = onPlatform[p] {
            counts[v] -= 1
            if counts[v] == 0 { platformPeople[p * segments + s] -= 1 }
        } else {
            platformPeople[p * segments + s] -= 1
        }
        if let any = anywhere {
            any[v] -= 1
            if any[v] == 0 { allPeople[s] -= 1 }
        } else {
            allPeople[s] -= 1
        }
    }

    /// People of segment `s` following platform `p`'s accounts.
    func people(platform p: Int, segment s: Int) -> Int { platformPeople[p * segments + s] }
    /// People of segment `s` following any account.
    func people(segment s: Int) -> Int { allPeople[s] }
}
