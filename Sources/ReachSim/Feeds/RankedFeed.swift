/// An engagement-ranked feed (Facebook, Instagram, X, Threads, LinkedIn).
///
/// A follower of class c sees a post in its first wave with probability
///
///     p = min(1, base × format[f] × hour^η × cadence × size × activity_c, recency_c)
///
/// - hour: session density in the 3 hours after posting relative to the day's average, raised to
///   `hourSensitivity` η (a post that lands when people are online competes better).
/// - cadence: min(1, r / `cadenceReference`)^`cadenceExponent`, r = the account's posts per week
///   over the last 4 weeks: a dormant account is shown less.
/// - size: (F / `sizeReference`)^−`sizeExponent` for an account with F > `sizeReference`
///   followers (in people, its current followers), 1 otherwise: a larger account's posts reach a
///   smaller share of its followers (Facebook pages 6.15% overall vs 2.11% above 500,000 fans,
///   Social@Ogilvy 2014).
/// - activity_c: the follower's activity multiplier raised to `activitySensitivity` and
///   normalised to mean 1 over activity levels, so that with every multiplier at 1 the expected
///   reach is exactly base × followers.
/// - recency_c: the feed drops posts older than `recencyHours` (X: ~48 h), so nobody sees a post
///   unless they open the app within that window: 1 − exp(−sessions_c × S(h, recencyHours)).
///
/// A follower who engaged with the account in the last `engagedWindowWeeks` weeks sees it with
/// min(1, p × `engagedMultiplier`) instead (the follower's past engagement with the account).
///
/// Early engagement: when the first wave's engagements per view reach `secondWaveThreshold`, a
/// second wave shows the post to followers who have not seen it with probability
/// min(1, p × `secondWaveMultiplier`).
///
/// Score: each post's engagements are weighted (X's heavy ranker, 2023: like 0.5, retweet 1,
/// reply 13.5) into a score; out of network, each unit of score earns on average
/// `discoveryPerEngagement` impressions among users who do not follow the account (X's For You
/// mixes about half out-of-network candidates).
///
/// A share by a person reaches that person's followers with `peerVisibility` × activity_c.
///
/// Reach spread: with `reachSpread` σ > 0, each post draws a multiplier exp(σZ − σ²/2) (mean 1)
/// of its follower visibility p, in both waves and in the institution's reposts (capped as p
/// is). It stands for what makes one post of an account travel further than another in the
/// ranker's eyes and that the model does not otherwise carry (topic, news, the ranker's own
/// judgement); discovery follows through the post's engagement. The presets keep 0: an account's
/// spread is fitted from its exports (`reachsim fit`, the heavy tail of its impressions per post).
///
/// Reels: when `reels` is set, short videos are also distributed like on an interest feed (the
/// platform's Reels/Shorts surface): test batches of non-followers, expanded while their engagement
/// rate stays above the threshold (`InterestFeed`'s batch rules and post quality; its follower,
/// peer and format fields are not used here).
public struct RankedFeed: Sendable, Equatable {
    /// Share 0...1 of followers who see an average post (Facebook pages ~5.5%, Hootsuite 2019).
    public var baseVisibility: Double
    /// Multiplier per format, 0...10 (short video and live are favoured).
    public var formatMultiplier: FormatTable<Double>
    /// Exponent 0...3 of the posting-hour effect; 0 ignores the hour.
    public var hourSensitivity: Double
    /// Posts per week at and above which an account is not penalised as dormant, 0.01...100.
    public var cadenceReference: Double
    /// Exponent 0...3 of the dormancy penalty; 0 disables it.
    public var cadenceExponent: Double
    /// Exponent 0...3 of the follower's activity effect; 0 makes every follower alike.
    public var activitySensitivity: Double
    /// Probability 0...1 that a follower of a person sees that person's share.
    public var peerVisibility: Double
    /// Expected out-of-network impressions per unit of engagement score, 0...10,000.
    public var discoveryPerEngagement: Double
    /// Visibility multiplier 1...10 for a follower who engaged with the account recently; 1 = off.
    public var engagedMultiplier: Double
    /// Weeks 1...52 during which an engagement counts as recent.
    public var engagedWindowWeeks: Int
    /// First-wave engagements per view 0...1 that trigger a second wave.
    public var secondWaveThreshold: Double
    /// Second-wave visibility multiplier 0...10; 0 = no second wave.
    public var secondWaveMultiplier: Double
    /// Hours 1...8,760 after which the feed no longer ranks a post.
    public var recencyHours: Double
    /// Weights of a like, a comment (reply) and a share (repost) in the engagement score, 0...1,000.
    public var likeWeight: Double
    public var commentWeight: Double
    public var shareWeight: Double
    /// Batch distribution of short videos to non-followers (Reels), nil = none.
    public var reels: InterestFeed?
    /// Followers F_ref (people) 1...1,000,000,000 up to which an account's size does not lower
    /// its reach rate; above, the first wave is × (F / F_ref)^−`sizeExponent`.
    public var sizeReference: Double
    /// Exponent β 0...2 of the account-size factor (F / F_ref)^−β; 0 = reach rate independent of size.
    public var sizeExponent: Double
    /// σ 0...3 of the log of a post's reach multiplier (lognormal, mean 1); 0 = every post alike.
    public var reachSpread: Double

