import Foundation
import Testing
@testable import ReachSim

@Suite struct RandomStreamTests {
    @Test func sameKeySameNumbers() {
        let a = RandomStream(seed: 42, purpose: .replicate, index: 3)
        let b = RandomStream(seed: 42, purpose: .replicate, index: 3)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }

    @Test func neighbouringIndicesDiffer() {
        let a = RandomStream(seed: 42, purpose: .replicate, index: 3)
        let b = RandomStream(seed: 42, purpose: .replicate, index: 4)
        let c = RandomStream(seed: 42, purpose: .graph, index: 3)
        let x = a.next()
        #expect(x != b.next())
        #expect(x != c.next())
    }

    /// GSL's samplers and Swift's inline draws advance one shared state.
    @Test func gslAndSwiftShareTheStream() {
        let a = RandomStream(seed: 7, purpose: .test)
        let b = RandomStream(seed: 7, purpose: .test)
        _ = a.uniform()
        _ = b.gslUniform()
        #expect(a.uniform() == b.uniform())
    }

    /// GSL's reference generator behaves as documented (known answer), so the GSL link is sound.
    @Test func gslMersenneTwisterKnownAnswer() {
        #expect(GSLReference.firstUniformMT19937(seed: 42) == 0.37454011430963874)
    }

    /// Mean of uniforms within 4 standard errors of 1/2 (se = sqrt(1/12 / n)).
    @Test func uniformMean() {
        let s = RandomStream(seed: 1, purpose: .test)
        let n = 200_000
        var sum = 0.0
        for _ in 0..<n { sum += s.uniform() }
        let se = (1.0 / 12.0 / Double(n)).squareRoot()
        #expect(abs(sum / Double(n) - 0.5) < 4 * se)
    }

    /// Geometric skipping visits each of n trials with probability p: the count is Binomial(n, p),
    /// the indices ascend and stay in range.
    @Test(arguments: [0.001, 0.05, 0.5, 0.97])
    func geometricSkipIsBernoulliThinning(p: Double) {
        let s = RandomStream(seed: 11, purpose: .test)
        let n = 100_000
        var hits = 0, last = -1
        s.forEachSuccess(in: n, probability: p) { i in
            #expect(i > last && i < n)
            last = i
            hits += 1
        }
        let mean = Double(n) * p
        let se = (Double(n) * p * (1 - p)).squareRoot()
        #expect(abs(Double(hits) - mean) < 4 * se)
    }

