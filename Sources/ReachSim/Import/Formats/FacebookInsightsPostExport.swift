/// The legacy Facebook Insights post export ("Facebook Insights Data Export (Post Level) - PAGE -
/// DATE.csv", until 2022): a row of column names, a second row of descriptions (skipped), then
/// one row per post with lifetime figures. Some names repeat; the first is read.
///
/// | export column | observed_posts column |
/// |---|---|
/// | Post ID (`PAGEID_POSTID`) | post_id |
/// | Permalink (`facebook.com/PAGE/posts/…`) | account (else the Page id of the post id) |
/// | Posted (`12/21/2015 2:00:00 PM`, the Page's time zone) | published_at (taken as UTC, warned) |
/// | Type (Photo, Status, Link, Video) | format (video of unknown length: empty) |
/// | Lifetime Post Total Impressions | impressions |
/// | Lifetime Post Total Reach | reach |
/// | Lifetime Post Paid Reach / Paid Impressions: above 0 → true, 0 → false | paid |
/// | Lifetime Talking About This (Post) by action type - like / comment / share (or Lifetime Post Stories by action type - …) | likes, comments, shares |
/// | Lifetime Post Consumptions (clicks of any kind) | clicks |
public enum FacebookInsightsPostExport: TableExportFormat {
    public static let id = "facebook-insights-posts"
    public static let title = "Facebook Insights Data Export (Post Level), legacy"

    static let postID = ExportColumn("Post ID")
    static let permalink = ExportColumn("Permalink")
    static let posted = ExportColumn("Posted")
    static let type = ExportColumn("Type")
    static let totalReach = ExportColumn("Lifetime Post Total Reach")
    static let paidReach = ExportColumn("Lifetime Post Paid Reach", "Lifetime Post paid reach")
    static let totalImpressions = ExportColumn("Lifetime Post Total Impressions")
    static let paidImpressions = ExportColumn("Lifetime Post Paid Impressions")
    static let likes = ExportColumn("Lifetime Talking About This (Post) by action type - like",
                                    "Lifetime Post Stories by action type - like")
    static let comments = ExportColumn("Lifetime Talking About This (Post) by action type - comment",
                                       "Lifetime Post Stories by action type - comment")
    static let shares = ExportColumn("Lifetime Talking About This (Post) by action type - share",
                                     "Lifetime Post Stories by action type - share")
    static let consumptions = ExportColumn("Lifetime Post Consumptions")
    public static let signatureColumns = [postID, posted, totalReach]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for (k, record) in records(table, header: header).enumerated() {
            // The second header row describes each column ("Lifetime: The number of people …").
            if k == 0, let reach = record.text(totalReach), (try? ExportNumber.count(reach)) == nil {
                file.skip("description row under the header")
                continue
            }
            file.rowsRead += 1
            let id = try record.required(postID)
            guard let published = try record.time(posted, expected: "12/21/2015 2:00:00 PM") else {
                throw record.error(posted, "expected the publication time, found an empty cell")
            }
            let account = record.text(permalink).flatMap(AccountName.fromLink)
                ?? context.account ?? (id.firstIndex(of: "_").map { String(id[..<$0]) } ?? "")
            let paidFigures = [try record.count(paidReach), try record.count(paidImpressions)].compactMap { $0 }
            let paid: PaidStatus = paidFigures.isEmpty ? .unknown : paidFigures.contains { $0 > 0 } ? .paid : .organic
            file.posts.append(ObservedPost(
                platform: .facebook, account: account, postID: id, publishedAt: published.time,
                format: PostTypeNames.format(record.text(type)), paid: paid,
                impressions: try record.count(totalImpressions), reach: try record.count(totalReach),
                likes: try record.count(likes), comments: try record.count(comments), shares: try record.count(shares),
                clicks: try record.count(consumptions), source: record.position))
        }
        if !file.posts.isEmpty {
            file.warn(.timeZoneAssumed, "Posted times have no time zone (Facebook wrote the Page's): taken as UTC")
        }
        return file
    }
}
