import CGSL

/// Summary statistics over replicates, computed with GSL.
public enum Statistics {
    /// Mean, sample standard deviation and the 5%, 50% and 95% quantiles of `values`.
    ///
    /// Quantiles use GSL's `gsl_stats_quantile_from_sorted_data` (linear interpolation between
    /// order statistics, type 7 in Hyndman & Fan). The standard deviation is 0 for a single value.
    public static func summarize(_ values: [Double]) -> Summary {
        precondition(!values.isEmpty, "summary of no values")
        var sorted = values
        return sorted.withUnsafeMutableBufferPointer { buf -> Summary in
            let n = buf.count
            let base = buf.baseAddress!
            let mean = gsl_stats_mean(base, 1, n)
            let sd = n > 1 ? gsl_stats_sd_m(base, 1, n, mean) : 0
            gsl_sort(base, 1, n)
            return Summary(
                mean: mean, sd: sd,
                p05: gsl_stats_quantile_from_sorted_data(base, 1, n, 0.05),
                p50: gsl_stats_quantile_from_sorted_data(base, 1, n, 0.50),
                p95: gsl_stats_quantile_from_sorted_data(base, 1, n, 0.95))
        }
    }

    /// The `probabilities` (each 0...1) quantiles of `values`, in the order given, with the same
    /// rule as `summarize` (GSL, linear interpolation between order statistics, type 7 in
    /// Hyndman & Fan): for sorted x₁ ≤ … ≤ xₙ, q(p) = x_k + f·(x_{k+1} − x_k) with
    /// k + f = 1 + (n − 1)·p.
    public static func quantiles(_ values: [Double], at probabilities: [Double]) -> [Double] {
        precondition(!values.isEmpty, "quantiles of no values")
        var sorted = values
        return sorted.withUnsafeMutableBufferPointer { buf -> [Double] in
            let n = buf.count
            let base = buf.baseAddress!
            gsl_sort(base, 1, n)
            return probabilities.map { gsl_stats_quantile_from_sorted_data(base, 1, n, $0) }
        }
    }

    /// Spearman's rank correlation of two equally long series (GSL; ties get their mean rank),
    /// −1...1; nil for fewer than 3 values or a constant series.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "spearman of series of different lengths")
        let n = x.count
        guard n >= 3, Set(x).count > 1, Set(y).count > 1 else { return nil }
        var a = x, b = y
        var work = [Double](repeating: 0, count: 2 * n)
        let r = a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeMutableBufferPointer { pb in
                work.withUnsafeMutableBufferPointer { pw in
                    gsl_stats_spearman(pa.baseAddress!, 1, pb.baseAddress!, 1, n, pw.baseAddress!)
                }
            }
        }
        return r.isFinite ? r : nil
    }

    /// Quantile function of the standard normal distribution (GSL).
    public static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }

    /// Cumulative distribution of the standard normal distribution (GSL).
    public static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

    /// Quantile function of Gamma(shape, scale) (GSL).
    public static func gammaQuantile(_ p: Double, shape: Double, scale: Double) -> Double {
        gsl_cdf_gamma_Pinv(p, shape, scale)
    }
}

/// Mean, standard deviation and quantiles of one metric over replicates.
public struct Summary: Sendable, Equatable {
    public var mean: Double
    public var sd: Double
    public var p05: Double
    public var p50: Double
    public var p95: Double
}
