/// What a back-test compares, per account and period. Posts' counts are summed over the posts
/// published in the period (lifetime per post, as the exports count them); followers are a level
/// at the period's end.
public enum BacktestMetric: String, Sendable, CaseIterable {
    /// Views, repeats counted (X impressions, Meta views): simulated impressions of every source
    /// (followers, shares, discovery) of the posts.
    case impressions
    /// People reached (Meta's reach): the same simulated views, each person counted once per post
    /// as the model counts them. Where an export gives reach, it is scored and impressions are not.
    case reach
    /// Likes (reactions).
    case likes
    /// Shares (X reposts).
    case shares
    /// Comments (X replies).
    case comments
    /// Followers at the end of the period, in people (months only): the history's follower count
    /// of the day nearest the month's last day, 3 days before to 7 days after (hand-kept monthly
    /// figures are copied early in the next month); simulated, the account's followers at the end
    /// of the week that holds the month's last day.
    case followers

    /// The observed count of a post, nil when the export does not give it.
    func observed(_ post: ObservedPost) -> Int? {
        switch self {
        case .impressions: post.impressions
        case .reach: post.reach
        case .likes: post.likes
        case .shares: post.shares
        case .comments: post.comments
        case .followers: nil
        }
    }

    /// The post metrics whose sum is this metric's simulated value for one post.
    var simulated: [PostMetric] {
        switch self {
        case .impressions, .reach: [.impressionsOrganic, .impressionsShares, .impressionsDiscovery, .impressionsPaid]
        case .likes: [.likes]
        case .shares: [.shares]
        case .comments: [.comments]
        case .followers: []
        }
    }
}
