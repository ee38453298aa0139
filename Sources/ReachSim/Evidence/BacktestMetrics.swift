/// The back-test's scores: pure functions of simulated replicates and actual values, checkable by
/// hand (Tests/ReachSimTests/Evidence/BacktestMetricsTests.swift works one case through).
///
/// Units are those of the series (impressions, likes, people); the scores are ratios (MAPE 0.25
/// is 25 %), coverage a share 0...1 of periods.
public enum BacktestMetrics {
    /// The replicates' distribution in one period: the predicted value (median) and the central
    /// 80 % (10 %-90 % quantiles) and 95 % (2.5 %-97.5 %) ranges, by `Statistics.quantiles`
    /// (linear interpolation between order statistics, type 7).
    public struct Band: Sendable, Equatable {
        public var median: Double
        public var low80: Double
        public var high80: Double
        public var low95: Double
        public var high95: Double

        public init(median: Double, low80: Double, high80: Double, low95: Double, high95: Double) {
            self.median = median
            self.low80 = low80
            self.high80 = high80
            self.low95 = low95
            self.high95 = high95
        }

        /// `low80 ≤ actual ≤ high80`.
        public func covers80(_ actual: Double) -> Bool { low80 <= actual && actual <= high80 }
        /// `low95 ≤ actual ≤ high95`.
        public func covers95(_ actual: Double) -> Bool { low95 <= actual && actual <= high95 }
    }

    /// The band of one period's replicate values (at least one).
    public static func band(_ replicates: [Double]) -> Band {
        let q = Statistics.quantiles(replicates, at: [0.5, 0.1, 0.9, 0.025, 0.975])
        return Band(median: q[0], low80: q[1], high80: q[2], low95: q[3], high95: q[4])
    }

    /// The scores of a series of periods. A score that cannot be computed is nil (an empty cell).
    public struct Scores: Sendable, Equatable {
        /// Periods scored.
        public var periods: Int
        /// Mean over periods with an actual above 0 of |median − actual| / actual. Periods whose
        /// actual is 0 are left out (the ratio is undefined) and counted in `zeroActuals`; nil
        /// when no period has an actual above 0.
        public var mape: Double?
        /// Σ|median − actual| / Σ actual over all periods (zeros included); nil when Σ actual = 0.
        public var wmape: Double?
        /// Mean over periods with an actual above 0 of (median − actual) / actual: negative when
        /// the model predicts too low.
        public var bias: Double?
        /// Share of periods with the actual inside the 80 % range (ends included).
        public var coverage80: Double?
        /// Share of periods with the actual inside the 95 % range.
        public var coverage95: Double?
        /// 1 − MAE_model / MAE_naive over the periods that have a naive forecast, with
        /// MAE = mean |forecast − actual|: 1 is perfect, 0 no better than the naive forecast,
        /// negative worse; nil without naive forecasts or when the naive forecast is exact.
        public var skill: Double?
        /// MAPE of the naive forecast, on the same periods and rule as `mape`.
        public var naiveMAPE: Double?
        /// Periods whose actual is 0 (left out of `mape`, `bias` and `naiveMAPE`).
        public var zeroActuals: Int
    }

    /// Scores `actual[i]` against `bands[i]`, with `naive[i]` the naive forecast of period i (nil
    /// where there is none).
    public static func scores(actual: [Double], bands: [Band], naive: [Double?]) -> Scores {
        precondition(actual.count == bands.count && actual.count == naive.count, "one band and naive value per period")
        let n = actual.count
        var ape: [Double] = [], signed: [Double] = [], naiveAPE: [Double] = []
        var absError = 0.0, total = 0.0, in80 = 0, in95 = 0
        var modelErrors: [Double] = [], naiveErrors: [Double] = []
        for i in 0..<n {
            let a = actual[i], m = bands[i].median
            absError += abs(m - a)
            total += a
            if a > 0 {
                ape.append(abs(m - a) / a)
                signed.append((m - a) / a)
            }
            if bands[i].covers80(a) { in80 += 1 }
            if bands[i].covers95(a) { in95 += 1 }
            if let f = naive[i] {
                modelErrors.append(abs(m - a))
                naiveErrors.append(abs(f - a))
                if a > 0 { naiveAPE.append(abs(f - a) / a) }
            }
        }
        func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }
        var skill: Double?
        if let model = mean(modelErrors), let baseline = mean(naiveErrors), baseline > 0 {
            skill = 1 - model / baseline
        }
        return Scores(periods: n, mape: mean(ape), wmape: total > 0 ? absError / total : nil, bias: mean(signed),
                      coverage80: n > 0 ? Double(in80) / Double(n) : nil,
                      coverage95: n > 0 ? Double(in95) / Double(n) : nil,
                      skill: skill, naiveMAPE: mean(naiveAPE), zeroActuals: actual.filter { $0 <= 0 }.count)
    }

    /// The naive forecast: the mean of the last three training months' values (fewer when the
    /// training has fewer; nil with none).
    public static func naive(trainingMonths values: [Double]) -> Double? {
        let last = values.suffix(3)
        return last.isEmpty ? nil : last.reduce(0, +) / Double(last.count)
    }

    /// The probabilities of the per-post comparison.
    public static let postProbabilities = [0.10, 0.25, 0.50, 0.75, 0.90]

    /// Per-post distributions side by side: for each of `postProbabilities`, the quantile of the
    /// simulated values (every replicate's every post, pooled) and of the observed values.
    public static func postQuantiles(simulated: [Double], observed: [Double]) -> [(probability: Double, simulated: Double, observed: Double)] {
        guard !simulated.isEmpty, !observed.isEmpty else { return [] }
        let s = Statistics.quantiles(simulated, at: postProbabilities)
        let o = Statistics.quantiles(observed, at: postProbabilities)
        return postProbabilities.indices.map { (probability: postProbabilities[$0], simulated: s[$0], observed: o[$0]) }
    }
}
