/// Writes each post's tallies into the per-post block of a replicate's results, in `PostCatalog`
/// order, when the layout records posts (`reachsim run --posts`); otherwise it only counts.
struct PostRecords {
    private let layout: MetricLayout
    private let scale: Double
    private let out: UnsafeMutableBufferPointer<Double>
    /// Posts seen so far in the replicate.
    private(set) var count = 0

    init(layout: MetricLayout, scale: Int, out: UnsafeMutableBufferPointer<Double>) {
        self.layout = layout
        self.scale = Double(scale)
        self.out = out
    }

    mutating func add(_ post: PostContext) {
        defer { count += 1 }
        guard layout.posts > 0 else { return }
        func put(_ metric: PostMetric, _ value: Int) {
            out[layout.postIndex(post: count, metric: metric)] = Double(value) * scale
        }
        put(.impressionsOrganic, post.organicViews)
        put(.impressionsShares, post.shareViews)
        put(.impressionsDiscovery, post.discoveryViews)
        put(.impressionsPaid, post.paidImpressions)
        put(.reach, post.views)
        put(.likes, post.likes)
        put(.comments, post.comments)
        put(.shares, post.shares)
        put(.follows, post.follows)
    }
}
