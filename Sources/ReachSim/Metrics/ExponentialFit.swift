import Foundation

/// The concave saturation curve: each extra euro buys a constant share less than the one before,
///
///     y(x) = baseline + R · (1 − e^(−x/K))
///
/// - `baseline`: reach without spend (organic);
/// - `R`: the most reach money can add;
/// - `K`: the budget at which 63 % of R is bought, in the unit of x; R/K is the reach per unit of
///   budget of the first euro.
///
/// One parameter fewer than `HillFit` and no bend: it is the curve of impressions landing at random
/// on a pool (each impression reaches someone new with the share of the pool not yet reached).
/// Least squares: for fixed K, `baseline` and `R ≥ 0` are a linear regression (closed form); K is
/// searched on a log grid over [min x / 20, max x × 1,000], then refined by golden-section search in
/// ln K between the grid neighbours of the best point.
public struct ExponentialFit: Sendable, Equatable {
    public var k: Double
    public var r: Double
    public var baseline: Double
    /// Root mean squared error of the fit, in units of y.
    public var rmse: Double
    /// Share of the variance of y the curve explains (1 − SSE/SST; 1 when y is constant).
    public var r2: Double
    /// True when K sits at an end of its search range: at the top, the points show no saturation
    /// (a straight line; only R/K is identified); at the bottom, the whole effect is bought by the
    /// first budget tested.
    public var kAtBound: Bool

    /// y at budget x.
    public func value(at x: Double) -> Double {
        baseline + r * Self.shape(x, k: k)
    }

    static func shape(_ x: Double, k: Double) -> Double {
        x <= 0 ? 0 : -expm1(-x / k)
    }

    /// Fits the curve; nil with fewer than 3 distinct x or no positive x.
    public static func fit(x: [Double], y: [Double]) -> ExponentialFit? {
        precondition(x.count == y.count)
        let positive = x.filter { $0 > 0 }
        guard Set(x).count >= 3, let lo = positive.min(), let hi = positive.max() else { return nil }
        let lkMin = log(lo / 20), lkMax = log(hi * 1_000)
        let steps = 240
        var best = (sse: Double.infinity, lk: lkMax, b: 0.0, r: 0.0)
        func evaluate(_ lk: Double) -> Double {
            let k = exp(lk)
            let (b, r, sse) = SaturationLeastSquares.linear(x: x, y: y) { shape($0, k: k) }
            if sse < best.sse { best = (sse, lk, b, r) }
            return sse
        }
        var gridBest = 0, gridSSE = Double.infinity
        for i in 0...steps {
            let sse = evaluate(lkMin + (lkMax - lkMin) * Double(i) / Double(steps))
            if sse < gridSSE { gridSSE = sse; gridBest = i }
        }
        // Golden-section search between the grid neighbours of the best grid point.
        let h = (lkMax - lkMin) / Double(steps)
        var a = lkMin + h * Double(max(0, gridBest - 1)), c = lkMin + h * Double(min(steps, gridBest + 1))
        let g = (5.0.squareRoot() - 1) / 2
        var u = c - g * (c - a), v = a + g * (c - a)
        var fu = evaluate(u), fv = evaluate(v)
        for _ in 0..<60 {
            if fu < fv { c = v; v = u; fv = fu; u = c - g * (c - a); fu = evaluate(u) }
            else { a = u; u = v; fu = fv; v = a + g * (c - a); fv = evaluate(v) }
        }
        let k = exp(best.lk)
        let (rmse, r2) = SaturationLeastSquares.quality(y: y, sse: best.sse)
        let atBound = best.lk <= lkMin + 1e-9 || best.lk >= lkMax - 1e-9
        return ExponentialFit(k: k, r: best.r, baseline: best.b, rmse: rmse, r2: r2, kAtBound: atBound)
    }
}

/// What the two saturation curves share: for a fixed shape h(x), the least-squares `baseline` and
/// `R ≥ 0` of y = baseline + R · h(x), and the quality of a fit.
enum SaturationLeastSquares {
    /// Least-squares baseline and R ≥ 0 for the shape h, and the sum of squared errors.
    static func linear(x: [Double], y: [Double], shape: (Double) -> Double) -> (Double, Double, Double) {
        let n = Double(x.count)
        var sh = 0.0, shh = 0.0, sy = 0.0, shy = 0.0
        for i in x.indices {
            let h = shape(x[i])
            sh += h; shh += h * h; sy += y[i]; shy += h * y[i]
        }
        let det = n * shh - sh * sh
        var r = det > 1e-300 ? (n * shy - sh * sy) / det : 0
        if r < 0 { r = 0 }
        let b = (sy - r * sh) / n
        var sse = 0.0
        for i in x.indices {
            let e = y[i] - b - r * shape(x[i])
            sse += e * e
        }
        return (b, r, sse)
    }

    /// Root mean squared error, and the share of the variance explained (1 when y is constant).
    static func quality(y: [Double], sse: Double) -> (rmse: Double, r2: Double) {
        let n = Double(y.count)
        let mean = y.reduce(0, +) / n
        let sst = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return ((sse / n).squareRoot(), sst > 0 ? 1 - sse / sst : 1)
    }
}
