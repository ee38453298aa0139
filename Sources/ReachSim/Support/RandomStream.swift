import CGSL
import Foundation

/// What a random stream is used for. Each purpose gets its own family of streams, so that drawing
/// more numbers for one purpose (a bigger graph, another replicate) never shifts another's draws.
public enum StreamPurpose: UInt64, Sendable {
    case audience = 1
    case graph = 2
    case followers = 3
    case replicate = 4
    /// Paid boosts: the CPM of a replicate and platform.
    case paidCPM = 5
    /// Paid boosts: the candidate sequence of one replicate, platform and week.
    case paidTargets = 6
    /// Paid boosts: what the paid viewers of one replicate, platform and week do.
    case paidEngagement = 7
    /// Trends: who stops or starts using a platform, per replicate and platform.
    case trend = 8
    /// Trends: who of a platform's potential users is active at week 0 (one draw for the run).
    case activeUsers = 9
    /// `reachsim fit`: the bootstrap draws of the intervals (one stream for the fit).
    case fitBootstrap = 10
    /// `compare --uncertainty`: the design of parameter sets (one stream for the design).
    case uncertainty = 11
    /// `reachsim sweep`: the bootstrap of the saturation curves, per group and platform.
    case curveBootstrap = 12
    case test = 99
}

/// One reproducible stream of random numbers: xoshiro256++ registered as a GSL generator.
///
/// Swift draws inline from the generator's state (`uniform()`, `next()`); GSL's samplers
/// (`binomial`, `poisson`, `gamma`, ...) draw from the same state through `gsl_rng_get`. A stream
/// is identified by `(seed, purpose, index)`: replicate `r` of a run always gets the same numbers,
/// whichever thread runs it.
///
/// Not thread-safe: one stream belongs to one replicate (or one generator) at a time.
public final class RandomStream: @unchecked Sendable {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    @usableFromInline let state: UnsafeMutablePointer<cgsl_xoshiro_state>

    /// - Parameters:
    ///   - seed: the run's seed (any 64-bit value).
    ///   - purpose: what the stream is for.
    ///   - index: which stream of that purpose (a replicate number, a platform index, ...).
    ///   - key: a further identity, e.g. `RandomStream.key("facebook")`, so that a platform keeps
    ///     its numbers when another platform is added to or removed from a scenario (common random
    ///     numbers across scenarios).
    public init(seed: UInt64, purpose: StreamPurpose, index: UInt64 = 0, key: UInt64 = 0) {
        guard let r = gsl_rng_alloc(cgsl_rng_xoshiro256pp()) else {
            fatalError("GSL could not allocate a random generator (out of memory)")
        }
        rng = r
        state = cgsl_xoshiro_state_of(r)
        reseed(seed: seed, purpose: purpose, index: index, key: key)
    }

    /// Restarts the stream as if it had just been created with these arguments, reusing its memory
    /// (for streams reopened in hot loops: each replicate's accounts, each week's paid boost).
    public func reseed(seed: UInt64, purpose: StreamPurpose, index: UInt64 = 0, key: UInt64 = 0) {
        var k = key
        let keyed = key == 0 ? 0 : cgsl_splitmix64(&k)
        gsl_rng_set(rng, UInt(RandomStream.mix(seed: seed, purpose: purpose.rawValue, index: index) ^ keyed))
    }

    /// A stable 64-bit key for a name (FNV-1a over its UTF-8 bytes; never 0).
    public static func key(_ name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in name.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h == 0 ? 1 : h
    }

    deinit { gsl_rng_free(rng) }

    /// Derives one 64-bit key from the triple with SplitMix64 finalisers, so that neighbouring
    /// seeds and indices give unrelated streams.
    static func mix(seed: UInt64, purpose: UInt64, index: UInt64) -> UInt64 {
        var x = seed
        var h = cgsl_splitmix64(&x)
        x = h ^ (purpose &* 0xD1B5_4A32_D192_ED03)
        h = cgsl_splitmix64(&x)
        x = h ^ (index &* 0x8CB9_2BA7_2F3D_8DD7)
        return cgsl_splitmix64(&x)
    }

    /// 64 random bits.
    @inlinable @inline(__always)
    public func next() -> UInt64 { cgsl_xoshiro_next(state) }

    /// Uniform in [0, 1), 53 random bits.
    @inlinable @inline(__always)
    public func uniform() -> Double { Double(cgsl_xoshiro_next(state) >> 11) * 0x1p-53 }

    /// Uniform integer in 0..<n (Lemire's multiply-shift; bias below 2^-32 for n < 2^32).
    @inlinable @inline(__always)
    public func below(_ n: Int) -> Int {
        Int((UInt64(truncatingIfNeeded: n).multipliedFullWidth(by: cgsl_xoshiro_next(state))).high)
    }

