import Testing
@testable import ReachSim

/// Encodings, delimiters and line numbers of CSV exports.
@Suite struct ExportTableTests {
    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += bigEndian ? [hi, lo] : [lo, hi]
        }
        return bytes
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func utf16WithSepLine(bigEndian: Bool, bom: Bool) throws {
        let text = "sep=;\r\nDate;Primary\r\n2025-01-01;1 204\r\n"
        let table = try ExportTable(bytes: Self.utf16(text, bigEndian: bigEndian, bom: bom), path: "Follows.csv")
        #expect(table.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(table.delimiter == ";")
        #expect(table.rows.map(\.fields) == [["Date", "Primary"], ["2025-01-01", "1 204"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func utf8ByteOrderMarkAndSemicolons() throws {
        let table = try ExportTable(bytes: [0xEF, 0xBB, 0xBF] + Array("Type;Paid\nPhoto;1\n".utf8), path: "uci.csv")
        #expect(table.delimiter == ";")
        #expect(table.rows.first?.fields == ["Type", "Paid"])
    }

    /// Rows start on the line an editor shows, with CRLF, blank lines and line breaks in quotes.
    @Test func lineNumbers() throws {
        let text = "a,b\r\n\r\n1,\"two\r\nlines\"\r\n2,\"x\ny\nz\"\n\n3,\"\"\"quoted\"\"\"\n"
        let table = try ExportTable(bytes: Array(text.utf8), path: "t.csv")
        #expect(table.rows.map(\.line) == [1, 3, 5, 9])
        #expect(table.rows[1].fields == ["1", "two\r\nlines"])
        #expect(table.rows[3].fields == ["3", "\"quoted\""])
    }

    @Test func oddLengthUTF16IsRefused() {
        #expect(throws: ImportError.self) {
            try ExportTable(bytes: [0xFF, 0xFE, 0x41, 0x00, 0x42], path: "cut.csv")
        }
    }
}
