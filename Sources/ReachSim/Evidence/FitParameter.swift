/// A parameter `reachsim fit` estimates from an account's exports, with the moment of the data
/// that identifies it. Each is a platform parameter (the accounts of a platform share it), fitted
/// as a factor on the scenario's value so that per-format shapes and the preset's proportions stay.
/// A post's views are its reach where the export gives it (the model counts people), else its
/// impressions (X); boosted posts are left out of the moments.
public enum FitParameter: String, CaseIterable, Sendable {
    /// Ranked feeds' share of followers who see a post: the level of views. Moment: the
    /// median views per post.
    case baseVisibility = "feed.base_visibility"
    /// Ranked feeds' spread of a post's reach (σ of its log multiplier): the heavy tail of the
    /// posts that take off. Moment: ln(90% quantile / median) of views per post. Not a
    /// factor (its prior is usually 0): each iteration sets σ² to the observed spread's square
    /// minus the model's own (`FitPipeline.nextSpread`).
    case reachSpread = "feed.reach_spread"
    /// Likes per viewer, every format × the same factor. Moment: Σ likes / Σ views.
    case like = "engagement.like"
    /// Comments (replies) per viewer. Moment: Σ comments / Σ views.
    case comment = "engagement.comment"
    /// Shares (reposts) per viewer. Moment: Σ shares / Σ views.
    case share = "engagement.share"
    /// Follows per non-follower viewer. Moment: followers gained per day (follower history).
    case follow = "engagement.follow"
    /// Share of followers lost in a week. Estimated directly: followers lost per week over the
    /// mean followers (lost = gained − the change in followers where the history gives no losses).
    case churn = "churn_per_week"
    /// Ranked feeds' discovery impressions per unit of engagement score: not estimated (the
    /// exports do not split impressions by source) but moved with the engagement rates so that
    /// discovery per view stays the scenario's (`keepDiscoveryPerView`).
    case discovery = "feed.discovery_per_engagement"

    /// The parameters estimated from moments, in `fit.csv`'s order.
    static let estimated: [FitParameter] = [.baseVisibility, .reachSpread, .like, .comment, .share, .follow, .churn]

    /// The key path of the parameter in the scenario file, under `platforms.NAME`.
    public var key: String { rawValue }

    /// The observed moment's name, for `fit.csv`'s `source`.
    var moment: String {
        switch self {
        case .baseVisibility: "median views per post"
        case .reachSpread: "ln(90% quantile / median) of views per post"
        case .like: "Σ likes / Σ views"
        case .comment: "Σ comments / Σ views"
        case .share: "Σ shares / Σ views"
        case .follow: "followers gained per day"
        case .churn: "followers lost per week / mean followers"
        case .discovery: "derived from the engagement rates"
        }
    }

    /// The parameter's value in `platform` (the mean over formats for engagement tables, which
    /// are fitted as a factor on every format); nil when the platform's feed has no such parameter.
    @inline(never)  // see setReachSpread
    func value(in platform: PlatformSpec) -> Double? {
        switch self {
        case .baseVisibility:
            if case .ranked(let r) = platform.feed { return r.baseVisibility }
            return nil
        case .reachSpread:
            if case .ranked(let r) = platform.feed { return r.reachSpread }
            return nil
        case .like: return PlausibleRanges.mean(platform.engagement.like)
        case .comment: return PlausibleRanges.mean(platform.engagement.comment)
        case .share: return PlausibleRanges.mean(platform.engagement.share)
        case .follow: return platform.engagement.follow
        case .churn: return platform.churnPerWeek
        case .discovery:
            if case .ranked(let r) = platform.feed { return r.discoveryPerEngagement }
            return nil
        }
    }

    /// Multiplies the parameter of `platform` by `factor`, each value capped at its range's top
    /// (probabilities at 1). Returns whether a cap was met.
    @discardableResult
    func scale(_ platform: inout PlatformSpec, by factor: Double) -> Bool {
        var capped = false
        func times(_ v: Double, cap: Double = 1) -> Double {
            let x = v * factor
            if x > cap { capped = true; return cap }
            return x
        }
        switch self {
        case .baseVisibility:
            if case .ranked(var r) = platform.feed {
                r.baseVisibility = times(r.baseVisibility)
                platform.feed = .ranked(r)
            }
        case .reachSpread:
            if case .ranked(var r) = platform.feed {
                r.reachSpread = times(r.reachSpread, cap: 3)
                platform.feed = .ranked(r)
            }
        case .like: platform.engagement.like = FormatTable { times(platform.engagement.like[$0]) }
        case .comment: platform.engagement.comment = FormatTable { times(platform.engagement.comment[$0]) }
        case .share: platform.engagement.share = FormatTable { times(platform.engagement.share[$0]) }
        case .follow: platform.engagement.follow = times(platform.engagement.follow)
        case .churn: platform.churnPerWeek = times(platform.churnPerWeek)
        case .discovery:
            if case .ranked(var r) = platform.feed {
                r.discoveryPerEngagement = times(r.discoveryPerEngagement, cap: 10_000)
                platform.feed = .ranked(r)
            }
        }
        return capped
    }

    /// Sets ranked feeds' reach spread to `sigma`, 0...3 (other feeds: nothing).
    @inline(never)  // inlined into FitPipeline.fit, it crashed the 6.3.1 optimiser (ownership verifier)
    static func setReachSpread(_ platform: inout PlatformSpec, _ sigma: Double) {
        guard case .ranked(var r) = platform.feed else { return }
        r.reachSpread = min(3, max(0, sigma))
        platform.feed = .ranked(r)
    }

    /// Ranked feeds turn engagement into discovery (`discovery_per_engagement` impressions per
    /// unit of score). Exports do not say which impressions came from followers and which from
    /// discovery, so the fit keeps the discovery per view of `prior`: when the engagement rates
    /// move, discovery per engagement moves the other way by the score's factor (and the second
    /// wave's threshold, in engagements per view, with the engagement rates). Returns the new
    /// discovery per engagement, nil for other feeds.
    @discardableResult
    static func keepDiscoveryPerView(_ platform: inout PlatformSpec, prior: PlatformSpec) -> Double? {
        guard case .ranked(var r) = platform.feed, case .ranked(let r0) = prior.feed else { return nil }
        func score(_ p: PlatformSpec, _ f: RankedFeed) -> Double {
            f.likeWeight * PlausibleRanges.mean(p.engagement.like) + f.commentWeight * PlausibleRanges.mean(p.engagement.comment)
                + f.shareWeight * PlausibleRanges.mean(p.engagement.share)
        }
        func total(_ p: PlatformSpec) -> Double {
            PlausibleRanges.mean(p.engagement.like) + PlausibleRanges.mean(p.engagement.comment) + PlausibleRanges.mean(p.engagement.share)
        }
        let now = score(platform, r), before = score(prior, r0)
        guard now > 0, before > 0 else { return nil }
        r.discoveryPerEngagement = min(10_000, r0.discoveryPerEngagement * before / now)
        if total(prior) > 0 { r.secondWaveThreshold = min(1, r0.secondWaveThreshold * total(platform) / total(prior)) }
        platform.feed = .ranked(r)
        return r.discoveryPerEngagement
    }
}
