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
///
/// Always the exact engine (`EngineKind.exact`), whatever `--engine` other commands take: the
/// per-post hooks it records through are `ReplicateRunner`'s, and the presets are calibrated on
/// the reference sampler (the grouped engine is measured against it in docs/engines.md).
public enum Calibration {
    public static let followers = 2_000
    public static let audienceSize = 30_000
    public static let weeks = 4
    public static let replicates = 100
    public static let seed: UInt64 = 20_260_401

    /// Whether a target checks what a preset was tuned to or what it was not.
    public enum Sample: String, Sendable {
        /// "Reproduces what it was tuned to": a parameter was chosen so that this target passes
        /// (in the standard scenario), so passing shows the tuning holds, not that the model predicts.
        case inSample = "in-sample"
        /// "Predicts what it was not tuned to": no parameter was chosen for it (other account
        /// sizes, other periods, real per-post data); it may fail, and a failure is reported with
        /// its gap rather than tuned away.
        case outOfSample = "out-of-sample"
    }

    /// One row of the report.
    public struct Row: Sendable {
        public var sample: Sample = .inSample
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
        var rareSeen: [Double] = []
        /// Median over the replicate's posts of the views of a post, in people.
        var medianViews: [Double] = []
        /// Likes, and shares, per view over the replicate's posts (sums over posts).
        var likesPerView: [Double] = []
        var sharesPerView: [Double] = []
        /// Median over posts of the share of a post's viewers who do not follow the account (a
        /// person views a post at most once, so views are the post's reach).
        var outsideFollowersShare: [Double] = []
        /// Median over posts of the share of the initial followers who saw the post (any way).
        var followersReachedShare: [Double] = []
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
            accounts: [AccountSpec(name: "main", followers: followers, plan: PlanSpec(postsPerWeek: posts, postingHours: hours))],
            overposting: preset.overposting)
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
        try measure(scenario(for: preset, replicates: replicates))
    }

    /// Simulates `scenario` (one platform, one account) replicate by replicate and records each
    /// post's tallies as it happens.
    static func measure(_ scenario: Scenario) throws -> Measured {
        let replicates = scenario.replicates
        let world = try World.build(scenario)
        let runner = ReplicateRunner(world: world)
        let layout = world.layout
        var buffer = [Double](repeating: 0, count: layout.perReplicate)
        let initial = world.accounts[0].initialFollowers
        let f = Double(initial.count)
        let scale = Double(scenario.audience.scale)
        let rare = scenario.audience.segments.count > rareSegment ? rareSegment : -1
        let rareFollowers = Double(initial.filter { world.audience.segment(of: Int($0)) == rare }.count)
        final class Tally {
            var posts = 0, reach = 0.0, engagement = 0.0, nonFollower = 0.0, views = 0.0, unshared = 0
            var likes = 0.0, shares = 0.0
            var perPostViews: [Double] = [], outside: [Double] = [], followersSeen: [Double] = []
        }
        let tally = Tally()
        runner.onPost = { _, c in
            tally.posts += 1
            tally.reach += Double(c.organicViews)
            tally.engagement += Double(c.engagements)
            tally.nonFollower += Double(c.nonFollowerViews)
            tally.views += Double(c.views)
            tally.likes += Double(c.likes)
            tally.shares += Double(c.shares)
            if c.shares == 0 { tally.unshared += 1 }
            tally.perPostViews.append(Double(c.views) * scale)
            if c.views > 0 { tally.outside.append(Double(c.nonFollowerViews) / Double(c.views)) }
            tally.followersSeen.append(f > 0 ? Double(c.views - c.nonFollowerViews) / f : 0)
        }
        var m = Measured()
        for r in 0..<replicates {
            tally.posts = 0; tally.reach = 0; tally.engagement = 0; tally.nonFollower = 0; tally.views = 0; tally.unshared = 0
            tally.likes = 0; tally.shares = 0; tally.perPostViews = []; tally.outside = []; tally.followersSeen = []
            buffer.withUnsafeMutableBufferPointer { runner.run(replicate: r, into: $0) }
            let n = Double(max(1, tally.posts))
            m.reachRate.append(tally.reach / n / f)
            m.engagementPerFollower.append(tally.engagement / n / f)
            m.nonFollowerShare.append(tally.views > 0 ? tally.nonFollower / tally.views : 0)
            m.unshared.append(Double(tally.unshared) / n)
            m.likesPerView.append(tally.views > 0 ? tally.likes / tally.views : 0)
            m.sharesPerView.append(tally.views > 0 ? tally.shares / tally.views : 0)
            m.medianViews.append(median(tally.perPostViews))
            m.outsideFollowersShare.append(median(tally.outside))
            m.followersReachedShare.append(median(tally.followersSeen))
            var rareOrganic = 0.0
            if rare >= 0 {
                for w in 0..<layout.weeks {
                    rareOrganic += buffer[layout.index(week: w, platform: 0, segment: rare, metric: .impressionsOrganic)]
                }
            }
            m.rareSeen.append(rareFollowers > 0 ? rareOrganic / scale / n / rareFollowers : 0)
        }
        return m
    }

    static func median(_ xs: [Double]) -> Double {
        if xs.isEmpty { return .nan }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
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
        rows.append(row("share of views from non-followers", "x", published: "~50%",
                        source: "twitter/the-algorithm 2023: ~50% of For You candidates out of network; accepted 35-65%",
                        range: 0.35...0.65, m("x").nonFollowerShare))
        for p in presets where p.feed.kind != .live {
            rows.append(row("posts nobody reshares, per post (2,000 followers)", p.name, published: "70-95% (of cascades)",
                            source: "Goel, Watts, Goldstein, EC 2012, read per post (docs/calibration.md)",
                            range: 0.70...0.95, m(p.name).unshared))
        }
        let sized = try measureSizes(replicates: outOfSampleReplicates)
        let size = sizeRows(sized, standard: m)
        return rows + size.inSample + (try realDataRows(replicates: outOfSampleReplicates, standard: m, sized: sized))
            + size.outOfSample
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

    /// In-sample rows that fail: what makes `reachsim calibrate` (and the test suite) fail.
    /// Out-of-sample rows are reported whatever they show.
    public static func failures(_ rows: [Row]) -> [Row] { rows.filter { $0.sample == .inSample && !$0.passed } }

    static let headings: [(Sample, String)] = [
        (.inSample, "In-sample: reproduces what it was tuned to"),
        (.outOfSample, "Out-of-sample: predicts what it was not tuned to"),
    ]

    static func tally(_ rows: [Row], _ sample: Sample) -> String {
        let own = rows.filter { $0.sample == sample }
        return "\(own.filter(\.passed).count) of \(own.count) pass"
    }

    /// The report printed by `reachsim calibrate`.
    public static func text(_ rows: [Row]) -> String {
        var lines = ["Calibration: standard scenario per preset (\(PresetParameters.number(Double(followers))) followers, " +
                     "\(PresetParameters.number(Double(audienceSize))) people, \(weeks) weeks, " +
                     "\(replicates) replicates (interest feeds ×4), seed \(seed)), and out-of-sample scenarios shaped like " +
                     "real accounts (\(outOfSampleReplicates) replicates); simulated mean [90% interval of the mean]."]
        for (sample, heading) in headings where rows.contains(where: { $0.sample == sample }) {
            lines.append("")
            lines.append(heading + ":")
            for r in rows where r.sample == sample {
                lines.append("\(r.passed ? "PASS" : "FAIL")  \(r.platform): \(r.target)")
                lines.append("      target \(r.published) (accepted \(accepted(r))), simulated \(simulated(r))\(gap(r)); source: \(r.source)")
            }
        }
        lines.append("")
        lines.append("In-sample: \(tally(rows, .inSample)) (required). Out-of-sample: \(tally(rows, .outOfSample)) (reported, not required).")
        return lines.joined(separator: "\n")
    }

    /// ", 31% below the accepted range's lower bound" for a failing row with a range; "" otherwise.
    static func gap(_ r: Row) -> String {
        guard !r.passed, !r.low.isNaN else { return "" }
        func rel(_ a: Double, _ b: Double) -> String { b == 0 ? PresetParameters.number(a - b) : String(format: "%.0f%%", 100 * abs(a - b) / b) }
        if r.mean < r.low { return ", \(rel(r.mean, r.low)) below the accepted range's lower bound" }
        if r.mean > r.high { return ", \(rel(r.mean, r.high)) above its upper bound" }
        return ", its interval crosses a bound"
    }

    /// calibration.csv: one row per target.
    public static func csv(_ rows: [Row]) -> String {
        var out = "sample,platform,target,published,source,accepted_low,accepted_high,simulated_mean,ci90_low,ci90_high,simulated,pass\n"
        func q(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        func n(_ x: Double) -> String { x.isNaN ? "" : String(format: "%.6g", x) }
        for r in rows {
            out += [r.sample.rawValue, r.platform, r.target, r.published, r.source, n(r.low), n(r.high), n(r.mean), n(r.ciLow),
                    n(r.ciHigh), simulated(r), r.passed ? "true" : "false"].map(q).joined(separator: ",") + "\n"
        }
        return out
    }

    /// docs/calibration.md.
    public static func markdown(_ rows: [Row]) -> String {
        // The cascade section's figures, from the rows (Poisson shares: P(none) = e^−mean).
        let unshared = rows.filter { $0.sample == .inSample && $0.target.hasPrefix("posts nobody reshares") }.map(\.mean)
        let unsharedRange = unshared.isEmpty ? "most"
            : "\(String(format: "%.0f", 100 * unshared.min()!))-\(String(format: "%.0f", 100 * unshared.max()!))%"
        let at20k = rows.first { $0.platform == "facebook" && $0.target == "posts nobody reshares, per post (20,000 followers)" }?.mean ?? .nan
        let sharesAt20k = at20k > 0 ? String(format: "%.1f", -log(at20k)) : "?"
        let unsharedAt20k = at20k.isNaN ? "?" : String(format: "%.0f%%", 100 * at20k)
        var out = """
        # Calibration report

        <!-- Generated by `swift run reachsim calibrate --out docs` (also writes docs/calibration.csv). -->

        Two kinds of targets, reported apart:

        - **In-sample: reproduces what it was tuned to.** A preset parameter was chosen so that the
          target passes in the standard scenario: one account with \(PresetParameters.number(Double(followers))) followers, an audience
          of \(PresetParameters.number(Double(audienceSize))) people who all use the platform, \(weeks) weeks, \(replicates) replicates (×4 for
          interest feeds, whose views are heavy-tailed), seed \(seed). Passing shows the tuning holds
          (a change to the engine that moves these numbers is caught); it is not evidence that the
          model predicts anything. Organic reach echoes `base_visibility`; engagement per follower
          echoes the engagement rates; X's out-of-network share echoes `discovery_per_engagement`;
          the cascade rows echo the share rates; reach at 20,000 and 200,000 followers echoes
          `size_exponent`, fitted to Social@Ogilvy's (Facebook) and Socialinsider's (Instagram)
          size pairs (below). Two parameters are fitted to real per-post data, in scenarios shaped
          like the account (below), and checked there: X's `base_visibility` to rOpenSci's median
          impressions of 2018, Facebook's `discovery_per_engagement` to the UCI page's non-fan
          share of reach in January-June 2014. Each fit rescaled parameters tuned before it, so
          that their targets still hold (X: engagement rates ÷ 2.375 and discovery per engagement
          × 2.375 with reach × 2.375; Facebook: engagement rates × 0.65 for the non-fans'
          engagement; docs/presets.md says which).
        - **Out-of-sample: predicts what it was not tuned to.** Other years and halves of the same
          real accounts (`../shared/data/`: rOpenSci's X exports of 2017 and 2019, with 28% fewer
          and 29% more followers than 2018 and other cadences; the UCI page's July-December 2014,
          with 24% more fans and 22% more posts), their engagement per impression, the UCI page's
          reach among its fans, and other vendors' figures on account size (Hootsuite's Facebook
          engagement above 100,000 followers, Rival IQ's Instagram reach above 200,000). Each real
          account is simulated with a scenario shaped like it (its followers, its posts a week,
          40-60% of the audience on the platform, \(outOfSampleReplicates) replicates). Nothing was
          tuned to these rows, and several **fail**: the gap is reported, not tuned away. The
          engagement rows fail by construction of the presets: their engagement per view is set
          by vendors' engagement per follower of 2022 (Rival IQ), and these accounts engaged
          several times more per impression (rOpenSci's likes 7 times the X preset's; the UCI page
          of 2014 about twice Facebook's). An institution's own rates come from its own exports
          (`reachsim import`, docs/validation.md), not from the presets.
          The real-data scenarios are open like scenario files (issue 16): the US users of the
          platform outside the catchment (`audience.country: us`, the nearest profile to an
          international account), at the outside's lower interest (affinity 0.25), so discovery
          lands mostly on people who engage less. The standard scenario stays closed (30,000
          people who all use the platform): the presets were tuned on it.

        `reachsim calibrate` exits with 1 when an in-sample target fails, and the test suite requires
        every in-sample target to pass; it requires the out-of-sample rows to be computed and
        reported (a finite value with its interval, in this file), not to pass. Simulated values are
        means over replicates with their 90% confidence interval; a target passes when the whole
        interval lies in the accepted range (see `Sources/ReachSim/Calibration/`).

        """
        for (sample, heading) in headings {
            out += "\n## \(heading)\n\n\(tally(rows, sample)).\n\n"
            out += "| result | platform | target | published | accepted | simulated [90% interval of the mean] | source |\n|---|---|---|---|---|---|---|\n"
            for r in rows where r.sample == sample {
                out += "| \(r.passed ? "pass" : "FAIL") | \(r.platform) | \(r.target) | \(r.published) | \(accepted(r)) | \(simulated(r))\(gap(r)) | \(r.source) |\n"
            }
        }
        out += """

        ## Account size: targets at 2,000, 20,000 and 200,000 followers

        Reach rate falls with the account's size on ranked feeds (`size_reference` 10,000,
        `size_exponent` β; docs/model.md). Each size runs one account posting 5 images a week for
        \(weeks) weeks, among 5 × its followers people of whom 60% use the platform (200,000
        followers: 10 people an agent), \(outOfSampleReplicates) replicates; the 2,000-follower point is
        the standard scenario's row.

        - **In-sample** (β was fitted to these figures, so the rows check that the fit holds in the
          engine — F counted in people, through churn, second waves and engaged followers): Facebook
          5.5% × (F/10,000)^−0.4, β = ln(6.15/2.11)/ln 15 from Social@Ogilvy 2014 (6.15% for the 106
          pages vs 2.11% above 500,000 fans, read as pages of ~100,000 and ~1,500,000 fans), and
          Instagram 13.51% × (F/10,000)^−0.2, β = ln(16.85/8.53)/ln 30 from Socialinsider's tiers
          (16.85% below 5,000 followers vs 8.53% above 100,000, read as ~300,000).
        - **Out-of-sample** (another vendor, nothing fitted to it): Facebook's engagement per
          follower at 200,000 followers over that at 2,000, against Hootsuite's 0.08% for pages above
          100,000 followers vs 0.25% for all pages (0.32); Instagram's reach at 200,000 over 2,000,
          against Rival IQ 2021 (9% above 200,000 followers vs 20% below 10,000: 0.45). Each replicate
          of the large account is divided by the 2,000-follower mean. The vendors' tiers are not
          our two sizes, so these compare shapes, not exact points.
        - No source gives reach by account size for X, Threads or LinkedIn: their β 0.3 is an
          assumption, with no target.

        ## Every row can fail

        Each row was checked for a change that makes it fail: `base_visibility` (reach rows),
        the engagement rates (engagement rows), `discovery_per_engagement` (X's out-of-network
        share), the share rates (the cascade rows: at share rate 0 every post is unshared, above
        95%), `size_exponent` or counting F in agents rather than people (the size rows: at 10
        people an agent, 200,000 followers would be read as 20,000), and for the out-of-sample rows
        anything in the model. The Mastodon rare-opener row fails once a post stays in the
        timeline more than about 2.3 days (`scroll_depth` / `inflow_per_hour`, or `max_age_hours`
        with no inflow): 1 − exp(−0.3 × 2.3) = 50%.

        ## Checks removed or rewritten because they could not fail

        - *Facebook organic reach per post at 20,000 followers over 12 weeks, 5.5%*
          (out-of-sample before issue 16): the reach rate did not depend on the account's size, so
          this row moved with `base_visibility` only, exactly as the in-sample 2,000-follower row
          did, and could not fail on its own. **Rewritten** as the 20,000-follower point of the
          size curve (4.17%, in-sample), over 4 weeks; the 20,000-follower cascade row uses the
          same scenario.
        - *Engagement per follower in the order TikTok > Instagram > Facebook > X*: the four accepted
          ranges (±25% around 5.69%, 0.47%, 0.06%, 0.035%) do not overlap, so the order held whenever
          the four rows passed.
        - *Mastodon: no out-of-network views but through boosts*: removed when it could not fail
          (chronological feeds had no discovery step); since issue 16 they have one
          (`feed.discovery_per_post`, hashtag, local and federated timelines), whose size is an
          assumption with no published figure to check it against.
        - *TikTok: more than half the views from non-followers*: the first test batch alone (300
          non-followers, against 2,000 followers × `follower_visibility` 0.1 = 200 follower views)
          guarantees it.

        ## The cascade target, read per post

        Goel, Watts and Goldstein (EC 2012) count *cascades*: each adoption that came from outside
        the network starts one, and 70-95% of them stay a single adopter (nobody copied them). The
        rows above read it *per post*, as "the share of posts that nobody reshares". That reading
        depends on the account's size: a post's shares grow with its followers, so the share of
        posts with no share at all falls as the account grows. At 2,000 followers a post gets so
        few shares that \(unsharedRange) of posts get none, which is why these rows pass; at 20,000 followers
        a Facebook post gets about \(sharesAt20k) shares on average and about e^−\(sharesAt20k) ≈ \(unsharedAt20k) of posts get none
        (simulated above), far below 70% — without anything being wrong with the cascades. The
        per-post rows are therefore kept as in-sample checks at 2,000 followers only (they catch a
        change in the share rates), and the 20,000-follower row shows the size dependence; none of
        them is Goel's statistic. The size-independent reading is "of the people who share the
        institution's post from their feed (each starting a cascade), the share whose share is
        reshared by nobody". Measuring it needs the engine to count, per post, those first-step
        sharers and how many of them were reshared (`PostContext`), which it does not yet.

        """
        return out
    }
}
