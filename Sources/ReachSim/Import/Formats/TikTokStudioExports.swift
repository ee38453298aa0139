/// TikTok Studio's analytics export (a zip of CSV files; column names from public parsers).
/// Dates are written without a year (`Jan 6`, `January 6`): the year comes from `--year`, or
/// else from the latest date of the other files read (warned). Missing days are `undefined`.
///
/// Content.csv, one row per video, lifetime figures:
///
/// | export column | observed_posts column |
/// |---|---|
/// | Video link (`tiktok.com/@ACCOUNT/video/ID`) | post_id (ID), account |
/// | Post time | published_at (no zone: UTC) |
/// | Total views | impressions (views, repeats counted) |
/// | Total likes, Total comments, Total shares | likes, comments, shares |
/// | – | reach empty, paid unknown, format empty (length not given) |
public enum TikTokContentExport: TableExportFormat {
    public static let id = "tiktok-content"
    public static let title = "TikTok Studio Content.csv"
    public static let datesLackYear = true

    static let link = ExportColumn("Video link")
    static let postTime = ExportColumn("Post time")
    static let views = ExportColumn("Total views", "Video views")
    static let likes = ExportColumn("Total likes")
    static let comments = ExportColumn("Total comments")
    static let shares = ExportColumn("Total shares")
    public static let signatureColumns = [link, postTime, views]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            let url = try record.required(link)
            guard let id = url.split(separator: "?").first?.split(separator: "/").last.map(String.init), !id.isEmpty,
                  id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw record.error(link, "expected a link like https://www.tiktok.com/@museum/video/7312345678901234567, found \(ExportRecord.show(url))")
            }
            guard let published = try record.time(postTime, year: context.year, expected: "Jan 6") else {
                throw record.error(postTime, "expected the post time, found an empty cell")
            }
            file.posts.append(ObservedPost(
                platform: .tiktok, account: AccountName.fromLink(url) ?? context.account ?? "", postID: id,
                publishedAt: published.time, impressions: try record.count(views), likes: try record.count(likes),
                comments: try record.count(comments), shares: try record.count(shares), source: record.position))
        }
        if !file.posts.isEmpty {
            file.warn(.impressionsNotReach, "TikTok gives views per video (repeats counted), not reach: the reach column is empty")
        }
        return file
    }
}

/// TikTok Studio's FollowerHistory.csv, one row per day.
///
/// | export column | observed_followers column |
/// |---|---|
/// | Date | date |
/// | Followers | followers |
/// | Difference in followers from previous day | not written: a net change is neither gained nor lost |
public enum TikTokFollowerHistoryExport: TableExportFormat {
    public static let id = "tiktok-follower-history"
    public static let title = "TikTok Studio FollowerHistory.csv"
    public static let datesLackYear = true

    static let date = ExportColumn("Date")
    static let followers = ExportColumn("Followers")
    static let difference = ExportColumn("Difference in followers from previous day")
    public static let signatureColumns = [date, followers, difference]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            guard let day = try record.time(date, year: context.year, expected: "Jan 6") else {
                file.skip("no date")
                continue
            }
            guard let total = try record.count(followers) else {
                file.skip("no follower count (undefined)")
                continue
            }
            file.followers.append(ObservedFollowers(platform: .tiktok, account: context.account ?? "", date: day.date,
                                                    followers: total, source: record.position))
        }
        return file
    }
}

/// TikTok Studio's Overview.csv: the account's daily totals (Date, Video Views, Profile Views,
/// Likes, Comments, Shares). Neither posts nor followers: recognised, counted, not converted.
public enum TikTokOverviewExport: TableExportFormat {
    public static let id = "tiktok-overview"
    public static let title = "TikTok Studio Overview.csv"
    public static let datesLackYear = true

    public static let signatureColumns = [ExportColumn("Date"), ExportColumn("Video Views"), ExportColumn("Profile Views")]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            _ = try record.time(ExportColumn("Date"), year: context.year, expected: "Jan 6")
            for column in ["Video Views", "Profile Views", "Likes", "Comments", "Shares"] {
                _ = try record.count(ExportColumn(column))
            }
        }
        file.warn(.notConverted, "daily account totals (views, profile views, likes): not posts nor followers, not converted")
        return file
    }
}
