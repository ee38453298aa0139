import Foundation
import Testing
@testable import ReachSim

@Suite struct HillFitTests {
    /// Exact points of a known curve give back its parameters.
    @Test(arguments: [(0.8, 120.0), (1.0, 300.0), (2.2, 150.0)])
    func recoversAKnownCurve(alpha: Double, k: Double) throws {
        let truth = HillFit(alpha: alpha, k: k, r: 50_000, baseline: 90_000, rmse: 0, r2: 1, kAtBound: false)
        let x = stride(from: 0.0, through: 600, by: 50).map { $0 }
        let y = x.map { truth.value(at: $0) }
        let fit = try #require(HillFit.fit(x: x, y: y))
        #expect(abs(fit.alpha - alpha) / alpha < 0.01)
        #expect(abs(fit.k - k) / k < 0.01)
        #expect(abs(fit.r - 50_000) / 50_000 < 0.01)
        #expect(abs(fit.baseline - 90_000) < 50)
        #expect(fit.r2 > 0.99999 && !fit.kAtBound)
    }

    @Test func linearDataPutsKAtItsBound() throws {
        let x = [0.0, 100, 200, 300, 400]
        let fit = try #require(HillFit.fit(x: x, y: x.map { 1_000 + 3 * $0 }))
        #expect(fit.kAtBound)
        #expect(fit.r2 > 0.999)
    }

    @Test func tooFewPoints() {
        #expect(HillFit.fit(x: [0, 100], y: [1, 2]) == nil)
    }
}
