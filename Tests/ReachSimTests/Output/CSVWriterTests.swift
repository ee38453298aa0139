import Testing
@testable import ReachSim

@Suite struct CSVWriterTests {
    /// One field in a one-field row, as bytes.
    private func field(_ s: String) -> [UInt8] {
        var w = CSVWriter()
        w.append(s)
        w.endRow()
        return w.bytes
    }

    private func number(_ d: Double) -> String {
        var w = CSVWriter()
        w.append(d)
        w.endRow()
        return String(decoding: w.bytes.dropLast(), as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", "plain\n"),
        ("a,b", "\"a,b\"\n"),
        ("say \"hi\"", "\"say \"\"hi\"\"\"\n"),
        ("\"", "\"\"\"\"\n"),
        ("line\nbreak", "\"line\nbreak\"\n"),
        ("crlf\r\nbreak", "\"crlf\r\nbreak\"\n"),
        ("lone\rcr", "\"lone\rcr\"\n"),
        (" leading", "\" leading\"\n"),
        ("trailing ", "\"trailing \"\n"),
        ("\ttab", "\"\ttab\"\n"),
        ("inner space", "inner space\n"),
        ("", "\"\"\n"),
        ("Musée", "Musée\n"),
        ("Musée, Paris", "\"Musée, Paris\"\n"),
    ])
    func quoting(input: String, expected: String) {
        #expect(field(input) == Array(expected.utf8))
    }

    /// "\r\n" is a single Character: a Character-based check would miss the line break.
    @Test func crlfIsOneCharacterButIsQuoted() {
        let s = "x\r\n"
        #expect(!s.contains(where: { $0 == "\n" }))  // the Character-level check that must not be relied on
        #expect(field(s) == Array("\"x\r\n\"\n".utf8))
    }

    @Test func integers() {
        var w = CSVWriter()
        w.append(0); w.append(-3); w.append(42); w.append(Int.max); w.append(Int.min)
        w.append(UInt64.max)
        w.endRow()
        let expected = "0,-3,42,9223372036854775807,-9223372036854775808,18446744073709551615\n"
        #expect(w.bytes == Array(expected.utf8))
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (12.0, "12"), (-3.0, "-3"),
        (999_999_999_999_999.0, "999999999999999"), (-999_999_999_999_999.0, "-999999999999999"),
        (1e15, "1000000000000000.0"), (1e16, "1e+16"), (-1e300, "-1e+300"), (0.1, "0.1"), (-2.5, "-2.5"), (1.0 / 3.0, "0.3333333333333333"),
        (1e-7, "1e-07"), (123.456, "123.456"),
    ])
    func doubles(value: Double, expected: String) {
        #expect(number(value) == expected)
    }

    /// Every non-integer double reads back to exactly the same value.
    @Test func doublesRoundTrip() {
        let stream = RandomStream(seed: 11, purpose: .test)
        for _ in 0..<10_000 {
            let bits = stream.next()
            let d = Double(bitPattern: bits)
            guard d.isFinite else { continue }
            #expect(Double(number(d)) == d, "\(d)")
            let u = stream.uniform() * 1e6
            #expect(Double(number(u)) == u, "\(u)")
        }
    }

    @Test func missingFieldIsEmpty() {
        var w = CSVWriter()
        w.append(1); w.appendMissing(); w.append(2); w.endRow()
        w.appendMissing(); w.append("x"); w.appendMissing(); w.endRow()
        #expect(w.bytes == Array("1,,2\n,x,\n".utf8))
    }

    @Test func everyRowEndsWithLineFeed() {
        var w = CSVWriter()
        w.appendRow(["week", "reach", "note"])
        w.append(1); w.append(0.25); w.append("ok"); w.endRow()
        w.append(2); w.append(0.5); w.appendMissing(); w.endRow()
        #expect(w.bytes == Array("week,reach,note\n1,0.25,ok\n2,0.5,\n".utf8))
        #expect(w.rowCount == 3)
        #expect(w.columnCount == 3)
    }

    @Test func emptyWriterHasNoBytes() {
        #expect(CSVWriter(reservingCapacity: 1024).bytes.isEmpty)
    }

    @Test func nonFiniteDoubleIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            var w = CSVWriter()
            w.append(Double.nan)
        }
    }

    @Test func rowOfTheWrongWidthIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            var w = CSVWriter()
            w.appendRow(["a", "b"])
            w.append(1)
            w.endRow()
        }
    }
}
