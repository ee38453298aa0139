/// `accounts.csv`: one row per replicate × week × account, columns `scenario, replicate, week,
/// platform, account` and then every `Metric` in its order, for the audience as a whole.
///
/// An account's impressions, reach, engagement and new followers are those of its own posts
/// (reposts by amplifying accounts count for the post's author); its reach counts each person
/// once per week however many of its posts they saw, so accounts' reaches add up to more than the
/// platform's when audiences overlap. `followers`, posts, hours and dropped posts are the
/// account's; `spend` goes to the platform's first account (the one boosts are bought for).
public enum AccountTable {
    public static var header: [String] {
        ["scenario", "replicate", "week", "platform", "account"] + Metric.allCases.map(\.column)
    }

    public static func render(_ result: Simulation.Result, scenario: Scenario) -> [UInt8] {
        let layout = result.layout
        var labels: [(platform: String, account: String)] = []
        for platform in scenario.platforms {
            for account in platform.accounts { labels.append((platform: platform.name, account: account.name)) }
        }
        precondition(labels.count == layout.accounts, "the result's accounts do not match the scenario's")
        var csv = CSVWriter(reservingCapacity: result.replicates * layout.weeks * layout.accounts * 120)
        csv.appendRow(header)
        result.values.withUnsafeBufferPointer { values in
            for r in 0..<result.replicates {
                for w in 0..<layout.weeks {
                    for a in 0..<layout.accounts {
                        csv.append(scenario.name)
                        csv.append(r + 1)
                        csv.append(w + 1)
                        csv.append(labels[a].platform)
                        csv.append(labels[a].account)
                        let base = r * layout.perReplicate + layout.accountIndex(week: w, account: a, metric: .posts)
                        for m in 0..<MetricLayout.metricCount { csv.append(values[base + m]) }
                        csv.endRow()
                    }
                }
            }
        }
        return csv.bytes
    }
}
