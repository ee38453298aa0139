import Testing
@testable import ReachSim

@Suite struct AliasTableTests {
    /// Each frequency within 4 binomial standard errors of its probability; weight 0 never drawn.
    @Test func frequenciesMatchWeights() {
        let weights = [1.0, 2, 3, 0, 4, 0.5]
        let table = AliasTable(weights: weights)
        let rng = RandomStream(seed: 3, purpose: .test)
        let draws = 200_000
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<draws { counts[Int(table.draw(rng))] += 1 }
        let total = weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            let p = w / total
            let se = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(Double(counts[i]) / Double(draws) - p) <= 4 * se, "entry \(i)")
        }
        #expect(counts[3] == 0)
    }

    /// Draws return the entries' values.
    @Test func values() {
        let table = AliasTable(weights: [0, 1, 0, 3], values: [10, 11, 12, 13])
        let rng = RandomStream(seed: 5, purpose: .test)
        var seen = Set<UInt32>()
        for _ in 0..<1_000 { seen.insert(table.draw(rng)) }
        #expect(seen == [11, 13])
    }

    @Test func singleEntry() {
        let table = AliasTable(weights: [5])
        let rng = RandomStream(seed: 4, purpose: .test)
        for _ in 0..<100 { #expect(table.draw(rng) == 0) }
    }
}
