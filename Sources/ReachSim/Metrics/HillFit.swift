import Foundation

/// A Hill saturation curve fitted to reach versus budget, the form media-mix models use
/// (Meta Robyn, Google Meridian):
///
///     y(x) = baseline + R · x^α / (x^α + K^α)
///
/// - `baseline`: reach without spend (organic);
/// - `R`: the most reach money can add (the level the curve saturates at);
/// - `K`: the half-saturation budget (x = K adds R/2), in the unit of x;
/// - `α`: the shape; α ≤ 1 is concave from the first euro, α > 1 is S-shaped.
///
/// In ReachSim the curve is a *summary* of simulated points, not the mechanism: reach saturates
/// because impressions land on a finite pool. Least squares over the points: for each (α, K) the
/// best `baseline` and `R ≥ 0` are a linear regression (closed form); α is searched on a grid
/// over 0.3...5 and K on a log grid over [min x / 20, max x × 1,000] (beyond, the curve departs
/// from a straight line by less than 0.1 % over the points), then both are refined by a
/// Nelder–Mead simplex. No dependency, and no local minimum traps a grid search cannot see.
public struct HillFit: Sendable, Equatable {
    public var alpha: Double
    public var k: Double
    public var r: Double
    public var baseline: Double
    /// Root mean squared error of the fit, in units of y.
    public var rmse: Double
    /// Share of the variance of y the curve explains (1 − SSE/SST; 1 when y is constant).
    public var r2: Double
    /// True when K sits at an end of its search range: the points do not show the half-saturation
    /// budget (typically no visible saturation in the swept range), so K and R are not identified.
    public var kAtBound: Bool

    /// y at budget x.
    public func value(at x: Double) -> Double {
        baseline + r * Self.shape(x, alpha: alpha, k: k)
    }

    static func shape(_ x: Double, alpha: Double, k: Double) -> Double {
        if x <= 0 { return 0 }
        // x^α / (x^α + K^α) = 1 / (1 + (K/x)^α), stable for large ratios.
        return 1 / (1 + pow(k / x, alpha))
    }

    /// Fits the curve; nil with fewer than 3 distinct x or no positive x.
    ///
    /// - Parameter start: skips the grid and starts the simplex there: a bootstrap resample refits
    ///   from the full data's optimum at a tenth of the cost.
    public static func fit(x: [Double], y: [Double], start: HillFit? = nil) -> HillFit? {
        precondition(x.count == y.count)
        let positive = x.filter { $0 > 0 }
        guard Set(x).count >= 3, let lo = positive.min(), let hi = positive.max() else { return nil }
        let kMin = lo / 20, kMax = hi * 1_000
        let aMin = 0.3, aMax = 5.0

        var best = (sse: Double.infinity, alpha: 1.0, k: hi, b: 0.0, r: 0.0)
        func evaluate(_ alpha: Double, _ k: Double) -> Double {
            let (b, r, sse) = linear(x: x, y: y, alpha: alpha, k: k)
            if sse < best.sse { best = (sse, alpha, k, b, r) }
            return sse
        }
        if let start {
            _ = evaluate(min(aMax, max(aMin, start.alpha)), min(kMax, max(kMin, start.k)))
        } else {
            for alpha in stride(from: aMin, through: aMax, by: 0.1) {
                for i in 0...120 {
                    _ = evaluate(alpha, kMin * pow(kMax / kMin, Double(i) / 120))
                }
            }
        }
        // Nelder–Mead refinement in (α, ln K) from the grid optimum, kept inside the bounds.
        let lkMin = log(kMin), lkMax = log(kMax)
        func f(_ p: (Double, Double)) -> Double {
            evaluate(min(aMax, max(aMin, p.0)), exp(min(lkMax, max(lkMin, p.1))))
        }
        nelderMead(start: (best.alpha, log(best.k)), steps: (0.1, log(kMax / kMin) / 120), f)
        let (rmse, r2) = SaturationLeastSquares.quality(y: y, sse: best.sse)
        let atBound = best.k <= kMin * 1.0001 || best.k >= kMax / 1.0001
        return HillFit(alpha: best.alpha, k: best.k, r: best.r, baseline: best.b, rmse: rmse, r2: r2, kAtBound: atBound)
    }

    /// Least-squares baseline and R ≥ 0 for fixed (α, K), and the sum of squared errors.
    static func linear(x: [Double], y: [Double], alpha: Double, k: Double) -> (Double, Double, Double) {
        SaturationLeastSquares.linear(x: x, y: y) { shape($0, alpha: alpha, k: k) }
    }

    /// Nelder–Mead simplex minimisation of f in two dimensions (standard coefficients 1, 2, ½, ½),
    /// 300 iterations; the caller records the best point through f.
    static func nelderMead(start: (Double, Double), steps: (Double, Double), _ f: ((Double, Double)) -> Double) {
        var simplex = [start, (start.0 + steps.0, start.1), (start.0, start.1 + steps.1)]
        var values = simplex.map(f)
        for _ in 0..<300 {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let c = ((simplex[0].0 + simplex[1].0) / 2, (simplex[0].1 + simplex[1].1) / 2)
            func along(_ t: Double) -> (Double, Double) {
                (c.0 + t * (simplex[2].0 - c.0), c.1 + t * (simplex[2].1 - c.1))
            }
            let r = along(-1), fr = f(r)
            if fr < values[0] {
                let e = along(-2), fe = f(e)
                if fe < fr { simplex[2] = e; values[2] = fe } else { simplex[2] = r; values[2] = fr }
            } else if fr < values[1] {
                simplex[2] = r; values[2] = fr
            } else {
                let k = along(fr < values[2] ? -0.5 : 0.5), fk = f(k)
                if fk < min(fr, values[2]) {
                    simplex[2] = k; values[2] = fk
                } else {
                    for i in 1...2 {
                        simplex[i] = ((simplex[0].0 + simplex[i].0) / 2, (simplex[0].1 + simplex[i].1) / 2)
                        values[i] = f(simplex[i])
                    }
                }
            }
        }
    }
}
