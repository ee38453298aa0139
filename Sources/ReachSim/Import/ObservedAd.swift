/// One ad of a Meta Ads Manager export, over its reporting window: reported in `import.json`
/// (with the post it boosted, when the export names the post's id), not written as a post.
public struct ObservedAd: Sendable, Hashable {
    /// Campaign, ad set or ad name as exported.
    public var name: String
    /// The boosted post's id when the export has a post id column; else `nil`.
    public var postID: String?
    public var reportingStarts: ObservedDate?
    public var reportingEnds: ObservedDate?
    /// Amount spent over the window, in the export's currency (named in `currency`).
    public var spend: Double?
    /// The currency code from the column name, e.g. `EUR` from `Amount spent (EUR)`.
    public var currency: String?
    /// Distinct people (Accounts Center accounts) reached over the window.
    public var reach: Int?
    /// Paid impressions over the window.
    public var impressions: Int?
    public var source: SourcePosition

    public init(name: String, postID: String?, reportingStarts: ObservedDate?, reportingEnds: ObservedDate?,
                spend: Double?, currency: String?, reach: Int?, impressions: Int?, source: SourcePosition) {
        self.name = name
        self.postID = postID
        self.reportingStarts = reportingStarts
        self.reportingEnds = reportingEnds
        self.spend = spend
        self.currency = currency
        self.reach = reach
        self.impressions = impressions
        self.source = source
    }
}
