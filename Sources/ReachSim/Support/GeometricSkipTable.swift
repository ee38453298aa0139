/// Geometric jumps for one fixed probability p by table lookup instead of a logarithm: the same
/// inversion as `RandomStream.geometricSkip(logOneMinusP:)`, about three times cheaper per draw,
/// for loops that thin many rows with one p (`IndependentCascade`).
///
/// The jump G (failures before the first success) is inverted from one draw y = `next() >> 11`,
/// uniform on 0..<2^53, with U = 1 − y·2^-53 in (0, 1] as in `geometricSkip`: G ≥ k exactly when
/// U ≤ (1 − p)^k, that is when y ≥ C_k = ⌈2^53 (1 − (1 − p)^k)⌉. The table holds C_1...C_K, with K
/// the smallest k such that (1 − p)^K ≤ 1/64; a guide indexed by y's top 10 bits says where to
/// start the search, so a draw costs one lookup and on average well under one comparison. A draw
/// beyond C_K (probability ≤ 1/64) adds K and draws again: the geometric law has no memory, so
/// the result is still exact. Each P(G ≥ k) is exact to within 2^-52, as with the logarithm.
///
/// The values differ from `geometricSkip`'s only where the logarithm's rounding moves a draw
/// across an integer, and in the extra draw past C_K: same law, not the same stream of values,
/// which is why the simulator's own walks keep the logarithm (its outputs are pinned by the
/// calibration check).
///
/// For p below about 0.001 the table would pass 4,096 entries; those p keep the logarithm. p = 0
/// gives `Int.max` (no success ever), p = 1 gives 0. Immutable after `init`; not `Sendable` only
/// because of its raw buffers.
final class GeometricSkipTable {
    /// The success probability per trial, 0...1.
    let p: Double
    /// log(1 − p): the fallback when `count` is 0.
    let logOneMinusP: Double
    /// K, the number of thresholds; 0 when p is too small for a table (or is 0).
    let count: Int
    /// C_1...C_K, then `UInt64.max` as a sentinel that stops every search.
    private let thresholds: UnsafeMutablePointer<UInt64>
    /// guide[b] = number of thresholds ≤ b·2^43, the jump of the smallest y whose top bits are b.
    private let guide: UnsafeMutablePointer<UInt16>

    static let guideBits = 10
    /// Largest table kept (32 KiB of thresholds); smaller p use the logarithm.
    static let maxCount = 4096

    /// - Parameter p: success probability per trial, 0...1.
    init(p: Double) {
        precondition((0...1).contains(p), "probability \(p) outside 0...1")
        self.p = p
        logOneMinusP = p < 1 ? _log1p(-p) : -.infinity
        // (1 − p)^K ≤ 1/64 ⇔ K ≥ log(1/64) / log(1 − p); for p = 1 the quotient is 0 and one
        // threshold (2^53, above every y) makes every jump 0.
        let wanted = p > 0 ? (-_log(64) / logOneMinusP).rounded(.up) : .infinity
        count = wanted <= Double(Self.maxCount) ? max(1, Int(wanted)) : 0
        thresholds = .allocate(capacity: count + 1)
        for k in 0..<count {
            let failAll = -_expm1(Double(k + 1) * logOneMinusP)  // 1 − (1 − p)^(k+1)
            thresholds[k] = UInt64((failAll * 0x1p53).rounded(.up))
        }
        thresholds[count] = .max
        let buckets = 1 << Self.guideBits
        guide = .allocate(capacity: buckets)
        var k = 0
        for b in 0..<buckets {
            let low = UInt64(b) << UInt64(53 - Self.guideBits)
            while k < count && thresholds[k] <= low { k += 1 }
            guide[b] = UInt16(k)
        }
    }

    deinit {
        thresholds.deallocate()
        guide.deallocate()
    }

    /// The jump for the draw `y` (0..<2^53), or nil when y is past the last threshold (G ≥ K).
    @inline(__always)
    func jump(for y: UInt64) -> Int? {
        var k = Int(guide[Int(truncatingIfNeeded: y >> UInt64(53 - Self.guideBits))])
        while y >= thresholds[k] { k += 1 }
        return k < count ? k : nil
    }

    /// Number of failures before the first success, drawn from `rng`; `Int.max` when p is 0.
    @inline(__always)
    func skip(_ rng: RandomStream) -> Int {
        if count == 0 { return rng.geometricSkip(logOneMinusP: logOneMinusP) }
        var passed = 0
        while true {
            if let k = jump(for: rng.next() >> 11) { return passed + k }
            passed += count
        }
    }
}
