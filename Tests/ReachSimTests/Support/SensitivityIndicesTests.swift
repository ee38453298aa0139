import Foundation
import Testing
@testable import ReachSim

/// The library's Sobol and Morris estimators on functions whose indices are known in closed form.
/// Tolerances are 4 bootstrap standard errors (the 90% interval's half-width / 1.645).
@Suite struct SensitivityIndicesTests {
    /// Ishigami (a = 7, b = 0.1) on [−π, π]³: V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50),
    /// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 (Saltelli et al. 2008, sec. 4.9): S = 0.314, 0.442, 0;
    /// S_T = 0.558, 0.442, 0.244.
    @Test func sobolReproducesTheIshigamiIndices() {
        let a = 7.0, b = 0.1, pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        let first = [v1 / v, v2 / v, 0], total = [(v1 + v13) / v, v2 / v, v13 / v]
        let n = 4_096
        let design = SensitivityIndices.saltelliDesign(samples: n, dimensions: 3, rng: RandomStream(seed: 5, purpose: .test))
        let y = design.map { u -> Double in
            let x = u.map { -Double.pi + 2 * Double.pi * $0 }
            return sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])
        }
        let s = SensitivityIndices.sobol(outputs: y, samples: n, dimensions: 3, rng: RandomStream(seed: 6, purpose: .test))
        for i in 0..<3 {
            let seFirst = (s[i].firstHigh - s[i].firstLow) / (2 * 1.6448536269514722)
            let seTotal = (s[i].totalHigh - s[i].totalLow) / (2 * 1.6448536269514722)
            #expect(abs(s[i].first - first[i]) < 4 * seFirst, "S\(i + 1) \(s[i].first) vs \(first[i]) ± \(4 * seFirst)")
            #expect(abs(s[i].total - total[i]) < 4 * seTotal, "ST\(i + 1) \(s[i].total) vs \(total[i]) ± \(4 * seTotal)")
            // The intervals are informative, not wide enough to hold anything.
            #expect(seTotal < 0.05)
        }
    }

    /// y = Σ cᵢ xᵢ with xᵢ uniform: no interaction, Sᵢ = S_Tᵢ = cᵢ² / Σ c².
    @Test func sobolOfALinearModel() {
        let c = [1.0, 2, 3, 0]
        let n = 2_048
        let design = SensitivityIndices.saltelliDesign(samples: n, dimensions: 4, rng: RandomStream(seed: 7, purpose: .test))
        let y = design.map { u in zip(u, c).reduce(0) { $0 + $1.0 * $1.1 } }
        let s = SensitivityIndices.sobol(outputs: y, samples: n, dimensions: 4, rng: RandomStream(seed: 8, purpose: .test))
        let sum = c.reduce(0) { $0 + $1 * $1 }
        for i in 0..<4 {
            let truth = c[i] * c[i] / sum
            let se = max(1e-12, (s[i].totalHigh - s[i].totalLow) / (2 * 1.6448536269514722))
            #expect(abs(s[i].total - truth) < 4 * se, "ST\(i + 1) \(s[i].total) vs \(truth)")
            let seF = max(1e-12, (s[i].firstHigh - s[i].firstLow) / (2 * 1.6448536269514722))
            #expect(abs(s[i].first - truth) < 4 * seF, "S\(i + 1) \(s[i].first) vs \(truth)")
        }
        #expect(s[3].total == 0)   // an input the model ignores: f_A = f_AB exactly
    }

    /// Morris on y = Σ cᵢ xᵢ: every elementary effect of xᵢ is cᵢ, so μ* = |cᵢ|, μ = cᵢ, σ = 0,
    /// and μ* ranks the inputs by |cᵢ|. The design moves one coordinate by ±Δ per step and stays
    /// in the unit cube.
    @Test func morrisRanksALinearModel() {
        let c = [5.0, -1, 3, 0.5]
        let r = 12
        let design = SensitivityIndices.morrisDesign(trajectories: r, dimensions: 4, rng: RandomStream(seed: 9, purpose: .test))
        #expect(design.count == r * 5)
        #expect(design.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
        for t in 0..<r {
            for k in 0..<4 {
                let a = design[t * 5 + k], b = design[t * 5 + k + 1]
                let moved = (0..<4).filter { a[$0] != b[$0] }
                #expect(moved.count == 1 && abs(abs(b[moved[0]] - a[moved[0]]) - 2.0 / 3) < 1e-12)
            }
        }
        let y = design.map { u in zip(u, c).reduce(0) { $0 + $1.0 * $1.1 } }
        let m = SensitivityIndices.morris(design: design, outputs: y, dimensions: 4)
        for i in 0..<4 {
            #expect(abs(m[i].muStar - abs(c[i])) < 1e-9 && abs(m[i].mu - c[i]) < 1e-9 && m[i].sigma < 1e-9)
        }
        let order = (0..<4).sorted { m[$0].muStar > m[$1].muStar }
        #expect(order == [0, 2, 1, 3])
    }
}
