/// Targets at three account sizes (2,000, 20,000 and 200,000 followers): the reach rate of ranked
/// feeds falls with the account's size (`RankedFeed.sizeFactor`).
///
/// - In-sample (the size exponents were fitted to these figures): Facebook's and Instagram's reach
///   per post at 20,000 and 200,000 followers, the curve base × (F / 10,000)^−β through the
///   published pair (Facebook: Social@Ogilvy 2014; Instagram: Socialinsider, Jan 2022). The
///   2,000-follower points are the standard scenario's rows (factor 1 below 10,000 followers).
/// - Out-of-sample (another vendor's figures, nothing fitted to them): Facebook's engagement per
///   follower at 200,000 followers relative to 2,000 (Hootsuite: 0.08% for pages above 100,000
///   followers vs 0.25% for all), and Instagram's reach at 200,000 relative to 2,000 (Rival IQ
///   2021: 9% above 200,000 followers vs 20% below 10,000).
///
/// Each size runs one account posting 5 images a week at 7 h for 4 weeks, among 5 × its followers
/// people of whom 60% use the platform (200,000 followers: 10 people an agent), with
/// `outOfSampleReplicates` replicates.
extension Calibration {
    /// Account sizes of the size targets, in people (the first is the standard scenario's).
    public static let sizes = [followers, 20_000, 200_000]

    /// The published curve values: reach per post at each size, with the figures they come from.
    public struct SizeCurve: Sendable {
        public let platform: String
        /// Reach rate per post at 20,000 and 200,000 followers.
        public let at20k: Double
        public let at200k: Double
        public let source: String
    }

    /// Facebook: 5.5% (Hootsuite 2019) up to 10,000 followers × (F / 10,000)^−0.4, β fitted to
    /// Social@Ogilvy 2014 (6.15% overall vs 2.11% above 500,000 fans, read as pages of ~100,000 and
    /// ~1,500,000 fans): 5.5% × 2^−0.4 = 4.17%, 5.5% × 20^−0.4 = 1.66%.
    /// Instagram: 13.51% (Socialinsider 2022) × (F / 10,000)^−0.2, β fitted to Socialinsider's tiers
    /// (16.85% below 5,000 followers vs 8.53% above 100,000, read as ~300,000): 11.76%, 7.42%.
    public static let sizeCurves = [
        SizeCurve(platform: "facebook", at20k: 0.0417, at200k: 0.0166,
                  source: "Hootsuite 2019 level (5.5% up to 10,000 followers) × (F/10,000)^−0.4, β fitted to Social@Ogilvy 2014 (6.15% overall vs 2.11% > 500,000 fans); accepted ±10%"),
        SizeCurve(platform: "instagram", at20k: 0.1176, at200k: 0.0742,
                  source: "Socialinsider 2022 level (13.51% up to 10,000 followers) × (F/10,000)^−0.2, β fitted to Socialinsider's tiers (16.85% < 5,000 vs 8.53% > 100,000 followers); accepted ±10%"),
    ]

    /// Runs the 20,000- and 200,000-follower scenarios of Facebook and Instagram.
    static func measureSizes(replicates: Int) throws -> [String: [Int: Measured]] {
        var out: [String: [Int: Measured]] = [:]
        for curve in sizeCurves {
            guard let preset = PlatformPreset.named(curve.platform) else { continue }
            for f in sizes.dropFirst() {
                let scale = f >= 100_000 ? 10 : 1
                out[curve.platform, default: [:]][f] = try measure(scenario(
                    preset, name: "\(curve.platform)-\(f / 1_000)k", followers: f, audience: 5 * f, scale: scale, use: 0.6,
                    posts: formats([(.image, 5)]), hours: [7], weeks: weeks, replicates: replicates))
            }
        }
        return out
    }

    /// The size rows: in-sample (the fitted curves) and out-of-sample (other vendors' ratios).
    static func sizeRows(_ sized: [String: [Int: Measured]], standard: (String) -> Measured) -> (inSample: [Row], outOfSample: [Row]) {
        var inSample: [Row] = [], outOfSample: [Row] = []
        func near(_ v: Double, _ d: Double) -> ClosedRange<Double> { (v * (1 - d))...(v * (1 + d)) }
        for curve in sizeCurves {
            guard let m = sized[curve.platform], let m20 = m[20_000], let m200 = m[200_000] else { continue }
            inSample.append(row("reach per post (share of followers), 20,000 followers", curve.platform,
                                published: percent(curve.at20k), source: curve.source, range: near(curve.at20k, 0.1),
                                m20.reachRate))
            inSample.append(row("reach per post (share of followers), 200,000 followers", curve.platform,
                                published: percent(curve.at200k), source: curve.source, range: near(curve.at200k, 0.1),
                                m200.reachRate))
        }
        func ratio(_ xs: [Double], over base: [Double]) -> [Double] {
            let b = interval(base).mean
            return xs.map { b > 0 ? $0 / b : .nan }
        }
        if let fb = sized["facebook"]?[200_000] {
            var r = row("engagements per follower per post, 200,000 ÷ 2,000 followers", "facebook", published: "0.32",
                        source: "Hootsuite Digital: engagement 0.08% for pages > 100,000 followers vs 0.25% for all pages (ratio 0.32); accepted ±25%; each replicate ÷ the 2,000-follower mean",
                        range: near(0.32, 0.25), ratio(fb.engagementPerFollower, over: standard("facebook").engagementPerFollower),
                        isShare: false)
            r.sample = .outOfSample
            outOfSample.append(r)
        }
        if let ig = sized["instagram"]?[200_000] {
            var r = row("reach per post, 200,000 ÷ 2,000 followers", "instagram", published: "0.45",
                        source: "Rival IQ 2021 Instagram: post reach 9% for accounts > 200,000 followers vs 20% < 10,000 (ratio 0.45); accepted ±25%; each replicate ÷ the 2,000-follower mean",
                        range: near(0.45, 0.25), ratio(ig.reachRate, over: standard("instagram").reachRate), isShare: false)
            r.sample = .outOfSample
            outOfSample.append(r)
        }
        return (inSample, outOfSample)
    }
}
