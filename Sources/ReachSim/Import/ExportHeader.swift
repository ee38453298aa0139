import Foundation

/// A column a format reads, under every name the exports give it: other interface languages,
/// older and newer spellings. Names are compared after `ExportHeader.normalize`.
public struct ExportColumn: Sendable {
    /// Normalised names, compared with the header's.
    public let names: [String]
    /// The first name as written, shown in messages and docs.
    public let title: String

    public init(_ names: String...) {
        self.init(names: names)
    }

    public init(names: [String]) {
        self.names = names.map(ExportHeader.normalize)
        title = names.first ?? ""
    }

    /// X's paid copy of a column: `promoted likes`, `promoted favorites`.
    public var promoted: ExportColumn { ExportColumn(names: names.map { "promoted " + $0 }) }
}

/// The header row of a CSV export: the column names as written, and where the row is.
public struct ExportHeader: Sendable {
    /// Names as the file writes them.
    public var names: [String]
    /// `names`, normalised.
    public var normalized: [String]
    /// Index of the header row in `ExportTable.rows`; data rows follow it.
    public var rowIndex: Int
    public var line: Int

    public init(row: ExportTable.Row, rowIndex: Int) {
        names = row.fields
        normalized = row.fields.map(Self.normalize)
        self.rowIndex = rowIndex
        line = row.line
    }

    /// Lower case, accents removed, typographic apostrophes made plain, inner runs of spaces made
    /// one, trimmed: `"Portée "` → `portee`, `J’aime` → `j'aime`.
    public static func normalize(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The position of the first column named any of `column.names`.
    public func index(of column: ExportColumn) -> Int? {
        for name in column.names {
            if let i = normalized.firstIndex(of: name) { return i }
        }
        return nil
    }

    /// Whether every column is present.
    public func has(_ columns: [ExportColumn]) -> Bool {
        columns.allSatisfy { index(of: $0) != nil }
    }

    /// The first of the table's first `within` rows that has every column of `signature`.
    public static func find(in table: ExportTable, signature: [ExportColumn], within: Int = 3) -> ExportHeader? {
        for (i, row) in table.rows.prefix(within).enumerated() {
            let header = ExportHeader(row: row, rowIndex: i)
            if header.has(signature) { return header }
        }
        return nil
    }

    /// The header as the user would recognise it in an error: `"Tweet id","time",…`, cut after
    /// 12 names.
    public var quoted: String {
        let shown = names.prefix(12).map { "\"\($0)\"" }.joined(separator: ",")
        return names.count > 12 ? shown + ",… (\(names.count) columns)" : shown
    }
}

/// One data row read through its header: typed cells, and errors that name the file, line,
/// column and field.
public struct ExportRecord: Sendable {
    public var row: ExportTable.Row
    public var header: ExportHeader
    public var path: String

    public init(row: ExportTable.Row, header: ExportHeader, path: String) {
        self.row = row
        self.header = header
        self.path = path
    }

    public var line: Int { row.line }
    public var position: SourcePosition { SourcePosition(file: path, line: row.line) }

    /// The trimmed cell, `nil` when the column is absent from the header.
    public func text(_ column: ExportColumn) -> String? {
        guard let i = header.index(of: column) else { return nil }
        return row[i].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The trimmed cell, or an error when the column is absent or the cell empty.
    public func required(_ column: ExportColumn) throws -> String {
        guard let i = header.index(of: column) else {
            throw ImportError(file: path, line: header.line, field: column.title,
                              message: "missing column (expected one named \(column.names.map { "\"\($0)\"" }.joined(separator: " or ")))")
        }
        let value = row[i].trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { throw error(at: i, "expected a value, found an empty cell") }
        return value
    }

    /// A count (see `ExportNumber.count`); `nil` when the column is absent or the cell missing.
    public func count(_ column: ExportColumn) throws -> Int? {
        guard let i = header.index(of: column) else { return nil }
        do {
            return try ExportNumber.count(row[i])
        } catch .notACount {
            throw error(at: i, "expected a whole number of at least 0, found \(Self.show(row[i]))")
        } catch {
            throw self.error(at: i, "expected a whole number, found \(Self.show(row[i]))")
        }
    }

    /// A decimal amount (money); `nil` when absent or missing.
    public func amount(_ column: ExportColumn) throws -> Double? {
        guard let i = header.index(of: column) else { return nil }
        do {
            return try ExportNumber.amount(row[i])
        } catch {
            throw self.error(at: i, "expected a number, found \(Self.show(row[i]))")
        }
    }

    /// A date and time in the column; `nil` when the cell is missing (`undefined`, empty).
    public func time(_ column: ExportColumn, year: Int? = nil, dayFirst: Bool = false,
                     expected: String) throws -> ExportDateParser.Parsed? {
        guard let i = header.index(of: column) else { return nil }
        let raw = row[i]
        if ExportNumber.isMissing(raw) { return nil }
        if year == nil, ExportDateParser.lacksYear(raw) {
            throw error(at: i, "the date \(Self.show(raw)) has no year: give one with --year")
        }
        guard let parsed = ExportDateParser.parse(raw, year: year, dayFirst: dayFirst) else {
            throw error(at: i, "expected a date like \(expected), found \(Self.show(raw))")
        }
        return parsed
    }

    /// An error at field `index` of this row.
    public func error(at index: Int, _ message: String) -> ImportError {
        ImportError(file: path, line: row.line, column: index + 1,
                    field: index < header.names.count ? header.names[index] : "field \(index + 1)", message: message)
    }

    /// An error at `column` (which must be in the header) of this row.
    public func error(_ column: ExportColumn, _ message: String) -> ImportError {
        if let i = header.index(of: column) { return error(at: i, message) }
        return ImportError(file: path, line: row.line, field: column.title, message: message)
    }

    /// A cell in quotes for a message, cut after 40 characters.
    static func show(_ raw: String) -> String {
        let cut = raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
        return "\"\(cut)\""
    }
}
