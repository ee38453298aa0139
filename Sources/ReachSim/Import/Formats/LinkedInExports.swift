import Foundation

/// LinkedIn page analytics, content export, sheet "All posts" saved as CSV: a description on
/// row 1, the header on row 2, one row per post with lifetime figures.
///
/// | export column | observed_posts column |
/// |---|---|
/// | Post link (`…/urn:li:activity:ID/`) | post_id (the `urn:li:…` part, else the link) |
/// | Created date (`01/30/2025`) | published_at (a day: midnight UTC) |
/// | Post type: Sponsored → true, Organic → false | paid |
/// | Content Type (Image, Video, Article, Document, Text) | format (video: empty) |
/// | Impressions | impressions |
/// | Clicks, Likes, Comments, Reposts, Follows | clicks, likes, comments, shares, follows |
///
/// The account is not in the file: `--account`.
public enum LinkedInPostsExport: TableExportFormat {
    public static let id = "linkedin-posts"
    public static let title = "LinkedIn page content, sheet \"All posts\" (header on row 2)"

    static let postTitle = ExportColumn("Post title")
    static let link = ExportColumn("Post link")
    static let created = ExportColumn("Created date")
    static let postType = ExportColumn("Post type")
    static let contentType = ExportColumn("Content Type")
    static let impressions = ExportColumn("Impressions")
    static let clicks = ExportColumn("Clicks")
    static let likes = ExportColumn("Likes", "Reactions")
    static let comments = ExportColumn("Comments")
    static let reposts = ExportColumn("Reposts", "Shares")
    static let follows = ExportColumn("Follows")
    public static let signatureColumns = [postTitle, link, created, impressions]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            let url = try record.required(link)
            let id = url.range(of: "urn:li:").map { String(url[$0.lowerBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "/")) } ?? url
            guard let time = try record.time(created, expected: "01/30/2025") else {
                throw record.error(created, "expected the post's creation date, found an empty cell")
            }
            var paid = PaidStatus.unknown
            if let t = record.text(postType).map(ExportHeader.normalize) {
                if t.contains("sponsor") { paid = .paid } else if t.contains("organic") { paid = .organic }
            }
            var format = PostTypeNames.format(record.text(contentType))
            if format == nil, let t = record.text(contentType).map(ExportHeader.normalize), t.contains("article") { format = .link }
            file.posts.append(ObservedPost(
                platform: .linkedin, account: context.account ?? "", postID: id, publishedAt: time.time, format: format,
                paid: paid, impressions: try record.count(impressions), likes: try record.count(likes),
                comments: try record.count(comments), shares: try record.count(reposts), clicks: try record.count(clicks),
                follows: try record.count(follows), source: record.position))
        }
        if !file.posts.isEmpty {
            file.warn(.impressionsNotReach, "LinkedIn gives impressions per post, not reach: the reach column is empty")
        }
        return file
    }
}

/// LinkedIn page analytics, followers export saved as CSV: one row per day with Sponsored,
/// Organic and Total followers.
///
/// "Total followers" is the day's **new** followers (organic + sponsored) when every row has
/// Total = Organic + Sponsored, and is then written as `gained`; otherwise it is read as the
/// running total and written as `followers` (import.json's notes say which).
public enum LinkedInFollowersExport: TableExportFormat {
    public static let id = "linkedin-followers"
    public static let title = "LinkedIn page followers (Date, Sponsored / Organic / Total followers)"

    static let date = ExportColumn("Date")
    static let sponsored = ExportColumn("Sponsored followers")
    static let organic = ExportColumn("Organic followers")
    static let total = ExportColumn("Total followers")
    public static let signatureColumns = [date, organic, total]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        var rows: [(ObservedDate, Int?, Int?, Int?, SourcePosition)] = []
        for record in records(table, header: header) {
            file.rowsRead += 1
            guard let day = try record.time(date, expected: "01/30/2025") else {
                file.skip("no date")
                continue
            }
            rows.append((day.date, try record.count(sponsored), try record.count(organic), try record.count(total), record.position))
        }
        let daily = rows.allSatisfy { $0.3 == nil || $0.3 == ($0.1 ?? 0) + ($0.2 ?? 0) }
        file.notes["total_followers_means"] = daily ? "new followers that day (Total = Organic + Sponsored on every row)" : "followers at the end of the day"
        for (day, _, _, t, position) in rows {
            file.followers.append(ObservedFollowers(platform: .linkedin, account: context.account ?? "", date: day,
                                                    followers: daily ? nil : t, gained: daily ? t : nil, source: position))
        }
        return file
    }
}
