import Dispatch
import Synchronization
import Foundation

/// `reachsim calibrate`: a standard scenario per preset, and the published targets it must meet.
///
/// The standard scenario (`Calibration.scenario(for:)`): one account with 2,000 followers, an
/// audience of 30,000 people who all use the platform (one agent each), five segments from
/// 18-24 to 55+ including "rare openers" (0.3 sessions a day), affinity 1 everywhere; 4 weeks;
/// 100 replicates (400 for interest feeds, whose views are heavy-tailed).
/// Plans follow the published habits: ranked and chronological feeds 5 images a week (brands post
/// ~4.7 Facebook posts a week, Rival IQ 2024) at 7 h, when the session density of the next 3 hours
/// is the day's average (default profile: 1.015), so that the hour multiplier is ≈ 1; interest feeds 2 short videos a week (~2 TikTok videos a week,
/// Rival IQ 2024) at 19 h; live 1 event a week at 19 h.
///
/// Each post's tallies are recorded as it happens (`ReplicateRunner.onPost`); a replicate's value
/// is the mean over its posts, and a target reports the mean over replicates with its 90%
/// confidence interval (mean ± 1.645 standard errors). A target passes when that whole interval
/// lies within the target's accepted range.
public enum Calibration {
    public static let followers = 2_000
    public static let audienceSize = 30_000
    public static let weeks = 4
    public static let replicates = 100
    public static let seed: UInt64 = 20_260_401

    /// One row of the report.
    public struct Row: Sendable {
        public let target: String
        public let platform: String
        /// The published figure, as text.
        public let published: String
        public let source: String
        /// Accepted range of the simulated mean.
        public let low: Double
        public let high: Double
        public let mean: Double
        public let ciLow: Double
        public let ciHigh: Double
        /// For unit-free checks (orderings): the simulated value as text.
        public let simulatedText: String?
        public let passed: Bool
        /// True when the values are shares (printed as percentages), false for counts.
        public var isShare = true
    }

    /// Per-preset measurements, each a list of per-replicate values.
    struct Measured {
        var reachRate: [Double] = []
        var engagementPerFollower: [Double] = []
        var nonFollowerShare: [Double] = []
        var unshared: [Double] = []
        var discoveryViews: [Double] = []
        var rareSeen: [Double] = []
    }

    /// The standard calibration scenario of `preset`.
    public static func scenario(for preset: PlatformPreset, replicates: Int = replicates) -> Scenario {
        var posts = PlatformPreset.uniform(0)
        var hours = [7]
        switch preset.feed.kind {
        case .ranked, .chronological: posts[.image] = 5
        case .interest: posts[.shortVideo] = 2; hours = [19]
        case .live: posts[.live] = 1; hours = [19]
        }
        let platform = PlatformSpec(
            name: preset.name, preset: preset.name, feed: preset.feed, engagement: preset.engagement,
            churnPerWeek: preset.churnPerWeek, graph: preset.graph, productionHours: preset.productionHours,
            accounts: [AccountSpec(name: "main", followers: followers, plan: PlanSpec(postsPerWeek: posts, postingHours: hours))])
        func segment(_ name: String, _ age: AgeBand, _ share: Double, _ sessions: Double) -> SegmentSpec {
            SegmentSpec(name: name, age: age, locality: .local, share: share, affinity: 1, sessionsPerDay: sessions,
                        platformUse: [1])
        }
        let segments = [
            segment("young", .age18to24, 0.25, 8), segment("adults", .age25to34, 0.25, 6),
            segment("midlife", .age35to54, 0.30, 4), segment("seniors", .age55plus, 0.10, 3),
            segment("rare", .age35to54, 0.10, 0.3),
        ]
        return Scenario(
            name: "calibration-\(preset.name)", institution: "Calibration", horizonWeeks: weeks, replicates: replicates,
            seed: seed, audience: AudienceSpec(size: audienceSize, scale: 1, segments: segments, platformUseCorrelation: 0),
            team: TeamSpec(people: 1, hoursPerWeek: 1_000), platforms: [platform])
    }

    /// Interest feeds' views are heavy-tailed (a few posts are expanded batch after batch), so they
    /// run 4 times as many replicates for intervals as tight as the others'.
    public static func replicateFactor(_ preset: PlatformPreset) -> Int { preset.feed.kind == .interest ? 4 : 1 }

    /// Index of the "rare openers" segment in the standard scenario.
    static let rareSegment = 4