    /// Drawing successes ahead (the follower passes' prefetching walk) draws the same jumps as
    /// the plain walk: with a body that draws nothing, the successes are the same indices, each
    /// prefetched before the body sees it, at most `ahead` pending at a time. With a body that
    /// draws (a view's engagement), only the order of draws differs, so the count stays Binomial.
    @Test(arguments: [(0.01, 1), (0.05, 3), (0.5, 32), (0.97, 32), (1.0, 8)])
    func drawingAheadKeepsTheSuccesses(p: Double, ahead: Int) {
        let n = 50_000
        var plain: [Int] = []
        RandomStream(seed: 21, purpose: .test).forEachSuccess(in: n, probability: p) { plain.append($0) }
        let buffer = UnsafeMutablePointer<Int>.allocate(capacity: ahead)
        defer { buffer.deallocate() }
        var fetched: [Int] = [], seen: [Int] = [], maxPending = 0
        RandomStream(seed: 21, purpose: .test).forEachSuccess(
            in: n, probability: p, ahead: ahead, buffer: buffer,
            prefetch: { fetched.append($0) }) { i in
                // Both run in ascending order, so the body's k-th success is the k-th prefetched.
                #expect(fetched.count > seen.count && fetched[seen.count] == i)
                maxPending = max(maxPending, fetched.count - seen.count - 1)
                seen.append(i)
            }
        #expect(seen == plain)
        #expect(maxPending <= ahead)
        if p < 1 { #expect(fetched == plain) }

        let drawing = RandomStream(seed: 22, purpose: .test)
        var hits = 0
        drawing.forEachSuccess(in: n, probability: p, ahead: ahead, buffer: buffer, prefetch: { _ in }) { _ in
            hits += 1
            _ = drawing.uniform()
        }
        let se = (Double(n) * p * (1 - p)).squareRoot()
        #expect(abs(Double(hits) - Double(n) * p) <= 4 * se)
    }

    @Test func binomialMean() {
        let s = RandomStream(seed: 5, purpose: .test)
        let reps = 2_000, n = 1_000, p = 0.055
        var total = 0
        for _ in 0..<reps { total += s.binomial(n, p) }
        let mean = Double(n) * p
        let se = (Double(n) * p * (1 - p) / Double(reps)).squareRoot()
        #expect(abs(Double(total) / Double(reps) - mean) < 4 * se)
        #expect(s.binomial(10, 0) == 0)
        #expect(s.binomial(10, 1) == 10)
    }

    @Test func certainAndImpossibleTrials() {
        let s = RandomStream(seed: 2, purpose: .test)
        var all: [Int] = [], none = 0
        s.forEachSuccess(in: 5, probability: 1) { all.append($0) }
        s.forEachSuccess(in: 5, probability: 0) { _ in none += 1 }
        #expect(all == [0, 1, 2, 3, 4])
        #expect(none == 0)
    }

    /// Each regime of `hypergeometric` (exact, binomial, normal, and the complement for draws
    /// over half the population) has the law's mean within 4 standard errors and its variance
    /// within 4 standard errors of the sample variance (≈ σ²√(2/reps) for these near-normal counts).
    @Test(arguments: [(40, 60, 10), (30, 9_000, 4_000), (2_000, 30, 900), (300, 400, 12), (30_000, 970_000, 2_000), (400_000, 600_000, 300_000), (500, 500, 800), (900, 200, 300)])
    func hypergeometricMeanAndVariance(_ n1: Int, _ n2: Int, _ t: Int) {
        let s = RandomStream(seed: 11, purpose: .test)
        let reps = 4_000
        let draws = (0..<reps).map { _ in Double(s.hypergeometric(successes: n1, failures: n2, draws: t)) }
        let total = Double(n1 + n2), p = Double(n1) / total
        let mean = Double(t) * p
        let variance = mean * (1 - p) * (total - Double(t)) / (total - 1)
        let sampleMean = draws.reduce(0, +) / Double(reps)
        let sampleVariance = draws.map { ($0 - sampleMean) * ($0 - sampleMean) }.reduce(0, +) / Double(reps - 1)
        #expect(abs(sampleMean - mean) < 4 * (variance / Double(reps)).squareRoot())
        #expect(abs(sampleVariance - variance) < 4 * variance * (2 / Double(reps)).squareRoot())
        #expect(draws.allSatisfy { $0 >= Double(max(0, t - n2)) && $0 <= Double(min(t, n1)) })
        #expect(s.hypergeometric(successes: 0, failures: 10, draws: 5) == 0)
        #expect(s.hypergeometric(successes: 10, failures: 0, draws: 5) == 5)
    }

    /// The exact sampler by inversion (variance under 25), on the successes' side and on the
    /// failures': every value's frequency within 4 standard errors of the law's probability,
    /// C(n1, k) C(n2, t − k) / C(n1 + n2, t) from sums of logarithms.
    @Test(arguments: [(30, 70, 40), (70, 30, 40), (12, 4_000, 1_500)])
    func hypergeometricFrequenciesFollowTheLaw(_ n1: Int, _ n2: Int, _ t: Int) {
        let s = RandomStream(seed: 17, purpose: .test)
        let reps = 20_000
        var counts = [Int](repeating: 0, count: min(n1, t) + 1)
        for _ in 0..<reps { counts[s.hypergeometric(successes: n1, failures: n2, draws: t)] += 1 }
        func logFactorial(_ n: Int) -> Double { (0..<n).reduce(0.0) { $0 + log(Double($1 + 1)) } }
        func logChoose(_ n: Int, _ k: Int) -> Double { logFactorial(n) - logFactorial(k) - logFactorial(n - k) }
        var covered = 0.0
        for k in max(0, t - n2)...min(n1, t) {
            let probability = exp(logChoose(n1, k) + logChoose(n2, t - k) - logChoose(n1 + n2, t))
            covered += probability
            let expected = Double(reps) * probability
            let se = (expected * (1 - probability)).squareRoot()
            #expect(abs(Double(counts[k]) - expected) <= 4 * se + 1, "k = \(k): \(counts[k]) against \(expected)")
        }
        #expect(abs(covered - 1) < 1e-9)
    }

    /// `fastBinomial` by inversion (small means) and through GSL (large ones): mean within 4
    /// standard errors, variance within 4 standard errors of the sample variance, from the
    /// binomial's fourth central moment μ₄ = npq(1 + 3pq(n − 2)): SE(s²) ≈ √((μ₄ − σ⁴) / reps).
    @Test(arguments: [(3, 0.2), (40, 0.01), (1_000, 0.003), (200, 0.3), (5_000, 0.05)])
    func fastBinomialMeanAndVariance(_ n: Int, _ p: Double) {
        let s = RandomStream(seed: 13, purpose: .test)
        let reps = 4_000
        let draws = (0..<reps).map { _ in Double(s.fastBinomial(n, p)) }
        let mean = Double(n) * p, variance = mean * (1 - p)
        let sampleMean = draws.reduce(0, +) / Double(reps)
        let sampleVariance = draws.map { ($0 - sampleMean) * ($0 - sampleMean) }.reduce(0, +) / Double(reps - 1)
        #expect(abs(sampleMean - mean) < 4 * (variance / Double(reps)).squareRoot())
        let q = 1 - p, mu4 = variance * (1 + 3 * p * q * Double(n - 2))
        #expect(abs(sampleVariance - variance) < 4 * ((mu4 - variance * variance) / Double(reps)).squareRoot())
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= Double(n) })
    }
}