    public init(baseVisibility: Double, formatMultiplier: FormatTable<Double>, hourSensitivity: Double,
                cadenceReference: Double, cadenceExponent: Double, activitySensitivity: Double,
                peerVisibility: Double, discoveryPerEngagement: Double,
                engagedMultiplier: Double = 1, engagedWindowWeeks: Int = 4,
                secondWaveThreshold: Double = 1, secondWaveMultiplier: Double = 0,
                recencyHours: Double = 8_760,
                likeWeight: Double = 1, commentWeight: Double = 1, shareWeight: Double = 1,
                reels: InterestFeed? = nil, sizeReference: Double = 10_000, sizeExponent: Double = 0,
                reachSpread: Double = 0) {
        self.baseVisibility = baseVisibility
        self.formatMultiplier = formatMultiplier
        self.hourSensitivity = hourSensitivity
        self.cadenceReference = cadenceReference
        self.cadenceExponent = cadenceExponent
        self.activitySensitivity = activitySensitivity
        self.peerVisibility = peerVisibility
        self.discoveryPerEngagement = discoveryPerEngagement
        self.engagedMultiplier = engagedMultiplier
        self.engagedWindowWeeks = engagedWindowWeeks
        self.secondWaveThreshold = secondWaveThreshold
        self.secondWaveMultiplier = secondWaveMultiplier
        self.recencyHours = recencyHours
        self.likeWeight = likeWeight
        self.commentWeight = commentWeight
        self.shareWeight = shareWeight
        self.reels = reels
        self.sizeReference = sizeReference
        self.sizeExponent = sizeExponent
        self.reachSpread = reachSpread
    }

    /// A post's reach multiplier exp(σZ − σ²/2) for a standard normal Z (1 when σ = 0).
    @inline(__always)
    func postReach(_ z: Double) -> Double {
        reachSpread == 0 ? 1 : _exp(reachSpread * z - reachSpread * reachSpread / 2)
    }

    /// Hours after posting over which the hour effect is measured.
    static let hourWindow = 3.0

    /// The activity factor of each class, mean 1 over activity levels.
    func activityFactors(_ classes: ExposureClasses) -> [Double] {
        let l = ActivityLevels.count
        let powered = classes.activity.map { _pow($0, activitySensitivity) }
        return (0..<classes.count).map { c in
            let levelStart = (c / l) * l
            let mean = powered[levelStart..<(levelStart + l)].reduce(0, +) / Double(l)
            return powered[c] / mean
        }
    }

    /// Multiplier shared by all followers for one post.
    func postMultiplier(hour: Int, format: PostFormat, cadence: Double, calendar: SessionCalendar) -> Double {
        let density = calendar.relativeDensity(afterHour: hour, hours: RankedFeed.hourWindow)
        let hourFactor = hourSensitivity == 0 ? 1 : _pow(density, hourSensitivity)
        let cadenceFactor = cadenceExponent == 0 ? 1 : _pow(min(1, cadence / cadenceReference), cadenceExponent)
        return baseVisibility * formatMultiplier[format] * hourFactor * cadenceFactor
    }

    /// The account-size factor for an account of `followers` people: (F / F_ref)^−β above F_ref,
    /// else 1 (and 1 when β = 0).
    @inline(__always)
    func sizeFactor(followers: Double) -> Double {
        guard sizeExponent > 0, followers > sizeReference else { return 1 }
        return _pow(followers / sizeReference, -sizeExponent)
    }

    /// Cap of class c's visibility: the chance of opening the app before the post leaves the feed.
    func recencyCap(hour: Int, sessionsPerDay: Double, calendar: SessionCalendar) -> Double {
        if recencyHours >= 8_760 { return 1 }
        return 1 - _exp(-sessionsPerDay * calendar.share(from: Double(hour), hours: recencyHours))
    }

    /// Engagement score of a post (weighted engagements).
    @inline(__always)
    func score(likes: Int, comments: Int, shares: Int) -> Double {
        likeWeight * Double(likes) + commentWeight * Double(comments) + shareWeight * Double(shares)
    }
}
