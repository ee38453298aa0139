import Foundation
import Testing
@testable import ReachSim

/// `reachsim import` run as a user would: the real data set, errors, determinism.
@Suite struct ImportCommandTests {
    typealias F = ImportFixtures

    static var ropensci: String { F.shared.appendingPathComponent("x-analytics-ropensci").path }

    static func read(_ dir: URL, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
    }

    /// rOpenSci's 37 monthly X exports and its monthly summary: 1,129 tweets (the README's
    /// count) from 2016-12-01 to 2019-12-23, and the follower history.
    @Test func realXExportsEndToEnd() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("observed")
        let result = try CommandRunner.run(["import", Self.ropensci, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Read 38 files: 1 x-monthly-summary, 37 x-tweet-activity"))
        #expect(result.stdout.contains("x         rOpenSci  1,129  2016-12-01 to 2019-12-23"))

        let posts = String(decoding: try Self.read(out, "observed_posts.csv"), as: UTF8.self)
        let lines = posts.split(separator: "\n")
        #expect(lines.first == Substring(ObservedTables.postColumns.joined(separator: ",")))
        #expect(lines.count == 1 + 1129)
        #expect(lines[1].hasPrefix("x,rOpenSci,804384576932081664,2016-12-01T18:00:00Z,,false,3755,,"))
        #expect(lines.last?.contains(",2019-12-23T21:20:00Z,") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("x,rOpenSci,") })

        let followers = String(decoding: try Self.read(out, "observed_followers.csv"), as: UTF8.self)
        #expect(followers.contains("x,rOpenSci,2017-05-01,12900,315,,"))
        #expect(followers.split(separator: "\n").count == 1 + 41)

        let report = try #require(try JSONSerialization.jsonObject(with: Data(Self.read(out, "import.json"))) as? [String: Any])
        let postSummary = try #require(report["posts"] as? [String: Any])
        #expect(postSummary["count"] as? Int == 1129)
        #expect(postSummary["first_published_at"] as? String == "2016-12-01T18:00:00Z")
        #expect(postSummary["last_published_at"] as? String == "2019-12-23T21:20:00Z")
        #expect((report["files"] as? [Any])?.count == 38)
        #expect((report["ignored_files"] as? [String])?.first?.hasSuffix("README.md") == true)
        let kinds = Set(((report["warnings"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["impressions_not_reach", "rows_skipped", "account_assumed"]))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    }

    /// The same inputs give byte-identical files, whatever the order of the command line.
    @Test func deterministic() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        let inputs = [F.path("meta"), F.path("mastodon"), F.path("merge"), F.path("bluesky")]
        #expect(try CommandRunner.run(["import"] + inputs + ["--out", a.path]).status == 0)
        #expect(try CommandRunner.run(["import"] + inputs.reversed() + ["--out", b.path]).status == 0)
        for name in ["observed_posts.csv", "observed_followers.csv", "import.json", "manifest.json"] {
            #expect(try Self.read(a, name) == Self.read(b, name), "\(name) differs")
        }
        let report = String(decoding: try Self.read(a, "import.json"), as: UTF8.self)
        // Keys sorted: "ads" first, "warnings" last at the top level.
        #expect(report.hasPrefix("{\n  \"ads\" :"))
    }

    /// A bad file anywhere: the error on stderr, exit 65, and the output folder not even created.
    @Test func nothingWrittenOnError() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("zz-bad.csv")
        try Data("\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\"\n\"1\",\"https://twitter.com/m/status/1\",\"t\",\"2017-01-30 19:05 +0000\",\"many\"\n".utf8).write(to: bad)
        let out = dir.appendingPathComponent("observed")
        let result = try CommandRunner.run(["import", F.path("x"), bad.path, "--out", out.path])
        #expect(result.status == 65)
        #expect(result.stderr == "error: \(bad.path):2:5: impressions: expected a whole number, found \"many\"\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))

        // An existing output folder keeps what it had.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: out.appendingPathComponent("observed_posts.csv"))
        #expect(try CommandRunner.run(["import", bad.path, "--out", out.path]).status == 65)
        #expect(try Self.read(out, "observed_posts.csv") == Array("old\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["observed_posts.csv"])
    }

    @Test func unknownFormatFromTheCommandLine() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("notes.csv")
        try Data("day,mood\nmonday,ok\n".utf8).write(to: file)
        let result = try CommandRunner.run(["import", file.path, "--out", dir.appendingPathComponent("o").path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: \(file.path): unknown export format; header seen on line 1: \"day\",\"mood\"\nknown formats:\n"))
        #expect(result.stderr.contains("  - TikTok Studio Content.csv: header with Video link, Post time, Total views\n"))
    }

    @Test func usageErrors() throws {
        let missingOut = try CommandRunner.run(["import", F.path("x")])
        #expect(missingOut.status == 64)
        #expect(missingOut.stderr.contains("--out"))
        let badYear = try CommandRunner.run(["import", F.path("tiktok"), "--out", "/tmp/never", "--year", "24"])
        #expect(badYear.status == 64)
        #expect(badYear.stderr.contains("--year 24 is out of range"))
    }

    @Test func helpDescribesTheCommand() throws {
        let top = try CommandRunner.run(["--help"])
        #expect(top.stdout.contains("import"))
        let help = try CommandRunner.run(["import", "--help"])
        #expect(help.status == 0)
        for fragment in ["--out", "--year", "--account", "recognised by its contents", "docs/import.md"] {
            #expect(help.stdout.contains(fragment), "\(fragment)")
        }
    }
}
