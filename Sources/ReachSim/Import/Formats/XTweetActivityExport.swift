/// X analytics' legacy "tweet activity" export (`tweet_activity_metrics_HANDLE_START_END_LANG.csv`,
/// downloadable until 2023): one row per tweet published in the period (at most 91 days).
///
/// Every count is lifetime per tweet as of the download, written as a decimal (`"4715.0"`). The
/// unprefixed columns are organic; the `promoted …` copies hold the paid figures, `-` when the
/// tweet was not promoted.
///
/// | export column | observed_posts column |
/// |---|---|
/// | Tweet id | post_id |
/// | Tweet permalink | account (`twitter.com/ACCOUNT/status/…`) |
/// | time (`2016-12-23 18:50 +0000`) | published_at |
/// | impressions + promoted impressions | impressions (views, repeats counted) |
/// | likes (older files: favorites) + promoted | likes |
/// | replies + promoted | comments |
/// | retweets + promoted | shares |
/// | url, user profile, hashtag clicks, detail expands, permalink clicks, app opens, media engagements (+ promoted) | clicks |
/// | follows + promoted follows | follows |
/// | promoted impressions: `-` → false, a number above 0 → true, no promoted columns → unknown | paid |
///
/// No reach: `reach` stays empty and a warning says impressions were given instead.
public enum XTweetActivityExport: TableExportFormat {
    public static let id = "x-tweet-activity"
    public static let title = "X tweet activity (tweet_activity_metrics_*.csv, until 2023)"

    static let tweetID = ExportColumn("Tweet id")
    static let permalink = ExportColumn("Tweet permalink")
    static let time = ExportColumn("time")
    static let impressions = ExportColumn("impressions")
    static let likes = ExportColumn("likes", "favorites")
    static let replies = ExportColumn("replies")
    static let retweets = ExportColumn("retweets")
    static let follows = ExportColumn("follows")
    static let clickParts = ["url clicks", "user profile clicks", "hashtag clicks", "detail expands",
                             "permalink clicks", "app opens", "media engagements"].map { ExportColumn($0) }

    public static let signatureColumns = [tweetID, permalink, time, impressions]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            let postID = try record.required(tweetID)
            let link = record.text(permalink) ?? ""
            let account = AccountName.fromLink(link) ?? context.account ?? ""
            guard let published = try record.time(time, expected: "2016-12-23 18:50 +0000") else {
                throw record.error(time, "expected the tweet's time, found an empty cell")
            }
            // Organic and promoted figures; the promoted ones are nil when the tweet was not promoted.
            func both(_ c: ExportColumn) throws -> (Int?, Int?) {
                (try record.count(c), try record.count(c.promoted))
            }
            func total(_ c: ExportColumn) throws -> Int? {
                let (o, p) = try both(c)
                if o == nil && p == nil { return nil }
                return (o ?? 0) + (p ?? 0)
            }
            let promotedImpressions = try both(impressions).1
            let hasPromotedColumns = header.index(of: ExportColumn("promoted impressions")) != nil
            let paid: PaidStatus = !hasPromotedColumns ? .unknown
                : (promotedImpressions ?? 0) > 0 ? .paid : .organic
            var clicks: Int? = nil
            for part in clickParts {
                if let v = try total(part) { clicks = (clicks ?? 0) + v }
            }
            file.posts.append(ObservedPost(
                platform: .x, account: account, postID: postID, publishedAt: published.time, paid: paid,
                impressions: try total(impressions), likes: try total(likes), comments: try total(replies),
                shares: try total(retweets), clicks: clicks, follows: try total(follows), source: record.position))
        }
        if !file.posts.isEmpty {
            file.warn(.impressionsNotReach, "X exports impressions (views, repeats counted), not reach: the reach column is empty")
        }
        return file
    }
}