    static func measure(_ preset: PlatformPreset, replicates: Int) throws -> Measured {
        let scenario = scenario(for: preset, replicates: replicates)
        let world = try World.build(scenario)
        let runner = ReplicateRunner(world: world)
        let layout = world.layout
        var buffer = [Double](repeating: 0, count: layout.perReplicate)
        let initial = world.accounts[0].initialFollowers
        let f = Double(initial.count)
        let rareFollowers = Double(initial.filter { world.audience.segment(of: Int($0)) == rareSegment }.count)
        final class Tally {
            var posts = 0, reach = 0.0, engagement = 0.0, nonFollower = 0.0, views = 0.0, unshared = 0
        }
        let tally = Tally()
        runner.onPost = { _, c in
            tally.posts += 1
            tally.reach += Double(c.organicViews)
            tally.engagement += Double(c.engagements)
            tally.nonFollower += Double(c.nonFollowerViews)
            tally.views += Double(c.views)
            if c.shares == 0 { tally.unshared += 1 }
        }
        var m = Measured()
        for r in 0..<replicates {
            tally.posts = 0; tally.reach = 0; tally.engagement = 0; tally.nonFollower = 0; tally.views = 0; tally.unshared = 0
            buffer.withUnsafeMutableBufferPointer { runner.run(replicate: r, into: $0) }
            let n = Double(max(1, tally.posts))
            m.reachRate.append(tally.reach / n / f)
            m.engagementPerFollower.append(tally.engagement / n / f)
            m.nonFollowerShare.append(tally.views > 0 ? tally.nonFollower / tally.views : 0)
            m.unshared.append(Double(tally.unshared) / n)
            var discovery = 0.0, rareOrganic = 0.0
            for w in 0..<layout.weeks {
                discovery += buffer[layout.index(week: w, platform: 0, segment: layout.allSegments, metric: .impressionsDiscovery)]
                rareOrganic += buffer[layout.index(week: w, platform: 0, segment: rareSegment, metric: .impressionsOrganic)]
            }
            m.discoveryViews.append(discovery / n)
            m.rareSeen.append(rareFollowers > 0 ? rareOrganic / n / rareFollowers : 0)
        }
        return m
    }

    static func interval(_ xs: [Double]) -> (mean: Double, low: Double, high: Double) {
        let s = Statistics.summarize(xs)
        let half = 1.645 * s.sd / Double(xs.count).squareRoot()
        return (s.mean, s.mean - half, s.mean + half)
    }

    static func row(_ target: String, _ platform: String, published: String, source: String,
                    range: ClosedRange<Double>, _ xs: [Double], isShare: Bool = true) -> Row {
        let (mean, lo, hi) = interval(xs)
        return Row(target: target, platform: platform, published: published, source: source,
                   low: range.lowerBound, high: range.upperBound, mean: mean, ciLow: lo, ciHigh: hi,
                   simulatedText: nil, passed: lo >= range.lowerBound && hi <= range.upperBound, isShare: isShare)
    }