    /// True with probability `p` (0...1).
    @inlinable @inline(__always)
    public func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Number of failures before the first success of a Bernoulli(p) sequence, given
    /// `logOneMinusP = log(1 - p)`; the jump used to visit only the successes of n trials.
    /// Returns `Int.max` when p is 0.
    @inlinable @inline(__always)
    public func geometricSkip(logOneMinusP: Double) -> Int {
        if logOneMinusP == 0 { return Int.max }
        // 1 - uniform() is in (0, 1], so the log is finite.
        let g = (log1mUniform() / logOneMinusP)
        return g >= 9.0e18 ? Int.max : Int(g)
    }

    /// Calls `body` with the indices, ascending, of the successes among `n` independent
    /// Bernoulli(`p`) trials: exact thinning with one geometric jump (one draw) per success, so
    /// the work is proportional to the successes, not to `n`. p ≤ 0 visits nothing, p ≥ 1 all.
    @inlinable @inline(__always)
    public func forEachSuccess(in n: Int, probability p: Double, _ body: (Int) throws -> Void) rethrows {
        if n <= 0 || p <= 0 { return }
        if p >= 1 {
            for i in 0..<n { try body(i) }
            return
        }
        try forEachSuccess(in: n, logOneMinusP: _log1p(-p), body)
    }

    /// The same with log(1 − p) computed once by the caller (0 < p < 1), for loops that thin
    /// many short runs with one p.
    @inlinable @inline(__always)
    public func forEachSuccess(in n: Int, logOneMinusP logq: Double, _ body: (Int) throws -> Void) rethrows {
        try forEachSuccess(in: n, jump: { geometricSkip(logOneMinusP: logq) }, body)
    }

    /// The same with jumps looked up in a table built once for p (a third of the cost of a
    /// logarithm; same law, other values than the logarithm's: see `GeometricSkipTable`).
    @inline(__always)
    func forEachSuccess(in n: Int, table: GeometricSkipTable, _ body: (Int) throws -> Void) rethrows {
        try forEachSuccess(in: n, jump: { table.skip(self) }, body)
    }

    /// The walk shared by both: successive successes are one jump plus one apart; the first jump
    /// that passes the last trial ends it (so a row of n trials with s successes takes s + 1 jumps).
    @inlinable @inline(__always)
    func forEachSuccess(in n: Int, jump: () -> Int, _ body: (Int) throws -> Void) rethrows {
        var i = jump()
        while i < n {
            try body(i)
            let skip = jump()
            if skip >= n { return }
            i += skip + 1
        }
    }

    /// The successes of `forEachSuccess(in:probability:)` with the same law, drawn up to `ahead`
    /// at a time into `buffer` before `body` sees them: `prefetch` gets each success as it is
    /// drawn, so a body that reads memory at random (a viewer's record among millions) finds it
    /// in cache. The jumps of a batch are drawn before the body's own draws, so the values differ
    /// from `forEachSuccess`'s on the same stream; `body` must not change what `prefetch` reads.
    @inline(__always)
    func forEachSuccess(in n: Int, probability p: Double, ahead: Int, buffer: UnsafeMutablePointer<Int>,
                        prefetch: (Int) -> Void, _ body: (Int) -> Void) {
        if n <= 0 || p <= 0 { return }
        if p >= 1 {
            for i in 0..<min(ahead, n) { prefetch(i) }
            for i in 0..<n {
                if i + ahead < n { prefetch(i + ahead) }
                body(i)
            }
            return
        }
        let logq = _log1p(-p)
        var next = geometricSkip(logOneMinusP: logq)
        while next < n {
            var k = 0
            while k < ahead && next < n {
                buffer[k] = next
                prefetch(next)
                k += 1
                let skip = geometricSkip(logOneMinusP: logq)
                next = skip >= n ? n : next + skip + 1
            }
            for j in 0..<k { body(buffer[j]) }
        }
    }

    /// log(U) for U uniform in (0, 1].
    @inlinable @inline(__always)
    func log1mUniform() -> Double { _log(1.0 - uniform()) }

    /// Binomial(n, p) count (GSL's sampler on this stream).
    public func binomial(_ n: Int, _ p: Double) -> Int {
        if n <= 0 || p <= 0 { return 0 }
        if p >= 1 { return n }
        if n <= Int(UInt32.max) {
            return Int(gsl_ran_binomial(rng, p, UInt32(n)))
        }
        // Larger than GSL's unsigned int: split into chunks (a sum of binomials is binomial).
        var left = n, total = 0
        while left > 0 {
            let chunk = min(left, Int(UInt32.max))
            total += Int(gsl_ran_binomial(rng, p, UInt32(chunk)))
            left -= chunk
        }
        return total
    }

