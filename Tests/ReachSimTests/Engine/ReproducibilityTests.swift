import Foundation
import Testing
@testable import ReachSim

/// Same scenario + seed → the same bytes, whatever the number of threads.
@Suite struct ReproducibilityTests {
    static let scenarioText = """
        name: repro
        horizon_weeks: 4
        replicates: 6
        seed: 7
        team: {hours_per_week: 6}
        audience:
          size: 6000
          segments:
            - {name: young, age: 18-24, share: 0.4, sessions_per_day: 8}
            - {name: older, age: 55+, share: 0.6, affinity: 1.3, sessions_per_day: 2}
        platforms:
          facebook:
            followers: 1500
            engagement: {share: 0.05}
            graph: {generator: chung_lu, mean_degree: 8}
            plan: {posts_per_week: {image: 3, short_video: 1}}
          mastodon:
            followers: 18
            engagement: {share: 0.1}
            plan: {posts_per_week: {text: 4}}
        """

    func run(threads: Int, seed: UInt64? = nil) throws -> (weekly: [UInt8], summary: [UInt8]) {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("repro.yaml")
        try Self.scenarioText.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        _ = try RunPipeline.run(scenarioPath: file.path,
                                options: .init(seed: seed, threads: threads, outputDirectory: out.path))
        let weekly = try [UInt8](Data(contentsOf: out.appendingPathComponent("weekly.csv")))
        let summary = try [UInt8](Data(contentsOf: out.appendingPathComponent("summary.csv")))
        return (weekly, summary)
    }

    @Test func threadsDoNotChangeTheBytes() throws {
        let one = try run(threads: 1), two = try run(threads: 2), three = try run(threads: 3)
        #expect(one.weekly == two.weekly)
        #expect(one.summary == two.summary)
        #expect(one.weekly == three.weekly)
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = try run(threads: 2), b = try run(threads: 2)
        #expect(a.weekly == b.weekly)
        #expect(a.summary == b.summary)
        let c = try run(threads: 2, seed: 8)
        #expect(a.weekly != c.weekly)
    }

    /// The weekly file has the documented columns, in order, and one row per
    /// replicate × week × platform slot (2 + all) × segment slot (young, older, outside, all).
    @Test func weeklyShape() throws {
        let weekly = String(decoding: try run(threads: 2).weekly, as: UTF8.self)
        let lines = weekly.split(separator: "\n")
        #expect(lines.first == "scenario,replicate,week,platform,segment,posts,hours,impressions_organic,impressions_shares,impressions_discovery,impressions_paid,reach,reach_cumulative,likes,comments,shares,followers,followers_gained,followers_lost,spend,posts_dropped,hours_dropped,followers_unique")
        #expect(lines.count == 1 + 6 * 4 * 3 * 4)
    }
}
