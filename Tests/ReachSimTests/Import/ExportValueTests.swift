import Testing
@testable import ReachSim

/// The spellings of counts and dates in the exports.
@Suite struct ExportValueTests {
    @Test(arguments: [
        ("4715.0", 4715), ("4715", 4715), ("15,000", 15000), ("1,234,567", 1_234_567), ("15 000", 15000),
        ("15\u{00A0}000", 15000), ("15\u{202F}000", 15000), ("1'500", 1500), (" 42 ", 42), ("0.0", 0),
    ])
    func counts(_ text: String, _ value: Int) throws {
        #expect(try ExportNumber.count(text) == value)
    }

    @Test(arguments: ["", "-", "undefined", "NA", "N/A", "null", "--"])
    func missingCounts(_ text: String) throws {
        #expect(try ExportNumber.count(text) == nil)
    }

    @Test(arguments: [("12a", ExportNumber.Failure.notANumber), ("1,5,0", .notANumber), ("4715.5", .notACount),
                      ("-3", .notACount), ("1e400", .notANumber), (".5", .notANumber), ("1,23", .notACount)])
    func refusedCounts(_ text: String, _ failure: ExportNumber.Failure) {
        #expect(throws: failure) { try ExportNumber.count(text) }
    }

    @Test func amounts() throws {
        #expect(try ExportNumber.amount("120.50") == 120.5)
        #expect(try ExportNumber.amount("1,204.25") == 1204.25)
        #expect(try ExportNumber.amount("12,50") == 12.5)
        #expect(try ExportNumber.amount("-35") == -35)
    }

    @Test(arguments: [
        ("2016-12-23 18:50 +0000", "2016-12-23T18:50:00Z"),
        ("2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00Z"),
        ("2024-05-01T12:00:00+02:00", "2024-05-01T10:00:00Z"),
        ("2025-01-06T00:00:00", "2025-01-06T00:00:00Z"),
        ("2017-05-01", "2017-05-01T00:00:00Z"),
        ("01/30/2025 19:05", "2025-01-30T19:05:00Z"),
        ("1/22/2016 6:30:00 PM", "2016-01-22T18:30:00Z"),
        ("12/1/2016 12:05:00 AM", "2016-12-01T00:05:00Z"),
        ("30/01/2025 19:05", "2025-01-30T19:05:00Z"),
        ("Mon, Jan 06, 2025", "2025-01-06T00:00:00Z"),
        ("Mar 5, 2021", "2021-03-05T00:00:00Z"),
        ("6 January 2025", "2025-01-06T00:00:00Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
    ])
    func dates(_ text: String, _ iso: String) {
        #expect(ExportDateParser.parse(text)?.time.description == iso)
    }

    @Test func dayFirst() {
        #expect(ExportDateParser.parse("03/02/2025 18:30", dayFirst: true)?.time.description == "2025-02-03T18:30:00Z")
        #expect(ExportDateParser.parse("03/02/2025 18:30")?.time.description == "2025-03-02T18:30:00Z")
    }

    @Test func datesWithoutYear() {
        #expect(ExportDateParser.parse("Nov 12") == nil)
        #expect(ExportDateParser.lacksYear("Nov 12"))
        #expect(!ExportDateParser.lacksYear("Nov 12, 2024"))
        #expect(ExportDateParser.parse("December 1", year: 2024)?.time.description == "2024-12-01T00:00:00Z")
        #expect(ExportDateParser.parse("December 1", year: 2024)?.hasYear == false)
    }

    @Test(arguments: ["2019-02-30", "2019-13-01", "13/13/2020", "yesterday", "2019-02-01 25:00", "Feb 30, 2020",
                      "2019-02-01T10:00+99:00", "2019-02-01T10:00:00Zjunk", "1/2/3"])
    func refusedDates(_ text: String) {
        #expect(ExportDateParser.parse(text, year: 2020) == nil)
    }

    /// Days since the epoch and back, over four centuries of leap-year rules.
    @Test func calendarRoundTrip() {
        for days in stride(from: -150_000, through: 150_000, by: 97) {
            let date = ObservedDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(ObservedDate(year: date.year, month: date.month, day: date.day) == date)
        }
        #expect(ObservedDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(ObservedTime(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
    }
}
