/// X's current post export (`account_analytics_content_START_END.csv`, from 2023; column names
/// from public parsers, exact spelling unverified, so synonyms are accepted): one row per post.
///
/// | export column | observed_posts column |
/// |---|---|
/// | Post id | post_id |
/// | Post Link (`https://x.com/ACCOUNT/status/…`) | account |
/// | Date (`Mon, Jan 06, 2025` or ISO 8601) | published_at (UTC assumed when no zone) |
/// | Impressions | impressions (lifetime, views) |
/// | Likes, Replies, Reposts + Shares | likes, comments, shares |
/// | New follows | follows |
/// | Profile visits + URL clicks (when present) | clicks |
/// | – | paid: unknown; reach: empty |
public enum XAccountContentExport: TableExportFormat {
    public static let id = "x-account-content"
    public static let title = "X account analytics, content (account_analytics_content_*.csv)"

    static let postID = ExportColumn("Post id", "Post ID", "Tweet id", "id")
    static let date = ExportColumn("Date", "Post date", "Created at", "time")
    static let link = ExportColumn("Post Link", "Link", "Permalink", "Post permalink")
    static let impressions = ExportColumn("Impressions")
    static let likes = ExportColumn("Likes")
    static let replies = ExportColumn("Replies")
    static let reposts = ExportColumn("Reposts")
    static let shares = ExportColumn("Shares")
    static let follows = ExportColumn("New follows", "Follows")
    static let profileVisits = ExportColumn("Profile visits")
    static let urlClicks = ExportColumn("URL clicks", "Link clicks")
    public static let signatureColumns = [postID, impressions, reposts, likes]
    public static let excludedColumns = [ExportColumn("Tweet permalink")]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        var assumedUTC = false
        for record in records(table, header: header) {
            file.rowsRead += 1
            let id = try record.required(postID)
            guard let published = try record.time(date, expected: "Mon, Jan 06, 2025") else {
                throw record.error(date, "expected the post's date, found an empty cell")
            }
            if published.hasTime && !published.hasOffset { assumedUTC = true }
            let account = record.text(link).flatMap(AccountName.fromLink) ?? context.account ?? ""
            let shareParts = [try record.count(reposts), try record.count(shares)].compactMap { $0 }
            let clickParts = [try record.count(profileVisits), try record.count(urlClicks)].compactMap { $0 }
            file.posts.append(ObservedPost(
                platform: .x, account: account, postID: id, publishedAt: published.time,
                impressions: try record.count(impressions), likes: try record.count(likes),
                comments: try record.count(replies), shares: shareParts.isEmpty ? nil : shareParts.reduce(0, +),
                clicks: clickParts.isEmpty ? nil : clickParts.reduce(0, +), follows: try record.count(follows),
                source: record.position))
        }
        if assumedUTC { file.warn(.timeZoneAssumed, "post times have no time zone: taken as UTC") }
        if !file.posts.isEmpty {
            file.warn(.impressionsNotReach, "X exports impressions (views, repeats counted), not reach: the reach column is empty")
        }
        return file
    }
}