    /// Binomial(n, p) count, the same law as `binomial` drawn faster for small means: inline
    /// inversion (O(mean) steps, one exp and log1p unless the draw is surely 0) when n × p < 8,
    /// GSL's sampler otherwise.
    /// The grouped engine's draws; the exact engine keeps `binomial`, whose bytes its outputs depend on.
    @inline(__always)
    public func fastBinomial(_ n: Int, _ p: Double) -> Int {
        if n <= 0 || p <= 0 { return 0 }
        if p >= 1 { return n }
        let mean = Double(n) * p
        if mean >= 8 || p > 0.5 { return binomial(n, p) }
        // P(0) = (1 − p)^n, P(k + 1) = P(k) × (n − k) / (k + 1) × p / (1 − p).
        var u = uniform(), k = 0
        // P(0) ≥ 1 − n p (Bernoulli's inequality): most draws of a small mean are 0, and are
        // decided without the exp and log1p (a tenth of a grouped replicate), with the same result.
        if u <= 1 - mean { return 0 }
        var f = exp(Double(n) * log1p(-p))
        let ratio = p / (1 - p)
        while u > f && k < n {
            u -= f
            f *= ratio * Double(n - k) / Double(k + 1)
            k += 1
            if f <= 0 { break }
        }
        return k
    }

    /// Of `draws` people taken without replacement from `successes + failures`, how many are
    /// successes (hypergeometric). Exact draw by draw up to 8 draws; the binomial law when the
    /// draws are under 5 % of the population (its variance is then within 5 % of the
    /// hypergeometric's); exact by inversion when the variance is under 25 (few of the minority
    /// are drawn); the normal law with the hypergeometric's mean and variance otherwise, rounded
    /// and kept in the possible range. The grouped engine draws from groups of millions: GSL's
    /// exact sampler costs a uniform per draw (it was a tenth of the baseline museum's grouped
    /// replicate), inversion a few steps per person drawn from the minority.
    public func hypergeometric(successes n1: Int, failures n2: Int, draws: Int) -> Int {
        let n1 = max(0, n1), n2 = max(0, n2), total = n1 + n2
        let t = min(max(0, draws), total)
        if t == 0 || n1 == 0 { return 0 }
        if n2 == 0 { return t }
        if t > total / 2 { return n1 - hypergeometric(successes: n1, failures: n2, draws: total - t) }
        if t <= 8 {
            // Draw by draw: given k successes in the first i draws, the next is a success with
            // (n1 − k) / (total − i). O(draws) uniforms, exact.
            var k = 0
            for i in 0..<t where uniform() * Double(total - i) < Double(n1 - k) { k += 1 }
            return k
        }
        let p = Double(n1) / Double(total)
        if 20 * t < total { return min(max(fastBinomial(t, p), t - n2), n1) }
        let mean = Double(t) * p
        let variance = mean * (1 - p) * Double(total - t) / Double(total - 1)
        if variance < 25 {
            let minority = min(n1, n2)
            let x = hypergeometricByInversion(items: minority, others: total - minority, draws: t)
            return n1 == minority ? x : t - x
        }
        let drawn = Int((mean + variance.squareRoot() * gaussian()).rounded())
        return min(max(drawn, max(0, t - n2)), min(t, n1))
    }

    /// How many of `m` items are among `t` drawn without replacement from `m + rest`, for
    /// t ≤ rest (so none is possible): inversion from 0, with P(0) = C(rest, t) / C(m + rest, t)
    /// from log-gamma functions and P(x + 1) = P(x) (m − x)(t − x) / ((x + 1)(rest − t + x + 1)).
    /// Exact up to rounding (a relative error near 1e-8 on P(0) for populations of millions);
    /// O(1 + result) steps, so for draws that take few of the items. Called with variance < 25,
    /// where the mean drawn of the minority is under 100.
    private func hypergeometricByInversion(items m: Int, others rest: Int, draws t: Int) -> Int {
        let logP0 = gsl_sf_lngamma(Double(rest + 1)) - gsl_sf_lngamma(Double(rest - t + 1))
            - gsl_sf_lngamma(Double(m + rest + 1)) + gsl_sf_lngamma(Double(m + rest - t + 1))
        var f = exp(logP0)
        var u = uniform(), x = 0
        let top = min(t, m)
        while u > f && x < top {
            u -= f
            f *= Double(m - x) * Double(t - x) / (Double(x + 1) * Double(rest - t + x + 1))
            x += 1
        }
        return x
    }

    /// Poisson(mean) count (GSL's sampler on this stream).
    public func poisson(_ mean: Double) -> Int {
        mean <= 0 ? 0 : Int(gsl_ran_poisson(rng, mean))
    }

    /// Gamma(shape, scale) variate, mean shape × scale.
    public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(rng, shape, scale) }

    /// Standard normal variate.
    public func gaussian() -> Double { gsl_ran_ugaussian(rng) }

    /// A GSL uniform draw through GSL's function pointer (for tests that the two paths share state).
    public func gslUniform() -> Double { gsl_rng_uniform(rng) }
}

/// GSL's own generators, for known-answer checks of the GSL link.
public enum GSLReference {
    /// First `gsl_rng_uniform` of mt19937 with `seed` (42 gives 0.37454011430963874).
    public static func firstUniformMT19937(seed: UInt) -> Double {
        let r = gsl_rng_alloc(cgsl_rng_mt19937())!
        defer { gsl_rng_free(r) }
        gsl_rng_set(r, seed)
        return gsl_rng_uniform(r)
    }
}
