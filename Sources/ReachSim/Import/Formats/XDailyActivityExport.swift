/// X analytics' legacy daily export (`daily_tweet_activity_metrics_HANDLE_START_END_LANG.csv`):
/// one row per day of the account's totals, with the day's follows.
///
/// | export column | observed_followers column |
/// |---|---|
/// | Date (`2017-01-30`) | date |
/// | follows + promoted follows | gained (new followers that day attributed to tweets) |
/// | – | followers, lost: empty (the export has neither) |
///
/// The account is not in the file: `--account`, or the only X account of the other files.
public enum XDailyActivityExport: TableExportFormat {
    public static let id = "x-daily-activity"
    public static let title = "X daily tweet activity (daily_tweet_activity_metrics_*.csv, until 2023)"

    static let date = ExportColumn("Date")
    static let published = ExportColumn("Tweets published")
    static let follows = ExportColumn("follows")
    public static let signatureColumns = [date, published, ExportColumn("impressions"), follows]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            guard let day = try record.time(date, expected: "2017-01-30") else {
                throw record.error(date, "expected the day, found an empty cell")
            }
            let organic = try record.count(follows)
            let paid = try record.count(follows.promoted)
            let gained: Int? = organic == nil && paid == nil ? nil : (organic ?? 0) + (paid ?? 0)
            file.followers.append(ObservedFollowers(platform: .x, account: context.account ?? "", date: day.date,
                                                    gained: gained, source: record.position))
        }
        return file
    }
}