    /// Runs every preset's standard scenario and evaluates every target.
    /// - Parameter threads: presets simulated in parallel (the report does not depend on it).
    public static func run(replicates: Int = replicates, threads: Int = 2) throws -> [Row] {
        let presets = PlatformPreset.all
        let results = Mutex<[Measured?]>(Array(repeating: nil, count: presets.count))
        let failure = Mutex<Error?>(nil)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, presets.count))) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                if i >= presets.count { break }
                do {
                    let m = try measure(presets[i], replicates: replicates * replicateFactor(presets[i]))
                    results.withLock { $0[i] = m }
                } catch {
                    failure.withLock { $0 = error }
                }
            }
        }
        if let e = failure.withLock({ $0 }) { throw e }
        let measured = results.withLock { $0.map { $0! } }
        func m(_ name: String) -> Measured { measured[presets.firstIndex { $0.name == name }!] }
        var rows: [Row] = []

        rows.append(row("organic reach per post (share of followers)", "facebook", published: "5.5%",
                        source: "Hootsuite Digital 2019 (seed workshop: 5-6%)", range: 0.050...0.060, m("facebook").reachRate))
        rows.append(row("reach rate per post (share of followers)", "instagram", published: "13.51%",
                        source: "Socialinsider 2022 (933,200 posts); accepted ±10%", range: 0.1216...0.1486, m("instagram").reachRate))
        let engagement: [(String, Double)] = [("tiktok", 0.0569), ("instagram", 0.0047), ("facebook", 0.0006), ("x", 0.00035)]
        for (name, figure) in engagement {
            rows.append(row("engagements per follower per post", name, published: percent(figure),
                            source: "Rival IQ 2022 benchmark; accepted ±25%", range: (figure * 0.75)...(figure * 1.25),
                            m(name).engagementPerFollower))
        }
        let means = engagement.map { interval(m($0.0).engagementPerFollower) }
        let ordered = zip(means, means.dropFirst()).allSatisfy { $0.low > $1.high }
        rows.append(Row(target: "engagement per follower in the order TikTok > Instagram > Facebook > X", platform: "all",
                        published: "5.69% > 0.47% > 0.06% > 0.035%", source: "Rival IQ 2022 benchmark",
                        low: .nan, high: .nan, mean: .nan, ciLow: .nan, ciHigh: .nan,
                        simulatedText: means.map { percent($0.mean) }.joined(separator: " > "), passed: ordered))
        rows.append(row("share of views from non-followers", "tiktok", published: "most views",
                        source: "TikTok newsroom 2020: follower count not a direct factor; accepted > 50%",
                        range: 0.5...1, m("tiktok").nonFollowerShare))
        rows.append(row("share of views from non-followers", "x", published: "~50%",
                        source: "twitter/the-algorithm 2023: ~50% of For You candidates out of network; accepted 35-65%",
                        range: 0.35...0.65, m("x").nonFollowerShare))
        rows.append(row("share of a post seen by a rare opener (0.3 sessions a day)", "mastodon", published: "misses most posts",
                        source: "chronological timeline (Mastodon documentation); accepted < 50%", range: 0...0.5,
                        m("mastodon").rareSeen))
        rows.append(row("out-of-network views per post not through boosts", "mastodon", published: "0",
                        source: "reach only through followers and boosts (Mastodon documentation)", range: 0...0,
                        m("mastodon").discoveryViews, isShare: false))
        for p in presets where p.feed.kind != .live {
            rows.append(row("posts nobody reshares (cascade stops at the first step)", p.name, published: "70-95%",
                            source: "Goel, Watts, Goldstein, EC 2012", range: 0.70...0.95, m(p.name).unshared))
        }
        return rows
    }

    static func percent(_ x: Double) -> String {
        if x.isNaN { return "" }
        let v = x * 100
        let digits = v >= 10 ? 1 : (v >= 1 ? 2 : (v >= 0.1 ? 3 : 4))
        return String(format: "%.\(digits)f%%", v)
    }

    static func value(_ x: Double, _ r: Row) -> String { r.isShare ? percent(x) : PresetParameters.number(x) }

    static func simulated(_ r: Row) -> String {
        r.simulatedText ?? "\(value(r.mean, r)) [\(value(r.ciLow, r)), \(value(r.ciHigh, r))]"
    }

    static func accepted(_ r: Row) -> String {
        if r.low.isNaN { return "ordered" }
        return r.low == r.high ? value(r.low, r) : "\(value(r.low, r))-\(value(r.high, r))"
    }

    /// The report printed by `reachsim calibrate`.
    public static func text(_ rows: [Row]) -> String {
        var lines = ["Calibration: standard scenario per preset (\(PresetParameters.number(Double(followers))) followers, " +
                     "\(PresetParameters.number(Double(audienceSize))) people, \(weeks) weeks, " +
                     "\(replicates) replicates (interest feeds ×4), seed \(seed)); simulated mean [90% interval]."]
        for r in rows {
            lines.append("\(r.passed ? "PASS" : "FAIL")  \(r.platform): \(r.target)")
            lines.append("      target \(r.published) (accepted \(accepted(r))), simulated \(simulated(r)); source: \(r.source)")
        }
        let failed = rows.filter { !$0.passed }.count
        lines.append(failed == 0 ? "All \(rows.count) targets pass." : "\(failed) of \(rows.count) targets fail.")
        return lines.joined(separator: "\n")
    }

    /// calibration.csv: one row per target.
    public static func csv(_ rows: [Row]) -> String {
        var out = "platform,target,published,source,accepted_low,accepted_high,simulated_mean,ci90_low,ci90_high,simulated,pass\n"
        func q(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        func n(_ x: Double) -> String { x.isNaN ? "" : String(format: "%.6g", x) }
        for r in rows {
            out += [r.platform, r.target, r.published, r.source, n(r.low), n(r.high), n(r.mean), n(r.ciLow), n(r.ciHigh),
                    simulated(r), r.passed ? "true" : "false"].map(q).joined(separator: ",") + "\n"
        }
        return out
    }

    /// docs/calibration.md.
    public static func markdown(_ rows: [Row]) -> String {
        var out = """
        # Calibration report

        <!-- Generated by `swift run reachsim calibrate --out docs` (also writes docs/calibration.csv). -->

        Each preset runs a standard scenario: one account with \(PresetParameters.number(Double(followers))) followers, an audience of
        \(PresetParameters.number(Double(audienceSize))) people who all use the platform, \(weeks) weeks, \(replicates) replicates (×4 for interest
        feeds, whose views are heavy-tailed), seed \(seed)
        (see `Sources/ReachSim/Calibration/Calibration.swift`). Simulated values are means over
        replicates with their 90% confidence interval; a target passes when the whole interval lies
        in the accepted range.

        | result | platform | target | published | accepted | simulated [90% CI] | source |
        |---|---|---|---|---|---|---|

        """
        for r in rows {
            out += "| \(r.passed ? "pass" : "FAIL") | \(r.platform) | \(r.target) | \(r.published) | \(accepted(r)) | \(simulated(r)) | \(r.source) |\n"
        }
        return out
    }
}
