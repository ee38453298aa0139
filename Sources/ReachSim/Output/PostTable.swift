/// `posts.csv` (`reachsim run --posts`): one row per replicate × post, the posts of
/// `PostCatalog` in order (organic posts in publication order, then the week's paid campaigns),
/// so that simulated posts can be compared with an institution's real ones distribution against
/// distribution.
///
/// Columns: `scenario, replicate, platform, account, post` (1-based number of the post in the
/// run, the same post in every replicate), `week` (1-based), `day` (1-7, day of the simulated
/// week; empty for a campaign, which runs all week), `hour` (0-23), `format`, `paid`, then every
/// `PostMetric` in people.
public enum PostTable {
    public static var header: [String] {
        ["scenario", "replicate", "platform", "account", "post", "week", "day", "hour", "format", "paid"]
            + PostMetric.allCases.map(\.column)
    }

    public static func render(_ result: Simulation.Result, scenario: Scenario) -> [UInt8] {
        let layout = result.layout
        let catalog = PostCatalog(scenario).entries
        precondition(catalog.count == layout.posts, "the result does not record the scenario's posts")
        var labels: [(platform: String, account: String)] = []
        for platform in scenario.platforms {
            for account in platform.accounts { labels.append((platform: platform.name, account: account.name)) }
        }
        var csv = CSVWriter(reservingCapacity: result.replicates * catalog.count * 110)
        csv.appendRow(header)
        result.values.withUnsafeBufferPointer { values in
            for r in 0..<result.replicates {
                for (k, post) in catalog.enumerated() {
                    csv.append(scenario.name)
                    csv.append(r + 1)
                    csv.append(labels[post.account].platform)
                    csv.append(labels[post.account].account)
                    csv.append(k + 1)
                    csv.append(post.week + 1)
                    if let day = post.day { csv.append(day + 1) } else { csv.appendMissing() }
                    csv.append(post.hour)
                    csv.append(post.format.rawValue)
                    csv.append(post.paid ? "true" : "false")
                    let base = r * layout.perReplicate + layout.postIndex(post: k, metric: .impressionsOrganic)
                    for m in 0..<PostMetric.count { csv.append(values[base + m]) }
                    csv.endRow()
                }
            }
        }
        return csv.bytes
    }
}
