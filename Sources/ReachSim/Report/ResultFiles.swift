import Foundation

/// Reads back the CSV files ReachSim writes (its own tidy format: identifiers never need quoting).
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

    /// Parses `summary.csv` (columns scenario,week,platform,segment,metric,mean,sd,p05,p50,p95).
    init(url: URL) throws {
        let rows = try CSVRows(url: url, expectedHeader: SummaryTable.header)
        var name = ""
        for f in rows.rows {
            name = f[0]
            let key = Key(platform: f[2], segment: f[3], metric: f[4])
            if !platforms.contains(f[2]) { platforms.append(f[2]) }
            if !segments.contains(f[3]) { segments.append(f[3]) }
            var s = series[key] ?? Series()
            s.mean.append(Double(f[5]) ?? .nan)
            s.p05.append(Double(f[7]) ?? .nan)
            s.p50.append(Double(f[8]) ?? .nan)
            s.p95.append(Double(f[9]) ?? .nan)
            series[key] = s
        }
        scenario = name
    }

    func get(_ platform: String, _ segment: String, _ metric: Metric) -> Series? {
        series[Key(platform: platform, segment: segment, metric: metric.column)]
    }
}

/// Rows of one of ReachSim's CSV files, header checked.
struct CSVRows {
    let rows: [[String]]

    init(url: URL, expectedHeader: [String]) throws {
        rows = try Self.lines(url: url, expectedHeader: expectedHeader).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The file's data lines, after checking that its header is `expectedHeader`.
    static func lines(url: URL, expectedHeader: [String]) throws -> ArraySlice<Substring> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReportError("cannot read \(url.path)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, first.split(separator: ",", omittingEmptySubsequences: false).map(String.init) == expectedHeader else {
            throw ReportError("\(url.path) is not a ReachSim file (its header is not \(expectedHeader.joined(separator: ",")))")
        }
        return lines.dropFirst()
    }
}

/// A results directory that cannot be reported on (exit 65).
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ message: String) { description = message }
}
