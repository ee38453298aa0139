/// What a view reads and writes about the person it reaches, one fixed-size record per agent so
/// that a view costs one cache miss rather than three: the serial of the last post the agent saw
/// (a person counts once per post), the agent's exposure class, and its reach stamps (per slot:
/// week + 1 when last reached, 0 never; slots are the platforms, `all`, then the accounts).
///
/// With 12 million agents the records are far larger than the caches and views land on them at
/// random; measured on the large institution at 10 % size, interleaving them cut the time of a
/// replicate (see docs/performance.md). Allocated once per runner; no allocation afterwards.
final class AgentRecords {
    let count: Int
    let slots: Int
    /// Bytes per record.
    let stride: Int
    private let base: UnsafeMutableRawPointer
    private let classOf: [UInt8]

    init(classOf: [UInt8], slots: Int) {
        count = classOf.count
        self.slots = slots
        self.classOf = classOf
        stride = Self.stride(slots: slots)
        base = .allocate(byteCount: max(1, count * stride), alignment: 64)
    }

    deinit { base.deallocate() }

    /// Bytes per record: 4 (seen) + 1 (class) + 3 (padding) + 2 per slot, rounded up to 8.
    static func stride(slots: Int) -> Int { (8 + 2 * slots + 7) / 8 * 8 }

    /// Start of a replicate: nobody has seen anything or been reached.
    func reset() {
        base.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, count * stride))
        for v in 0..<count { base.storeBytes(of: classOf[v], toByteOffset: v * stride + 4, as: UInt8.self) }
    }

    /// Forgets which post each agent saw last (when the post serial wraps around).
    func forgetSeen() {
        for v in 0..<count { base.storeBytes(of: UInt32(0), toByteOffset: v * stride, as: UInt32.self) }
    }

    @inline(__always) func seen(_ v: Int) -> UInt32 { base.load(fromByteOffset: v * stride, as: UInt32.self) }

    @inline(__always) func markSeen(_ v: Int, _ serial: UInt32) {
        base.storeBytes(of: serial, toByteOffset: v * stride, as: UInt32.self)
    }

    /// The agent's exposure class (segment × activity level).
    @inline(__always) func cls(_ v: Int) -> Int { Int(base.load(fromByteOffset: v * stride + 4, as: UInt8.self)) }

    /// Starts fetching agent `v`'s record into the cache (a loop that knows whom it visits next).
    @inline(__always) func prefetch(_ v: Int) { ReachSim.prefetch(base + v * stride) }

    /// The agent's `slots` reach stamps.
    @inline(__always) func stamps(_ v: Int) -> UnsafeMutablePointer<UInt16> {
        (base + v * stride + 8).assumingMemoryBound(to: UInt16.self)
    }
}
