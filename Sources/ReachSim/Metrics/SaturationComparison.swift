import Foundation

/// Which saturation curve summarises reach against budget better, the S-shaped Hill curve of
/// media-mix models or the concave exponential, and how well the simulated points pin down each
/// curve's parameters.
///
/// The choice is by AICc (Akaike's criterion with the small-sample correction), so the Hill curve's
/// extra parameter must buy a real reduction of error: with least squares over n points,
///
///     AICc = n ln(SSE/n) + 2p + 2p(p + 1)/(n − p − 1),
///
/// p counting the error variance (4 for the exponential, 5 for Hill). The criterion needs
/// n > p + 1: with fewer than 7 budgets the curves are not compared and the simpler one, the
/// exponential, is kept. Intervals come from a bootstrap over replicates: each resample draws the
/// replicates with replacement, the same draw at every budget (the variants share their random
/// streams, so a replicate is one draw of the world at every budget), and refits both curves to
/// the resampled means.
public struct SaturationComparison: Sendable {
    public enum Curve: String, Sendable, CaseIterable {
        case exponential, hill

        /// Names of the parameters, in the order of `Fitted.parameters`.
        public var parameterNames: [String] {
            switch self {
            case .exponential: ["k", "r", "baseline"]
            case .hill: ["alpha", "k", "r", "baseline"]
            }
        }

        /// Parameters AICc counts: the curve's and the error variance.
        var criterionParameters: Int { parameterNames.count + 1 }
    }

    /// One curve fitted to the replicates' means, with its bootstrap intervals.
    public struct Fitted: Sendable {
        public let curve: Curve
        /// In the order of `curve.parameterNames`.
        public let parameters: [Double]
        /// 5 % and 95 % quantiles of each parameter over the resamples.
        public let low: [Double]
        public let high: [Double]
        /// Root mean squared error (units of y) and share of variance explained.
        public let rmse: Double
        public let r2: Double
        /// nil when there are too few points for the criterion.
        public let aicc: Double?
        /// K at an end of its search range: K and R are not identified by the points.
        public let kAtBound: Bool
        /// Share of resamples in which this curve has the lower AICc (nil when not compared).
        public let preferredShare: Double?

        public func parameter(_ name: String) -> Double? {
            curve.parameterNames.firstIndex(of: name).map { parameters[$0] }
        }

        /// y at budget x.
        public func value(at x: Double) -> Double {
            switch curve {
            case .exponential: parameters[2] + parameters[1] * ExponentialFit.shape(x, k: parameters[0])
            case .hill: parameters[3] + parameters[2] * HillFit.shape(x, alpha: parameters[0], k: parameters[1])
            }
        }
    }

    /// The exponential, then the Hill curve.
    public let fits: [Fitted]
    public let chosen: Curve
    /// Distinct budgets (points) and bootstrap resamples behind the fits.
    public let points: Int
    public let resamples: Int

    public func fit(_ curve: Curve) -> Fitted { fits.first { $0.curve == curve }! }

    /// Fits both curves to the mean over replicates at each budget and bootstraps them.
    ///
    /// - Parameters:
    ///   - x: budgets, one per point.
    ///   - replicates: per point, the value of each replicate (the same count at every point;
    ///     replicate r of every point is the same draw of the world).
    /// - Returns: nil when the curves cannot be fitted (fewer than 3 distinct x, no positive x).
    public static func compare(x: [Double], replicates: [[Double]], resamples: Int = 200,
                               rng: RandomStream) -> SaturationComparison? {
        precondition(x.count == replicates.count && !x.isEmpty)
        let n = replicates[0].count
        precondition(n > 0 && replicates.allSatisfy { $0.count == n })
        let y = replicates.map { $0.reduce(0, +) / Double(n) }
        guard let expo = ExponentialFit.fit(x: x, y: y), let hill = HillFit.fit(x: x, y: y) else { return nil }
        let floor = Self.sseFloor(y)
        let comparable = Curve.allCases.allSatisfy { aicc(sse: 0, points: x.count, curve: $0, floor: floor) != nil }

        var samples: [Curve: [[Double]]] = [.exponential: [], .hill: []]
        var hillPreferred = 0
        var means = [Double](repeating: 0, count: x.count)
        for _ in 0..<resamples {
            let draw = (0..<n).map { _ in rng.below(n) }
            for i in x.indices {
                var t = 0.0
                for r in draw { t += replicates[i][r] }
                means[i] = t / Double(n)
            }
            guard let e = ExponentialFit.fit(x: x, y: means), let h = HillFit.fit(x: x, y: means, start: hill) else { continue }
            samples[.exponential]!.append([e.k, e.r, e.baseline])
            samples[.hill]!.append([h.alpha, h.k, h.r, h.baseline])
            if comparable, let ah = aicc(rmse: h.rmse, points: x.count, curve: .hill, floor: floor),
               let ae = aicc(rmse: e.rmse, points: x.count, curve: .exponential, floor: floor), ah < ae {
                hillPreferred += 1
            }
        }
        let done = samples[.exponential]!.count
        let criterion = [Curve.exponential: aicc(rmse: expo.rmse, points: x.count, curve: .exponential, floor: floor),
                         .hill: aicc(rmse: hill.rmse, points: x.count, curve: .hill, floor: floor)]
        var chosen = Curve.exponential
        if comparable, let ah = criterion[.hill]!, let ae = criterion[.exponential]!, ah < ae { chosen = .hill }

        func fitted(_ curve: Curve, _ values: [Double], rmse: Double, r2: Double, atBound: Bool) -> Fitted {
            let draws = samples[curve]!
            var low = values, high = values
            if !draws.isEmpty {
                for j in values.indices {
                    let q = Statistics.quantiles(draws.map { $0[j] }, at: [0.05, 0.95])
                    low[j] = q[0]; high[j] = q[1]
                }
            }
            let hillShare = done > 0 ? Double(hillPreferred) / Double(done) : nil
            return Fitted(curve: curve, parameters: values, low: low, high: high, rmse: rmse, r2: r2,
                          aicc: criterion[curve]!, kAtBound: atBound,
                          preferredShare: comparable ? hillShare.map { curve == .hill ? $0 : 1 - $0 } : nil)
        }
        return SaturationComparison(
            fits: [fitted(.exponential, [expo.k, expo.r, expo.baseline], rmse: expo.rmse, r2: expo.r2, atBound: expo.kAtBound),
                   fitted(.hill, [hill.alpha, hill.k, hill.r, hill.baseline], rmse: hill.rmse, r2: hill.r2, atBound: hill.kAtBound)],
            chosen: chosen, points: x.count, resamples: done)
    }

    /// AICc of a least-squares fit with this RMSE over `points` points; nil when n ≤ p + 1.
    static func aicc(rmse: Double, points: Int, curve: Curve, floor: Double) -> Double? {
        aicc(sse: rmse * rmse * Double(points), points: points, curve: curve, floor: floor)
    }

    static func aicc(sse: Double, points: Int, curve: Curve, floor: Double) -> Double? {
        let n = Double(points), p = Double(curve.criterionParameters)
        guard n > p + 1 else { return nil }
        return n * log(max(sse, floor) / n) + 2 * p + 2 * p * (p + 1) / (n - p - 1)
    }

    /// A floor under the SSE, so that points a curve fits exactly (to rounding) compare as equal
    /// rather than as ln 0: a relative error of 10⁻⁹ at every point.
    static func sseFloor(_ y: [Double]) -> Double {
        let scale = max(1, y.reduce(0) { $0 + abs($1) } / Double(y.count))
        return Double(y.count) * (1e-9 * scale) * (1e-9 * scale)
    }
}
