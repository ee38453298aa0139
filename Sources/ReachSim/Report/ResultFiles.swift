import Foundation

import CSV

/// Reads back `summary.csv` by column name.
struct SummaryFile {
    struct Key: Hashable {
        let platform: String
        let segment: String
        let metric: String
    }

    /// Per week (index 0 = week 1): mean, p05, p50, p95.
    struct Series {
        var mean: [Double] = []
        var p05: [Double] = []
        var p50: [Double] = []
        var p95: [Double] = []
    }

    let scenario: String
    var platforms: [String] = []
    var segments: [String] = []
    var series: [Key: Series] = [:]
    var weeks: Int { series.values.first?.mean.count ?? 0 }

    /// Parses `summary.csv` (`SummaryTable.header`; its columns are found by name).
    init(url: URL) throws {
        var name = "", platforms: [String] = [], segments: [String] = [], series: [Key: Series] = [:]
        try CSVTable.forEachRow(url: url, required: SummaryTable.header) { row in
            name = row["scenario"]
            let key = Key(platform: row["platform"], segment: row["segment"], metric: row["metric"])
            if !platforms.contains(key.platform) { platforms.append(key.platform) }
            if !segments.contains(key.segment) { segments.append(key.segment) }
            var s = series[key] ?? Series()
            s.mean.append(row.double("mean"))
            s.p05.append(row.double("p05"))
            s.p50.append(row.double("p50"))
            s.p95.append(row.double("p95"))
            series[key] = s
        }
        (scenario, self.platforms, self.segments, self.series) = (name, platforms, segments, series)
    }

    func get(_ platform: String, _ segment: String, _ metric: Metric) -> Series? {
        series[Key(platform: platform, segment: segment, metric: metric.column)]
    }
}

/// One of ReachSim's CSV files read back by column name. yaslab/CSV.swift parses RFC 4180
/// (quoted fields, with commas, quotes and line breaks inside), so a scenario or account name
/// that needs quoting reads back as written; fields are found by their header's name, not their
/// position. A file that cannot be read, lacks one of the `required` columns, has a malformed
/// quote or a row of the wrong width is a `ReportError` naming the file (and the row: row 1 is
/// the header).
enum CSVTable {
    struct Row {
        let fields: [String]
        let columns: [String: Int]
        /// 1-based, the header being row 1.
        let number: Int

        /// The field of column `name`, which must be one of the `required` columns.
        subscript(_ name: String) -> String {
            guard let i = columns[name] else { preconditionFailure("CSVTable: column \(name) was not required") }
            return fields[i]
        }

        /// The field as a number; NaN when empty or not a number (an empty cell means "not applicable").
        func double(_ name: String) -> Double { Double(self[name]) ?? .nan }
    }

    /// Calls `body` with each data row, in file order, without keeping the rows.
    static func forEachRow(url: URL, required: [String], _ body: (Row) throws -> Void) throws {
        // Read from the text, not a stream: CSV.swift's stream reader reports the end of a file
        // as `cannotReadFile`. The text is held once, the rows are not.
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ReportError("cannot read \(url.path)") }
        let reader: CSVReader
        do { reader = try CSVReader(string: String(decoding: data, as: UTF8.self), hasHeaderRow: true) } catch {
            throw ReportError("\(url.path): \(error)")
        }
        guard let header = reader.headerRow else { throw ReportError("\(url.path) is empty") }
        var columns: [String: Int] = [:]
        for (i, name) in header.enumerated() where columns[name] == nil { columns[name] = i }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ReportError("\(url.path) is not a ReachSim file of this kind: it has no column \(missing.joined(separator: ", ")) "
                + "(expected \(required.joined(separator: ",")))")
        }
        var number = 1
        while let fields = reader.next() {
            number += 1
            guard fields.count == header.count else {
                throw ReportError("\(url.path): row \(number) has \(fields.count) fields, the header \(header.count)")
            }
            try body(Row(fields: fields, columns: columns, number: number))
        }
        if let error = reader.error { throw ReportError("\(url.path): row \(number + 1): \(error)") }
    }

    /// Every data row.
    static func rows(url: URL, required: [String]) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(url: url, required: required) { rows.append($0) }
        return rows
    }
}

/// A results directory that cannot be reported on (exit 65).
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ message: String) { description = message }
}
