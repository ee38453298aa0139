import Foundation

/// Meta Business Suite's page-metric export (Insights → Results → Export): one CSV per metric
/// (Follows, Views, Viewers, Visits), UTF-16 with a `sep=,` first line, columns `Date,Primary`,
/// one row per day.
///
/// The contents do not say which metric a file holds, so the file's name is read for that one
/// fact (the format itself is recognised from the header): a name with `follow` or `abonn`
/// (`Follows.csv`, `Abonnements.csv`) is read as daily follows, with `instagram` in the name for an
/// Instagram account, else a Facebook Page. Other metrics are recognised and left out, warned.
///
/// | export column | observed_followers column |
/// |---|---|
/// | Date (`2025-01-06T00:00:00` or `2025-01-06`) | date |
/// | Primary | gained (new follows that day) |
/// | – | followers, lost: empty |
public enum MetaPageMetricExport: TableExportFormat {
    public static let id = "meta-page-metric"
    public static let title = "Meta Business Suite page metric (Date, Primary; one file per metric)"

    static let date = ExportColumn("Date")
    static let primary = ExportColumn("Primary", "Principal")
    public static let signatureColumns = [date, primary]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        let name = ExportHeader.normalize((table.path as NSString).lastPathComponent)
        let isFollows = name.contains("follow") || name.contains("abonn")
        let platform: ObservedPlatform = name.contains("instagram") ? .instagram : .facebook
        file.notes["metric"] = isFollows ? "follows" : "unknown"
        for record in records(table, header: header) {
            file.rowsRead += 1
            guard let day = try record.time(date, expected: "2025-01-06") else {
                file.skip("no date")
                continue
            }
            let value = try record.count(primary)
            if !isFollows { continue }
            file.followers.append(ObservedFollowers(platform: platform, account: context.account ?? "", date: day.date,
                                                    gained: value, source: record.position))
        }
        if !isFollows {
            file.warn(.notConverted, "a page-metric file whose name does not say Follows: its metric is unknown, not converted (name the Follows export e.g. Follows.csv)")
        }
        return file
    }
}
