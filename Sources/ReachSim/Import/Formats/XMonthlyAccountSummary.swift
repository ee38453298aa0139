/// A hand-kept monthly summary of an X account, copied from X analytics' home page (the layout
/// of rOpenSci's `twitter_metrics_monthly_rOpenSci.csv`): one row per month.
///
/// | column | observed_followers column |
/// |---|---|
/// | date (`2017-05-01`: the day the figures were copied, early in the month after) | date |
/// | followers (`NA` when not recorded) | followers, on that day |
/// | new_followers (gross, over the month described) | gained |
/// | – | lost: empty |
/// | month (`Apr`: the month described) | checked against date: a month that is not the one before `date`'s is warned about, the row kept |
///
/// tweets, tweet_impressions, profile_visits and mentions are account-level monthly totals with
/// no place in the outputs. Rows with neither followers nor new_followers are skipped.
public enum XMonthlyAccountSummary: TableExportFormat {
    public static let id = "x-monthly-summary"
    public static let title = "X monthly account summary (hand-kept: date, month, followers, new_followers)"

    static let date = ExportColumn("date")
    static let month = ExportColumn("month")
    static let followers = ExportColumn("followers")
    static let newFollowers = ExportColumn("new_followers", "new followers")
    public static let signatureColumns = [date, month, followers, newFollowers]

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            guard let day = try record.time(date, expected: "2017-05-01") else {
                throw record.error(date, "expected the day the figures were copied, found an empty cell")
            }
            let total = try record.count(followers)
            let gained = try record.count(newFollowers)
            if let described = record.text(month)?.lowercased().prefix(3), !described.isEmpty {
                guard let m = monthNames.firstIndex(of: String(described)) else {
                    throw record.error(month, "expected a month name such as Jan, found \(ExportRecord.show(record.text(month) ?? ""))")
                }
                let expected = (day.date.month + 10) % 12  // index of the month before date's
                if m != expected {
                    file.warn(.inconsistentRow, line: record.line,
                              "month \(record.text(month)!) does not follow from date \(day.date) (expected \(monthNames[expected].capitalized)): row kept with its date")
                }
            }
            if total == nil && gained == nil {
                file.skip("neither followers nor new_followers recorded (NA)")
                continue
            }
            file.followers.append(ObservedFollowers(platform: .x, account: context.account ?? "", date: day.date,
                                                    followers: total, gained: gained, source: record.position))
        }
        return file
    }
}
