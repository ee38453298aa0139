import Foundation
import Testing
@testable import ReachSim

/// The two saturation curves of `reachsim sweep`: the exponential's fit, the choice by AICc, and
/// the bootstrap intervals over replicates.
@Suite struct SaturationComparisonTests {
    @Test(arguments: [80.0, 250.0, 900.0])
    func exponentialRecoversAKnownCurve(k: Double) throws {
        let truth = ExponentialFit(k: k, r: 50_000, baseline: 90_000, rmse: 0, r2: 1, kAtBound: false)
        let x = stride(from: 0.0, through: 600, by: 50).map { $0 }
        let fit = try #require(ExponentialFit.fit(x: x, y: x.map { truth.value(at: $0) }))
        #expect(abs(fit.k - k) / k < 1e-3)
        #expect(abs(fit.r - 50_000) / 50_000 < 1e-3)
        #expect(abs(fit.baseline - 90_000) < 1)
        #expect(fit.r2 > 0.999999 && !fit.kAtBound)
    }

    @Test func exponentialOfAStraightLinePutsKAtItsBound() throws {
        let x = [0.0, 100, 200, 300, 400]
        let fit = try #require(ExponentialFit.fit(x: x, y: x.map { 1_000 + 3 * $0 }))
        #expect(fit.kAtBound)
        // Only the first euro's reach R/K is identified: it is the line's slope.
        #expect(abs(fit.r / fit.k - 3) < 0.05)
    }

    /// Replicates around a true curve: a shared draw per replicate (the world, common to every
    /// budget under common random numbers) plus independent noise per budget.
    static func replicates(_ truth: (Double) -> Double, x: [Double], count: Int, seed: UInt64) -> [[Double]] {
        let rng = RandomStream(seed: seed, purpose: .test)
        let world = (0..<count).map { _ in 400 * rng.gaussian() }
        return x.map { xi in (0..<count).map { world[$0] + truth(xi) + 150 * rng.gaussian() } }
    }

    static let budgets = stride(from: 0.0, through: 600, by: 50).map { $0 }

    @Test func anSCurveChoosesHillAndItsIntervalsHoldTheTruth() throws {
        let truth = HillFit(alpha: 3, k: 300, r: 40_000, baseline: 100_000, rmse: 0, r2: 1, kAtBound: false)
        let y = Self.replicates(truth.value(at:), x: Self.budgets, count: 40, seed: 7)
        let c = try #require(SaturationComparison.compare(x: Self.budgets, replicates: y,
                                                          rng: RandomStream(seed: 1, purpose: .test)))
        #expect(c.chosen == .hill)
        let hill = c.fit(.hill)
        #expect((hill.preferredShare ?? 0) > 0.95)
        #expect(hill.aicc! < c.fit(.exponential).aicc!)
        for (name, value) in [("alpha", 3.0), ("k", 300), ("r", 40_000)] {
            let j = try #require(hill.curve.parameterNames.firstIndex(of: name))
            #expect(hill.low[j] <= value && value <= hill.high[j], "\(name): \(hill.low[j])-\(hill.high[j])")
            #expect(hill.low[j] < hill.parameters[j] && hill.parameters[j] < hill.high[j])
        }
        #expect(c.resamples == 200)
    }

    @Test func aConcaveCurveChoosesTheExponential() throws {
        let truth = ExponentialFit(k: 250, r: 40_000, baseline: 100_000, rmse: 0, r2: 1, kAtBound: false)
        let y = Self.replicates(truth.value(at:), x: Self.budgets, count: 40, seed: 8)
        let c = try #require(SaturationComparison.compare(x: Self.budgets, replicates: y,
                                                          rng: RandomStream(seed: 2, purpose: .test)))
        #expect(c.chosen == .exponential)
        let e = c.fit(.exponential)
        #expect((e.preferredShare ?? 0) > 0.5)
        for (j, value) in [250.0, 40_000].enumerated() {
            #expect(e.low[j] <= value && value <= e.high[j], "\(e.curve.parameterNames[j]): \(e.low[j])-\(e.high[j])")
        }
        // No α gives the Hill curve the exponential's shape (α = 1 is x/(x + K), which bends
        // later): with a parameter more, it still fits these points worse.
        #expect(c.fit(.hill).rmse > e.rmse)
    }

    @Test func tooFewBudgetsKeepTheExponentialWithoutAComparison() throws {
        let x = [0.0, 100, 200, 300, 400, 500]
        let truth = HillFit(alpha: 3, k: 250, r: 40_000, baseline: 100_000, rmse: 0, r2: 1, kAtBound: false)
        let c = try #require(SaturationComparison.compare(x: x, replicates: Self.replicates(truth.value(at:), x: x, count: 10, seed: 3),
                                                          resamples: 20, rng: RandomStream(seed: 3, purpose: .test)))
        #expect(c.chosen == .exponential)
        #expect(c.fit(.hill).aicc == nil && c.fit(.exponential).aicc != nil)
        #expect(c.fits.allSatisfy { $0.preferredShare == nil })
    }

    @Test func sameStreamSameCurves() throws {
        let truth = HillFit(alpha: 2, k: 200, r: 30_000, baseline: 50_000, rmse: 0, r2: 1, kAtBound: false)
        let y = Self.replicates(truth.value(at:), x: Self.budgets, count: 12, seed: 4)
        let a = try #require(SaturationComparison.compare(x: Self.budgets, replicates: y, resamples: 30,
                                                          rng: RandomStream(seed: 5, purpose: .test)))
        let b = try #require(SaturationComparison.compare(x: Self.budgets, replicates: y, resamples: 30,
                                                          rng: RandomStream(seed: 5, purpose: .test)))
        #expect(a.fits.map(\.low) == b.fits.map(\.low) && a.fits.map(\.high) == b.fits.map(\.high))
    }
}
