import Foundation
import Testing
@testable import ReachSim
@testable import reachsim

/// Bad files are refused with the file, line, column and field, and what was expected.
@Suite struct ImportErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let file: String
        let bytes: [UInt8]
        var year: Int? = nil
        /// The whole message, or its start when `prefixOnly`.
        let expected: String
        var prefixOnly = false
        var testDescription: String { label }

        init(_ label: String, _ file: String, _ text: String, year: Int? = nil, _ expected: String, prefixOnly: Bool = false) {
            self.label = label
            self.file = file
            bytes = Array(text.utf8)
            self.year = year
            self.expected = expected
            self.prefixOnly = prefixOnly
        }

        init(_ label: String, _ file: String, bytes: [UInt8], _ expected: String) {
            self.label = label
            self.file = file
            self.bytes = bytes
            self.expected = expected
            prefixOnly = true
        }
    }

    static let x = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"likes\"\n"
    static let xRow = "\"1\",\"https://twitter.com/m/status/1\",\"hi\",\"2017-01-30 19:05 +0000\",\"10.0\",\"1.0\"\n"

    static let cases: [Case] = [
        Case("not a number", "tweets.csv", x + xRow + "\"2\",\"https://twitter.com/m/status/2\",\"a, b\",\"2017-01-30 19:05 +0000\",\"12a\",\"1.0\"\n",
             "tweets.csv:3:5: impressions: expected a whole number, found \"12a\""),
        Case("negative count", "tweets.csv", x + xRow + xRow.replacingOccurrences(of: "\"1.0\"", with: "\"-1.0\""),
             "tweets.csv:3:6: likes: expected a whole number of at least 0, found \"-1.0\""),
        Case("fractional count", "tweets.csv", x + xRow.replacingOccurrences(of: "10.0", with: "10.5"),
             "tweets.csv:2:5: impressions: expected a whole number of at least 0, found \"10.5\""),
        Case("bad time after a quoted line break", "tweets.csv",
             x + "\"1\",\"https://twitter.com/m/status/1\",\"two\nlines\",\"2017-01-30 19:05 +0000\",\"1\",\"1\"\n"
               + "\"2\",\"https://twitter.com/m/status/2\",\"x\",\"30/01/2017 7pm\",\"1\",\"1\"\n",
             "tweets.csv:4:4: time: expected a date like 2016-12-23 18:50 +0000, found \"30/01/2017 7pm\""),
        Case("empty id", "tweets.csv", x + xRow.replacingOccurrences(of: "\"1\",", with: "\"\","),
             "tweets.csv:2:1: Tweet id: expected a value, found an empty cell"),
        Case("French Meta count", "publications.csv",
             "Identifiant de la publication,Heure de publication,Portée,J'aime\n1,03/02/2025 18:30,15 000,12\n2,04/02/2025 10:00,beaucoup,3\n",
             "publications.csv:3:3: Portée: expected a whole number, found \"beaucoup\""),
        Case("TikTok date without a year", "Content.csv",
             "Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\nA,https://www.tiktok.com/@m/video/1,Nov 12,1,1,1,1\n",
             "Content.csv:2:3: Post time: the date \"Nov 12\" has no year: give one with --year"),
        Case("TikTok link without a video id", "Content.csv",
             "Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\nA,https://www.tiktok.com/@m,Nov 12,1,1,1,1\n", year: 2024,
             "Content.csv:2:2: Video link: expected a link like https://www.tiktok.com/@museum/video/7312345678901234567, found \"https://www.tiktok.com/@m\""),
        Case("UCI paid flag", "dataset_Facebook.csv",
             "Page_T_Likes;Type;Category;Month;Weekday;Hour;Paid;T_Reach\n100;Photo;1;1;1;1;2;5\n",
             "dataset_Facebook.csv:2:7: Paid: expected 1 (boosted) or 0, found 2"),
        Case("Mastodon status without id", "statuses.json",
             "[{\"created_at\":\"2024-01-01T00:00:00Z\",\"favourites_count\":1,\"reblogs_count\":0,\"reblog\":null,\"id\":\"1\"},"
               + "{\"created_at\":\"2024-01-01T00:00:00Z\",\"favourites_count\":1,\"reblogs_count\":0,\"reblog\":null}]",
             "statuses.json: [1].id: missing: expected a string"),
        Case("Mastodon count as text", "statuses.json",
             "[{\"id\":\"1\",\"created_at\":\"2024-01-01T00:00:00Z\",\"favourites_count\":\"7\",\"reblogs_count\":0,\"reblog\":null}]",
             "statuses.json: [0].favourites_count: expected a whole number of at least 0, found a string"),
        Case("Bluesky bad time", "feed.json",
             "{\"feed\":[{\"post\":{\"uri\":\"at://d/app.bsky.feed.post/1\",\"author\":{\"handle\":\"m\"},\"record\":{\"createdAt\":\"soon\"},\"likeCount\":1}}]}",
             "feed.json: feed[0].post.record.createdAt: expected an ISO 8601 time like 2024-05-01T12:00:00.000Z, found \"soon\""),
        Case("invalid JSON", "feed.json", "{\"feed\": [", "feed.json: not valid JSON", prefixOnly: true),
        Case("invalid UTF-8", "tweets.csv", bytes: Array((x + xRow).utf8) + [0x22, 0xC3, 0x28, 0x22, 0x0A],
             "tweets.csv:3: the text is not valid UTF-8"),
        Case("binary file", "photo.csv", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D],
             "photo.csv:"),
        Case("cut zip", "export.zip", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00],
             "export.zip: a zip archive that cannot be opened"),
        Case("empty file", "empty.csv", "", "empty.csv: unknown export format; the file has no rows", prefixOnly: true),
    ]

    @Test(arguments: cases)
    func refused(_ c: Case) throws {
        let error = #expect(throws: ImportError.self) {
            if c.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                // A zip goes through the folder/zip reader, as from the command line.
                _ = try ImportSources.entries(ofZip: Data(c.bytes), path: c.file)
            } else {
                _ = try ObservedImport.convert(inputs: [(c.file, c.bytes)], year: c.year)
            }
        }
        let text = error?.description ?? ""
        if c.prefixOnly {
            #expect(text.hasPrefix(c.expected), "\(text)")
        } else {
            #expect(text == c.expected)
        }
        #expect(error.map { reachsim.ExitStatus.of($0) } == .badInput)
    }

    @Test func unknownFormatListsTheKnownOnesAndTheHeaderSeen() throws {
        let error = #expect(throws: ImportError.self) {
            _ = try ObservedImport.convert(inputs: [("mystery.csv", Array("when,what,how many\n2024-01-01,post,3\n".utf8))])
        }
        let text = try #require(error?.description)
        #expect(text.hasPrefix("mystery.csv: unknown export format; header seen on line 1: \"when\",\"what\",\"how many\""))
        for format in ExportRecognizer.formats {
            #expect(text.contains(format.title), "\(format.id) missing from the list")
        }
        #expect(text.contains("header with Tweet id, Tweet permalink, time, impressions"))
    }

    @Test func unknownJSONSaysWhatItSaw() {
        let error = #expect(throws: ImportError.self) {
            _ = try ObservedImport.convert(inputs: [("page.json", Array("{\"data\": [1, 2]}".utf8))])
        }
        #expect(error?.description.hasPrefix("page.json: unknown export format; JSON seen: an object with keys data") == true)
    }

    @Test func missingPath() {
        let error = #expect(throws: ImportError.self) {
            _ = try ObservedImport.convert(ObservedImport.Options(paths: ["/nonexistent/exports"]))
        }
        #expect(error?.description == "/nonexistent/exports: no such file or folder")
    }
}
