import Foundation
import Testing
@testable import ReachSim

/// Overlapping exports: the same post once, from the file whose period ends last.
@Suite struct ImportMergeTests {
    typealias F = ImportFixtures

    @Test func twoOverlappingMonthlyFiles() throws {
        let c = try F.convert(["merge"])
        #expect(c.posts.count == 4)  // 3 + 2, one of them in both files
        let shared = try #require(F.post("1742000000000000003", in: c))
        // The February file (period ending 2024-02-02) has the later, larger lifetime figures.
        #expect(shared.impressions == 950)
        #expect(shared.likes == 6)
        #expect(shared.source.file.hasSuffix("20240115_20240215_en.csv"))
        #expect(c.merge.mergedPosts.count == 1)
        let record = try #require(c.merge.mergedPosts.first)
        #expect(record.replaced.count == 1)
        #expect(record.replaced[0].file.hasSuffix("20240101_20240201_en.csv"))
        #expect(c.report.merged.posts == 1)
        #expect(c.report.merged.postDetails.first?.kept.hasSuffix("20240115_20240215_en.csv:3") == true)
        let report = String(decoding: try c.outputs()[2].bytes, as: UTF8.self)
        #expect(report.contains("\"posts\" : 1"))
        #expect(report.contains("20240101_20240201_en.csv:2"))
    }

    /// The order of the command line does not matter: the period decides.
    @Test func theLatestPeriodWinsWhateverTheOrder() throws {
        let a = "merge/tweet_activity_metrics_CityMuseum_20240101_20240201_en.csv"
        let b = "merge/tweet_activity_metrics_CityMuseum_20240115_20240215_en.csv"
        let one = try F.convert([a, b]), two = try F.convert([b, a])
        #expect(F.post("1742000000000000003", in: one)?.impressions == 950)
        #expect(F.post("1742000000000000003", in: two)?.impressions == 950)
    }

    /// The same export twice: same period, the later file in reading order is kept.
    @Test func sameFileTwice() throws {
        let text = try String(contentsOf: F.folder.appendingPathComponent("x/tweet_activity_metrics_CityMuseum_20240101_20240201_en.csv"), encoding: .utf8)
        let c = try F.convert(texts: [("a.csv", text), ("b.csv", text)])
        #expect(c.posts.count == 3)
        #expect(c.posts.allSatisfy { $0.source.file == "b.csv" })
        #expect(c.merge.mergedPosts.count == 3)
    }

    /// Follower days from two files are merged cell by cell.
    @Test func followerDaysCombineCells() throws {
        let tiktokHistory = "Date,Followers,Difference in followers from previous day\n2025-01-06,500,3\n"
        let overview = "Date,Impressions,Likes,New follows,Unfollows\n\"Mon, Jan 06, 2025\",10,1,7,2\n"
        // Two platforms: nothing to merge.
        let apart = try F.convert(texts: [("h.csv", tiktokHistory), ("o.csv", overview)], account: "m")
        #expect(apart.followers.count == 2)
        #expect(apart.merge.mergedFollowerDays.isEmpty)
        // The same platform, account and day: the later file's cells, the empty ones filled.
        let daily = "Date,Tweets published,impressions,follows\n2025-01-06,1,100,4\n"
        let both = try F.convert(texts: [("daily.csv", daily), ("o.csv", overview)], account: "m")
        #expect(both.followers.count == 1)
        let day = try #require(both.followers.first)
        #expect(day.gained == 7)  // o.csv is later in reading order (same period end)
        #expect(day.lost == 2)
        #expect(both.merge.mergedFollowerDays.count == 1)
    }
}
