/// Draws value `values[i]` with probability `weights[i] / Σ weights` in O(1): Vose's alias method.
///
/// Used instead of GSL's `gsl_ran_discrete` (Walker's method too) because its draws stay inline
/// on `RandomStream`'s state, and because each entry keeps its threshold and both outcomes side by
/// side (12 bytes): over millions of entries a draw costs one cache miss, where GSL's separate
/// arrays and a lookup of the drawn index cost up to three, which dominated graph generation.
/// Probabilities are quantised to 2^-32, far below any sampling error a simulation can see.
struct AliasTable: Sendable {
    /// Entry i as three words: its threshold, its own value, its alias's value. Entry i is kept
    /// when 32 random bits are below the threshold.
    private var entries: [UInt32]
    let count: Int

    /// - Parameters:
    ///   - weights: non-negative, finite, with a positive sum; fewer than 2^32 - 1 of them.
    ///     Zero weights are never drawn.
    ///   - values: what a draw of entry i returns (agent ids, say); defaults to i itself.
    init(weights: [Double], values: [UInt32]? = nil) {
        let n = weights.count
        precondition(n > 0 && n < Int(UInt32.max), "alias table over \(n) weights")
        precondition(values == nil || values?.count == n, "alias table values of another count")
        var total = 0.0
        for w in weights {
            precondition(w >= 0 && w.isFinite, "alias table weight \(w)")
            total += w
        }
        precondition(total > 0, "alias table over weights that sum to 0")

        // Each entry starts as "always keep itself"; the third word holds the alias's index until
        // the values are filled in at the end.
        var entries = [UInt32](repeating: 0, count: 3 * n)
        for i in 0..<n {
            entries[3 * i] = .max
            entries[3 * i + 2] = UInt32(i)
        }

        // Scaled so that the mean is 1: each entry below 1 is topped up by one entry above 1.
        let scale = Double(n) / total
        var q = weights.map { $0 * scale }
        // One work array for both stacks: "small" grows up from 0, "large" grows down from n.
        var work = [UInt32](repeating: 0, count: n)
        var smallTop = 0, largeBottom = n
        for i in 0..<n {
            if q[i] < 1 {
                work[smallTop] = UInt32(i); smallTop += 1
            } else {
                largeBottom -= 1; work[largeBottom] = UInt32(i)
            }
        }
        while smallTop > 0 && largeBottom < n {
            smallTop -= 1
            let s = Int(work[smallTop])
            let l = Int(work[largeBottom])
            largeBottom += 1
            entries[3 * s] = Self.threshold(q[s])
            entries[3 * s + 2] = UInt32(l)
            q[l] = (q[l] + q[s]) - 1
            if q[l] < 1 {
                work[smallTop] = UInt32(l); smallTop += 1
            } else {
                largeBottom -= 1; work[largeBottom] = UInt32(l)
            }
        }
        // What is left has q = 1 up to rounding and keeps "always itself".
        for i in 0..<n {
            let alias = Int(entries[3 * i + 2])
            entries[3 * i + 1] = values?[i] ?? UInt32(i)
            entries[3 * i + 2] = values?[alias] ?? UInt32(alias)
        }
        self.entries = entries
        self.count = n
    }

    private static func threshold(_ q: Double) -> UInt32 {
        let t = q * 4_294_967_296.0
        return t >= 4_294_967_295.0 ? .max : UInt32(t)
    }

    /// One draw: the value of an entry. Two 64-bit draws from `rng`.
    @inline(__always)
    func draw(_ rng: RandomStream) -> UInt32 {
        let i = 3 * rng.below(count)
        let coin = UInt32(truncatingIfNeeded: rng.next() >> 32)
        return coin < entries[i] ? entries[i + 1] : entries[i + 2]
    }
}
