/// The back-test's CSV files (RFC 4180, UTF-8, `\n`, a header; docs/output-format.md). An empty
/// cell is a value that cannot be computed (no naive forecast, a MAPE without a non-zero actual).
public enum BacktestTables {
    public static let header = ["account", "platform", "metric", "period", "start", "end", "actual", "median", "low80",
                                "high80", "low95", "high95", "naive"]
    public static let summaryHeader = ["account", "platform", "metric", "periods", "n", "mape", "wmape", "bias",
                                       "coverage80", "coverage95", "skill", "naive_mape", "zero_actuals", "fitted"]
    public static let postsHeader = ["account", "platform", "metric", "quantile", "simulated", "observed",
                                     "simulated_posts", "observed_posts", "fitted"]
    public static let ratesHeader = ["account", "platform", "rate", "simulated", "observed", "fitted"]

    /// `backtest.csv`: one row per series and period, series in the order given.
    public static func rows(_ series: [BacktestSeries]) -> [UInt8] {
        var csv = CSVWriter()
        csv.appendRow(header)
        for s in series {
            for (i, period) in s.periods.enumerated() {
                csv.append(s.account.account)
                csv.append(s.account.platform)
                csv.append(s.metric.rawValue)
                csv.append(period.label)
                csv.append(period.start.description)
                csv.append(period.end.description)
                let b = s.bands[i]
                for v in [s.actual[i], b.median, b.low80, b.high80, b.low95, b.high95] { csv.append(v) }
                optional(&csv, s.naive[i])
                csv.endRow()
            }
        }
        return csv.bytes
    }

    /// `backtest_summary.csv`: one row per series (account, metric, kind of period).
    public static func summary(_ series: [BacktestSeries], fitted: Bool) -> [UInt8] {
        var csv = CSVWriter()
        csv.appendRow(summaryHeader)
        for s in series {
            let scores = s.scores
            csv.append(s.account.account)
            csv.append(s.account.platform)
            csv.append(s.metric.rawValue)
            csv.append(s.kind.rawValue)
            csv.append(scores.periods)
            for v in [scores.mape, scores.wmape, scores.bias, scores.coverage80, scores.coverage95, scores.skill,
                      scores.naiveMAPE] {
                optional(&csv, v)
            }
            csv.append(scores.zeroActuals)
            csv.append(fitted ? "true" : "false")
            csv.endRow()
        }
        return csv.bytes
    }

    /// One account's per-post comparison of one metric.
    public struct PostComparison: Sendable {
        public var account: ObservedHistory.Account
        public var metric: BacktestMetric
        /// Values pooled over replicates and posts, and the observed posts' values.
        public var simulated: [Double]
        public var observed: [Double]
    }

    /// `posts_quantiles.csv`: per account and metric, the 10, 25, 50, 75 and 90 % quantiles of the
    /// simulated values per post (every replicate's every held-out post) and of the real ones.
    public static func postQuantiles(_ comparisons: [PostComparison], fitted: Bool) -> [UInt8] {
        var csv = CSVWriter()
        csv.appendRow(postsHeader)
        for c in comparisons {
            for q in BacktestMetrics.postQuantiles(simulated: c.simulated, observed: c.observed) {
                csv.append(c.account.account)
                csv.append(c.account.platform)
                csv.append(c.metric.rawValue)
                csv.append(q.probability)
                csv.append(q.simulated)
                csv.append(q.observed)
                csv.append(c.simulated.count)
                csv.append(c.observed.count)
                csv.append(fitted ? "true" : "false")
                csv.endRow()
            }
        }
        return csv.bytes
    }

    /// An engagement rate of one account over the held-out posts: actions per impression.
    public struct Rate: Sendable {
        public var account: ObservedHistory.Account
        /// `likes_per_impression`, `shares_per_impression`, `comments_per_impression`.
        public var name: String
        /// Σ actions / Σ impressions over the posts, pooled over replicates for `simulated`.
        public var simulated: Double?
        public var observed: Double?
    }

    /// `rates.csv`.
    public static func rates(_ rates: [Rate], fitted: Bool) -> [UInt8] {
        var csv = CSVWriter()
        csv.appendRow(ratesHeader)
        for r in rates {
            csv.append(r.account.account)
            csv.append(r.account.platform)
            csv.append(r.name)
            optional(&csv, r.simulated)
            optional(&csv, r.observed)
            csv.append(fitted ? "true" : "false")
            csv.endRow()
        }
        return csv.bytes
    }

    private static func optional(_ csv: inout CSVWriter, _ v: Double?) {
        if let v, v.isFinite { csv.append(v) } else { csv.appendMissing() }
    }
}
