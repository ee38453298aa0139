/// The UCI "Facebook metrics" data set (Moro, Rita & Vala 2016; `dataset_Facebook.csv`,
/// semicolon-separated): 500 posts of one brand's Page in 2014 with lifetime Insights figures,
/// under its original column names or the short ones (`T_Reach`, `Page_T_Likes`).
///
/// It has no date: only the month, weekday and hour of publication. `published_at` stays empty
/// (the rows are sorted last of their account, in file order through `post_id`), and the count of
/// such posts is in `import.json`. `post_id` is `row-00001` for the first data row, and so on.
///
/// | column (original / short) | observed_posts column |
/// |---|---|
/// | Type (Photo, Status, Link, Video) | format (Video: empty) |
/// | Paid (1 / 0) | paid |
/// | Lifetime Post Total Impressions / T_Impression | impressions |
/// | Lifetime Post Total Reach / T_Reach | reach |
/// | like, comment, share | likes, comments, shares |
/// | Lifetime Post Consumptions / Consumption | clicks |
///
/// Not kept: Page total likes (followers when posted, with no date to place them), the reach and
/// impressions among the Page's fans (`LP_Reach`, `LP_Impression`), Category, and the month,
/// weekday and hour (their range is in `import.json`'s notes).
public enum UCIFacebookMetrics: TableExportFormat {
    public static let id = "uci-facebook-metrics"
    public static let title = "UCI Facebook metrics data set (dataset_Facebook.csv)"

    static let type = ExportColumn("Type")
    static let paid = ExportColumn("Paid")
    static let reach = ExportColumn("Lifetime Post Total Reach", "T_Reach")
    static let impressions = ExportColumn("Lifetime Post Total Impressions", "T_Impression")
    static let consumptions = ExportColumn("Lifetime Post Consumptions", "Consumption")
    static let month = ExportColumn("Post Month", "Month")
    static let pageLikes = ExportColumn("Page total likes", "Page_T_Likes")
    static let likes = ExportColumn("like")
    static let comments = ExportColumn("comment")
    static let shares = ExportColumn("share")
    public static let signatureColumns = [type, paid, reach, month, pageLikes]
    public static let excludedColumns = [ExportColumn("Post ID")]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        var months: [Int] = []
        var likesRange: [Int] = []
        for (k, record) in records(table, header: header).enumerated() {
            file.rowsRead += 1
            var status = PaidStatus.unknown
            if let v = try record.count(paid) {
                guard v <= 1 else { throw record.error(paid, "expected 1 (boosted) or 0, found \(v)") }
                status = v == 1 ? .paid : .organic
            }
            if let m = try record.count(month) { months.append(m) }
            if let l = try record.count(pageLikes) { likesRange.append(l) }
            file.posts.append(ObservedPost(
                platform: .facebook, account: context.account ?? "", postID: "row-" + pad(k + 1), publishedAt: nil,
                format: PostTypeNames.format(record.text(type)), paid: status,
                impressions: try record.count(impressions), reach: try record.count(reach),
                likes: try record.count(likes), comments: try record.count(comments), shares: try record.count(shares),
                clicks: try record.count(consumptions), source: record.position))
        }
        if let lo = months.min(), let hi = months.max() { file.notes["post_months"] = "\(lo)-\(hi)" }
        if let lo = likesRange.min(), let hi = likesRange.max() { file.notes["page_total_likes"] = "\(lo)-\(hi)" }
        if !file.posts.isEmpty {
            file.warn(.noDate, "the data set has no publication date (month, weekday and hour only): published_at is empty")
        }
        return file
    }

    /// `row-007`-style ids sort in file order: zero-padded to 5 digits.
    private static func pad(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 5 ? s : String(repeating: "0", count: 5 - s.count) + s
    }
}
