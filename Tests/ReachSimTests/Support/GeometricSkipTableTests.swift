import Testing
@testable import ReachSim

@Suite struct GeometricSkipTableTests {
    /// The table inverts a draw y exactly as the logarithm does, ⌊log(1 − y·2^-53) / log(1 − p)⌋,
    /// and says "past the table" exactly when that jump is K or more (100,000 draws per p).
    @Test(arguments: [0.0011, 0.01, 0.05, 0.3, 0.9])
    func sameInversionAsTheLogarithm(p: Double) {
        let table = GeometricSkipTable(p: p)
        #expect(table.count > 0)
        let rng = RandomStream(seed: 3, purpose: .test)
        var disagreements = 0
        for _ in 0..<100_000 {
            let y = rng.next() >> 11
            let u = 1 - Double(y) * 0x1p-53
            let byLog = Int(_log(u) / table.logOneMinusP)
            if let k = table.jump(for: y) {
                if k != byLog { disagreements += 1 }
            } else if byLog < table.count {
                disagreements += 1
            }
        }
        #expect(disagreements == 0)
    }

    /// The jumps follow the geometric law: mean (1 − p)/p and P(G ≥ 2K) = (1 − p)^2K (the
    /// redraw past the table) within 4 standard errors, for p with a table and p below it.
    @Test(arguments: [0.0002, 0.002, 0.05, 0.5])
    func jumpsAreGeometric(p: Double) {
        let table = GeometricSkipTable(p: p)
        let rng = RandomStream(seed: 9, purpose: .test)
        let n = 200_000, far = 2 * max(table.count, 1)
        var sum = 0.0, beyond = 0
        for _ in 0..<n {
            let g = table.skip(rng)
            sum += Double(g)
            if g >= far { beyond += 1 }
        }
        let mean = (1 - p) / p, sd = (1 - p).squareRoot() / p
        #expect(abs(sum / Double(n) - mean) < 4 * sd / Double(n).squareRoot())
        let tail = _pow(1 - p, Double(far))
        #expect(abs(Double(beyond) / Double(n) - tail) < 4 * (tail * (1 - tail) / Double(n)).squareRoot())
    }

    @Test func extremes() {
        let rng = RandomStream(seed: 1, purpose: .test)
        let never = GeometricSkipTable(p: 0), always = GeometricSkipTable(p: 1)
        for _ in 0..<1_000 {
            #expect(never.skip(rng) == Int.max)
            #expect(always.skip(rng) == 0)
        }
        // Below about p = 0.001 the table would pass its cap: the logarithm takes over.
        #expect(GeometricSkipTable(p: 0.0005).count == 0)
        #expect(GeometricSkipTable(p: 0.0011).count <= GeometricSkipTable.maxCount)
    }
}
