/// An engagement-ranked feed (Facebook, Instagram, X, Threads, LinkedIn).
///
/// A follower of the account sees a post with probability
///
///     p = min(1, base × format[f] × hour^η × cadence × activity_c)
///
/// - hour: session density in the 3 hours after posting relative to the day's average, raised to
///   `hourSensitivity` η (a post that lands when people are online competes better).
/// - cadence: min(1, r / `cadenceReference`)^`cadenceExponent`, r = the account's posts per week
///   over the last 4 weeks: a dormant account is shown less.
/// - activity_c: the follower's activity multiplier raised to `activitySensitivity` and
///   normalised to mean 1 over activity levels, so that with every multiplier at 1 the expected
///   reach is exactly base × followers.
///
/// A share by a person reaches that person's followers with `peerVisibility` × activity_c.
/// Out of network, each engagement earns on average `discoveryPerEngagement` impressions among
/// the platform's users who do not follow the account (X's For You mixes about half
/// out-of-network candidates).
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
    /// Expected out-of-network impressions per engagement, 0...10,000.
    public var discoveryPerEngagement: Double

    public init(baseVisibility: Double, formatMultiplier: FormatTable<Double>, hourSensitivity: Double,
                cadenceReference: Double, cadenceExponent: Double, activitySensitivity: Double,
                peerVisibility: Double, discoveryPerEngagement: Double) {
        self.baseVisibility = baseVisibility
        self.formatMultiplier = formatMultiplier
        self.hourSensitivity = hourSensitivity
        self.cadenceReference = cadenceReference
        self.cadenceExponent = cadenceExponent
        self.activitySensitivity = activitySensitivity
        self.peerVisibility = peerVisibility
        self.discoveryPerEngagement = discoveryPerEngagement
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
}
