/// YouTube Studio's advanced-mode export, `Table data.csv` with Content (video id) as the
/// dimension: one row per video and a `Total` row (skipped). Figures cover the period chosen
/// in Studio (lifetime when "Lifetime" was chosen).
///
/// | export column | observed_posts column |
/// |---|---|
/// | Content (video id) | post_id |
/// | Video publish time (`Mar 5, 2021`) | published_at (a day: midnight UTC) |
/// | Views | impressions (views; YouTube's "Impressions" are thumbnail showings, not read) |
/// | Unique viewers | reach (when exported) |
/// | Likes, Comments added, Shares | likes, comments, shares |
/// | Subscribers gained | follows |
///
/// The account is not in the file: `--account`.
public enum YouTubeStudioTableExport: TableExportFormat {
    public static let id = "youtube-studio-table"
    public static let title = "YouTube Studio Table data.csv (by video)"

    static let content = ExportColumn("Content")
    static let videoTitle = ExportColumn("Video title")
    static let published = ExportColumn("Video publish time")
    static let views = ExportColumn("Views")
    static let uniqueViewers = ExportColumn("Unique viewers")
    static let likes = ExportColumn("Likes")
    static let comments = ExportColumn("Comments added")
    static let shares = ExportColumn("Shares")
    static let subscribers = ExportColumn("Subscribers gained")
    public static let signatureColumns = [content, videoTitle, published, views]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            let id = try record.required(content)
            if id.lowercased() == "total" {
                file.skip("Total row")
                continue
            }
            guard let time = try record.time(published, expected: "Mar 5, 2021") else {
                throw record.error(published, "expected the video's publish time, found an empty cell")
            }
            file.posts.append(ObservedPost(
                platform: .youtube, account: context.account ?? "", postID: id, publishedAt: time.time,
                impressions: try record.count(views), reach: try record.count(uniqueViewers), likes: try record.count(likes),
                comments: try record.count(comments), shares: try record.count(shares), follows: try record.count(subscribers),
                source: record.position))
        }
        return file
    }
}
