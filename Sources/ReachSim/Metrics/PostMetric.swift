/// What `posts.csv` records of each post (`reachsim run --posts`), in its column order. Counts are
/// in people (agents × audience scale), over the post's whole life in the run (a post's views all
/// happen in its week).
public enum PostMetric: Int, CaseIterable, Sendable {
    /// Views by followers through their feed (first and second waves, engaged followers).
    case impressionsOrganic
    /// Views through shares and the institution's own reposts, at any cascade depth.
    case impressionsShares
    /// Views by non-followers shown the post out of network (discovery, test batches).
    case impressionsDiscovery
    /// Paid impressions of a boost campaign, repeats included (0 for organic posts).
    case impressionsPaid
    /// Distinct people who saw the post (each person sees a post at most once, so for an organic
    /// post this is the sum of its impressions).
    case reach
    case likes
    case comments
    case shares
    /// Non-followers who followed the account after seeing the post.
    case follows

    public var column: String {
        switch self {
        case .impressionsOrganic: "impressions_organic"
        case .impressionsShares: "impressions_shares"
        case .impressionsDiscovery: "impressions_discovery"
        case .impressionsPaid: "impressions_paid"
        case .reach: "reach"
        case .likes: "likes"
        case .comments: "comments"
        case .shares: "shares"
        case .follows: "follows"
        }
    }

    static let count = allCases.count
}
