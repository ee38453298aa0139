import Foundation

/// `weekly.csv`: one row per replicate × week × platform × segment (platform and segment `all`
/// included), columns `scenario, replicate, week, platform, segment` and then every `Metric` in
/// its order. Work metrics (posts, hours, spend, dropped posts) are empty in segment rows.
/// Weeks are numbered from 1, replicates from 1.
public enum WeeklyTable {
    public static var header: [String] {
        ["scenario", "replicate", "week", "platform", "segment"] + Metric.allCases.map(\.column)
    }

    public static func render(_ result: Simulation.Result, scenario: Scenario) -> [UInt8] {
        let layout = result.layout
        var csv = CSVWriter(reservingCapacity: result.replicates * layout.weeks * layout.platformSlots * layout.segmentSlots * 90)
        csv.appendRow(header)
        let names = RowNames(scenario)
        result.values.withUnsafeBufferPointer { values in
            for r in 0..<result.replicates {
                for w in 0..<layout.weeks {
                    for p in 0..<layout.platformSlots {
                        for s in 0..<layout.segmentSlots {
                            csv.append(scenario.name)
                            csv.append(r + 1)
                            csv.append(w + 1)
                            csv.append(names.platforms[p])
                            csv.append(names.segments[s])
                            let base = r * layout.perReplicate + layout.index(week: w, platform: p, segment: s, metric: .posts)
                            for m in 0..<MetricLayout.metricCount {
                                let v = values[base + m]
                                if v.isNaN { csv.appendMissing() } else { csv.append(v) }
                            }
                            csv.endRow()
                        }
                    }
                }
            }
        }
        return csv.bytes
    }
}

/// `summary.csv`: per week × platform × segment × metric, the mean, standard deviation and 5%,
/// 50%, 95% quantiles over replicates. Rows where the metric does not apply are omitted.
public enum SummaryTable {
    public static let header = ["scenario", "week", "platform", "segment", "metric", "mean", "sd", "p05", "p50", "p95"]

    public static func render(_ result: Simulation.Result, scenario: Scenario) -> [UInt8] {
        var csv = CSVWriter()
        csv.appendRow(header)
        let names = RowNames(scenario)
        let layout = result.layout
        var column = [Double](repeating: 0, count: result.replicates)
        for w in 0..<layout.weeks {
            for p in 0..<layout.platformSlots {
                for s in 0..<layout.segmentSlots {
                    for metric in Metric.allCases {
                        if metric.perPlatformOnly && s != layout.allSegments { continue }
                        let i = layout.index(week: w, platform: p, segment: s, metric: metric)
                        for r in 0..<result.replicates { column[r] = result.values[r * layout.perReplicate + i] }
                        let summary = Statistics.summarize(column)
                        csv.append(scenario.name)
                        csv.append(w + 1)
                        csv.append(names.platforms[p])
                        csv.append(names.segments[s])
                        csv.append(metric.column)
                        for v in [summary.mean, summary.sd, summary.p05, summary.p50, summary.p95] {
                            csv.append(Self.formatted(v))
                        }
                        csv.endRow()
                    }
                }
            }
        }
        return csv.bytes
    }

    /// Summaries keep 10 significant digits (`%.10g`): enough for any count, and free of the
    /// last-bit noise that makes two runs' files hard to diff.
    static func formatted(_ v: Double) -> String {
        v == 0 ? "0" : String(format: "%.10g", v)
    }
}

/// The `platform` and `segment` labels, `all` last.
struct RowNames {
    let platforms: [String]
    let segments: [String]

    init(_ scenario: Scenario) {
        platforms = scenario.platforms.map(\.name) + ["all"]
        segments = scenario.audience.resultSegments + ["all"]
    }
}
