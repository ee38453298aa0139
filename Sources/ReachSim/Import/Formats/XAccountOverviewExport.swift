/// X's current account export (`account_overview_analytics.csv`, from 2023; names from public
/// parsers): one row per day of the account's totals.
///
/// | export column | observed_followers column |
/// |---|---|
/// | Date (`Mon, Jan 06, 2025`) | date |
/// | New follows | gained |
/// | Unfollows | lost |
/// | – | followers: empty (X gives no total) |
///
/// The account is not in the file: `--account`, or the only X account of the other files.
public enum XAccountOverviewExport: TableExportFormat {
    public static let id = "x-account-overview"
    public static let title = "X account analytics, overview (account_overview_analytics.csv)"

    static let date = ExportColumn("Date")
    static let newFollows = ExportColumn("New follows")
    static let unfollows = ExportColumn("Unfollows")
    public static let signatureColumns = [date, newFollows, unfollows]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        for record in records(table, header: header) {
            file.rowsRead += 1
            guard let day = try record.time(date, expected: "Mon, Jan 06, 2025") else {
                file.skip("no date")
                continue
            }
            file.followers.append(ObservedFollowers(platform: .x, account: context.account ?? "", date: day.date,
                                                    gained: try record.count(newFollows), lost: try record.count(unfollows),
                                                    source: record.position))
        }
        return file
    }
}
