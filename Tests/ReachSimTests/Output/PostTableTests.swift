import Foundation
import Testing
@testable import ReachSim

/// `reachsim run --posts`: the per-post block and `posts.csv` against the weekly totals they must
/// add up to, exactly (the same views counted twice), on a scenario with every source of views:
/// feeds' waves, shares and reposts, discovery, test batches and a paid boost.
@Suite struct PostTableTests {
    /// The boost scenario with €150 a month on Instagram, 6 weeks, every post recorded.
    static func scenario(posts: Bool) throws -> Scenario {
        var s = try ScenarioLoader.load(path: TestScenarios.packageRoot.appendingPathComponent("scenarios/boost-vs-organic.yaml").path)
        let instagram = try #require(s.platforms.firstIndex { $0.name == "instagram" })
        s.platforms[instagram].boost?.budget = .perMonth(150)
        s.horizonWeeks = 6
        s.replicates = 3
        if posts { s.postsRecorded = PostCatalog(s).entries.count }
        return s
    }

    /// Per replicate, the posts' impressions by source, reach of organic posts, likes, comments,
    /// shares and follows add up to the weeks' totals (platform and segment `all`); a paid
    /// campaign's reach is at most its impressions. Recording posts changes no weekly value.
    @Test func postsAddUpToTheWeeks() throws {
        let s = try Self.scenario(posts: true)
        let catalog = PostCatalog(s).entries
        #expect(catalog.contains { $0.paid } && catalog.contains { !$0.paid })
        let result = Simulation.run(try World.build(s), replicates: s.replicates, threads: 2)
        let plain = Simulation.run(try World.build(try Self.scenario(posts: false)), replicates: s.replicates, threads: 2)
        let layout = result.layout, all = layout.allPlatforms, everyone = layout.allSegments
        let pairs: [(PostMetric, Metric)] = [
            (.impressionsOrganic, .impressionsOrganic), (.impressionsShares, .impressionsShares),
            (.impressionsDiscovery, .impressionsDiscovery), (.impressionsPaid, .impressionsPaid),
            (.likes, .likes), (.comments, .comments), (.shares, .shares), (.follows, .followersGained),
        ]
        for r in 0..<s.replicates {
            func post(_ k: Int, _ m: PostMetric) -> Double { result.values[r * layout.perReplicate + layout.postIndex(post: k, metric: m)] }
            for (pm, m) in pairs {
                let fromPosts = catalog.indices.reduce(0.0) { $0 + post($1, pm) }
                let fromWeeks = (0..<layout.weeks).reduce(0.0) {
                    $0 + result.value(replicate: r, week: $1, platform: all, segment: everyone, metric: m)
                }
                #expect(fromPosts == fromWeeks, "\(pm.column), replicate \(r)")
                #expect(fromWeeks > 0 || pm == .comments, "\(pm.column) should happen in this scenario")
            }
            for (k, entry) in catalog.enumerated() {
                let views = post(k, .impressionsOrganic) + post(k, .impressionsShares) + post(k, .impressionsDiscovery)
                if entry.paid {
                    #expect(post(k, .reach) <= views + post(k, .impressionsPaid))
                } else {
                    #expect(post(k, .reach) == views && post(k, .impressionsPaid) == 0)
                }
            }
            for w in 0..<layout.weeks {
                for p in 0...all {
                    for m in Metric.allCases where !m.perPlatformOnly {
                        #expect(result.value(replicate: r, week: w, platform: p, segment: everyone, metric: m)
                                == plain.value(replicate: r, week: w, platform: p, segment: everyone, metric: m))
                    }
                }
            }
        }
    }

    /// The command writes posts.csv with a row per replicate × post and lists it in the manifest;
    /// `--posts` with `--shard` is refused before anything runs.
    @Test func runWritesPostsCSV() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = TestScenarios.packageRoot.appendingPathComponent("scenarios/museum-baseline.yaml").path
        let run = try CommandRunner.run(["run", path, "--replicates", "2", "--posts", "--quiet", "--out", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        var s = try ScenarioLoader.load(path: path)
        s.replicates = 2
        let catalog = PostCatalog(s).entries
        let text = try String(contentsOf: dir.appendingPathComponent("posts.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n")
        #expect(rows.first.map(String.init) == PostTable.header.joined(separator: ","))
        #expect(rows.count == 1 + 2 * catalog.count)
        let manifest = try Manifest.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("manifest.json"))))
        #expect(manifest.files.map(\.name).contains("posts.csv"))
        let refused = try CommandRunner.run(["run", path, "--posts", "--shard", "0/2", "--out", dir.path + "/s"])
        #expect(refused.status != 0 && refused.stderr.contains("--posts cannot be combined with --shard"))
    }
}
