/// One kind of export: how to recognise it and how to read it.
///
/// Recognition looks at the contents only (a CSV header, the shape of a JSON document), never at
/// the file's name. Each conforming type documents the export's columns, their units and how
/// each becomes a column of `observed_posts.csv` or `observed_followers.csv`.
public protocol ExportFormat: Sendable {
    /// Stable identifier written in `import.json`, e.g. `x-tweet-activity`.
    static var id: String { get }
    /// The export as its users know it, e.g. `X tweet activity (tweet_activity_metrics_*.csv)`.
    static var title: String { get }
    /// What recognition looks for, shown when a file is recognised as nothing:
    /// `header with Tweet id, Tweet permalink, time, impressions`.
    static var signature: String { get }
    /// Whether `input` is this export.
    static func recognizes(_ input: ExportInput) -> Bool
    /// Reads every row. Throws `ImportError` for a row it cannot read; rows it can read but must
    /// leave out (a `Total` row, a repost) are counted in `ImportedFile.skipped`.
    static func read(_ input: ExportInput, context: ImportContext) throws -> ImportedFile
    /// Whether the export writes dates without a year (TikTok Studio): such files are read
    /// after the others, which can tell the year. Default false.
    static var datesLackYear: Bool { get }
}

/// An export format read from a CSV header: a signature of columns that must all be present.
public protocol TableExportFormat: ExportFormat {
    /// Columns that identify the export (all present in one of the first three rows).
    static var signatureColumns: [ExportColumn] { get }
    /// Columns whose presence rules the export out (to tell apart look-alikes).
    static var excludedColumns: [ExportColumn] { get }
    /// Reads the rows under `header`.
    static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile
}

extension TableExportFormat {
    public static var excludedColumns: [ExportColumn] { [] }

    public static var signature: String {
        "header with " + signatureColumns.map(\.title).joined(separator: ", ")
    }

    static func header(in input: ExportInput) -> ExportHeader? {
        guard case .table(let table) = input.content,
              let header = ExportHeader.find(in: table, signature: signatureColumns) else { return nil }
        return excludedColumns.contains { header.index(of: $0) != nil } ? nil : header
    }

    public static func recognizes(_ input: ExportInput) -> Bool { header(in: input) != nil }

    public static func read(_ input: ExportInput, context: ImportContext) throws -> ImportedFile {
        guard case .table(let table) = input.content, let header = header(in: input) else {
            throw ImportError(file: input.path, message: "not a \(title)")
        }
        var file = try read(table, header: header, context: context)
        file.encoding = table.encoding
        return file
    }

    /// The data rows under `header`, read as records.
    static func records(_ table: ExportTable, header: ExportHeader) -> [ExportRecord] {
        table.rows[(header.rowIndex + 1)...].map { ExportRecord(row: $0, header: header, path: table.path) }
    }
}

/// What the command line adds to what the files say.
public struct ImportContext: Sendable {
    /// `--year`: the year of dates written without one (TikTok Studio).
    public var year: Int?
    /// Where `year` came from, for the warning: `--year` or the other files.
    public var yearSource: String
    /// `--account`: the account of exports that do not name it.
    public var account: String?

    public init(year: Int? = nil, yearSource: String = "--year", account: String? = nil) {
        self.year = year
        self.yearSource = yearSource
        self.account = account
    }
}

/// A warning kept in `import.json`: the file (and line) it concerns, a stable kind, the text.
public struct ImportWarning: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable, Comparable, Codable {
        /// Only impressions (views) are given: `reach` stays empty; impressions count repeats.
        case impressionsNotReach = "impressions_not_reach"
        /// The platform renamed a metric within the period read (Meta impressions → views).
        case metricRenamed = "metric_renamed"
        /// Rows left out, with the reason.
        case rowsSkipped = "rows_skipped"
        /// Dates without a year took one from `--year` or the other files.
        case yearAssumed = "year_assumed"
        /// Times without a time zone were taken as UTC.
        case timeZoneAssumed = "time_zone_assumed"
        /// The export does not name its account.
        case accountAssumed = "account_assumed"
        /// A value that does not follow from the others (the monthly X summary's month and date).
        case inconsistentRow = "inconsistent_row"
        /// A file recognised, but with nothing the outputs hold (account-level daily totals).
        case notConverted = "not_converted"
        /// Posts without a publication date.
        case noDate = "no_publication_date"
        /// Publication dates worked out from partial fields (the UCI data set's month and weekday).
        case dateReconstructed = "date_reconstructed"
        /// A post of a Meta Ads Manager export could not be matched with a post.
        case adNotMatched = "ad_not_matched"

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.file, a.line ?? 0, a.kind, a.message) < (b.file, b.line ?? 0, b.kind, b.message)
    }
}

/// What one file gave.
public struct ImportedFile: Sendable {
    public var path: String
    /// `ExportFormat.id`.
    public var format: String
    /// `UTF-8`, `UTF-16LE`, `JSON`, …
    public var encoding: String = "UTF-8"
    /// Data rows (or JSON items) read, skipped ones included.
    public var rowsRead = 0
    public var posts: [ObservedPost] = []
    public var followers: [ObservedFollowers] = []
    public var ads: [ObservedAd] = []
    public var warnings: [ImportWarning] = []
    /// Rows left out, by reason ("Total row", "reblog of another account's post").
    public var skipped: [String: Int] = [:]
    /// Single values the export gives outside rows (Mastodon's current `followers_count`).
    public var notes: [String: String] = [:]

    public init(path: String, format: String) {
        self.path = path
        self.format = format
    }

    /// Counts a skipped row under `reason`.
    public mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    public mutating func warn(_ kind: ImportWarning.Kind, line: Int? = nil, _ message: String) {
        warnings.append(ImportWarning(kind, file: path, line: line, message))
    }

    /// The latest date in the file (posts' publication, follower days, ads' ends): what "the file
    /// whose period ends last" compares when merging.
    public var periodEnd: ObservedDate? {
        let dates = posts.compactMap { $0.publishedAt?.date } + followers.map(\.date) + ads.compactMap(\.reportingEnds)
        return dates.max()
    }

    /// The earliest such date.
    public var periodStart: ObservedDate? {
        let dates = posts.compactMap { $0.publishedAt?.date } + followers.map(\.date) + ads.compactMap(\.reportingStarts)
        return dates.min()
    }
}
