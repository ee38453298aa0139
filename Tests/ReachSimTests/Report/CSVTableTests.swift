import Foundation
import PropertyBased
import Testing
@testable import ReachSim

/// The result files read back by column name: whatever the fields hold (commas, quotes, line
/// breaks, accents, nothing), what `CSVWriter` writes `CSVTable` reads back unchanged, wherever
/// the columns stand.
///
/// A property over random tables: PropertyBased draws a new seed each run and names it with the
/// smallest failing table when one fails (its fixed-seed trait is for reproducing, not for
/// committing), so the property is checked on new inputs every run rather than on one sample.
@Suite struct CSVTableTests {
    static let alphabet: [Character] = ["a", "Z", "0", "é", "€", " ", ",", "\"", "\n", "\r\n", ";", "-"]

    @Test func writtenFieldsReadBackByName() async throws {
        let field = Gen<Character?>.element(of: Self.alphabet).map { $0 ?? "a" }.string(of: 0...6)
        let table = field.array(of: 4).array(of: 0...6)
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("t.csv")
        await propertyCheck(input: table, Gen.bool) { rows, reversed in
            // The header in either order: fields are found by name, not position.
            let names = reversed ? ["d", "c", "b", "a"] : ["a", "b", "c", "d"]
            var csv = CSVWriter()
            csv.appendRow(names)
            for row in rows { csv.appendRow(reversed ? row.reversed() : row) }
            try? Data(csv.bytes).write(to: url)
            let read = try? CSVTable.rows(url: url, required: ["a", "b", "c", "d"])
            #expect(read?.map { r in ["a", "b", "c", "d"].map { r[$0] } } == rows)
            #expect(read?.map(\.number) == rows.indices.map { $0 + 2 })
        }
    }

    /// A file whose header lacks a column is refused with the file's path and the column.
    @Test func aMissingColumnIsNamed() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("summary.csv")
        try "scenario,week\nx,1\n".write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: ReportError.self) { try SummaryFile(url: url) }
        #expect(error?.description.contains(url.path) == true)
        #expect(error?.description.contains("no column platform, segment, metric, mean, sd, p05, p50, p95") == true, "\(error!)")
    }
}
