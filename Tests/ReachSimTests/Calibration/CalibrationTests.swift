import Foundation
import Testing
@testable import ReachSim

/// `reachsim calibrate` as part of the test suite: every in-sample target (what a preset was tuned
/// to) passes; every out-of-sample target (what it was not tuned to) is computed and reported,
/// pass or fail; and the committed report (docs/calibration.csv) is the one the presets produce.
@Suite struct CalibrationTests {
    @Test func inSampleTargetsPassOutOfSampleAreReportedAndTheCommittedReportIsCurrent() throws {
        let rows = try Calibration.run(threads: 2)
        let failed = Calibration.failures(rows)
        #expect(failed.isEmpty, "in-sample calibration targets fail:\n\(Calibration.text(failed))")
        let inSample = rows.filter { $0.sample == .inSample }, outOfSample = rows.filter { $0.sample == .outOfSample }
        #expect(Set(inSample.map(\.platform)).isSuperset(of: PlatformPreset.all.filter { $0.feed.kind != .live }.map(\.name)))
        // Out-of-sample: computed (a finite mean inside its interval) and in the report, not required to pass.
        #expect(outOfSample.count >= 8)
        for r in outOfSample {
            #expect(r.mean.isFinite && r.ciLow <= r.mean && r.mean <= r.ciHigh, "\(r.platform): \(r.target)")
        }
        let text = Calibration.text(rows), markdown = Calibration.markdown(rows)
        #expect(text.contains("Out-of-sample: predicts what it was not tuned to"))
        for r in outOfSample {
            #expect(text.contains("\(r.passed ? "PASS" : "FAIL")  \(r.platform): \(r.target)"))
            #expect(markdown.contains("| \(r.passed ? "pass" : "FAIL") | \(r.platform) | \(r.target) |"))
        }
        let path = TestScenarios.packageRoot.appendingPathComponent("docs/calibration.csv")
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        #expect(committed == Calibration.csv(rows),
                "docs/calibration.csv is stale: regenerate it with `make calibrate` (swift run reachsim calibrate --out docs)")
    }

    /// The out-of-sample figures written in `Calibration.XAnalytics` and `Calibration.FacebookPosts`
    /// are those of the files in ../shared/data/, recomputed here by their definitions.
    @Test func realFiguresFollowFromTheData() throws {
        let data = TestScenarios.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        let x = data.appendingPathComponent("x-analytics-ropensci")
        let names = try FileManager.default.contentsOfDirectory(atPath: x.path).filter { $0.hasPrefix("tweet_activity_metrics_") }
        var byYear: [Int: [Double]] = [:], likes = 0.0, retweets = 0.0, seen = Set<String>()
        for name in names {
            try CSVTable.forEachRow(url: x.appendingPathComponent(name), required: ["Tweet id", "time", "impressions", "likes", "retweets"]) { row in
                guard let year = Int(row["time"].prefix(4)), seen.insert(row["Tweet id"]).inserted else { return }
                byYear[year, default: []].append(row.double("impressions"))
                if year >= 2018 {
                    likes += row.double("likes")
                    retweets += row.double("retweets")
                }
            }
        }
        for year in [Calibration.XAnalytics.y2017, Calibration.XAnalytics.y2018, Calibration.XAnalytics.y2019] {
            let impressions = try #require(byYear[year.year])
            #expect(impressions.count == year.tweets)
            #expect(abs(Calibration.median(impressions) - year.medianImpressions) < 0.5)
        }
        #expect(Calibration.XAnalytics.y2018.postsPerWeek == 7.9)
        let total = (byYear[2018]! + byYear[2019]!).reduce(0, +)
        #expect(abs(likes / total - Calibration.XAnalytics.likesPerImpression.value) < 1e-6)
        #expect(abs(retweets / total - Calibration.XAnalytics.retweetsPerImpression.value) < 1e-6)
        // Followers on 1 July: the monthly file's dated count, or interpolated between the
        // nearest dated counts around it.
        var followers: [(Date, Double)] = []
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        try CSVTable.forEachRow(url: x.appendingPathComponent("twitter_metrics_monthly_rOpenSci.csv"), required: ["date", "followers"]) { row in
            if let f = Double(row["followers"]), let d = day.date(from: row["date"]) { followers.append((d, f)) }
        }
        for year in [Calibration.XAnalytics.y2017, Calibration.XAnalytics.y2018, Calibration.XAnalytics.y2019] {
            let july = try #require(day.date(from: "\(year.year)-07-01"))
            let before = try #require(followers.last { $0.0 <= july }), after = try #require(followers.first { $0.0 >= july })
            let t = after.0 == before.0 ? 0 : july.timeIntervalSince(before.0) / after.0.timeIntervalSince(before.0)
            #expect(abs(before.1 + (after.1 - before.1) * t - Double(year.followers)) < 1, "\(year.year)")
        }

        // Semicolon-separated: split by hand (no quoted fields in this file).
        let text = try String(contentsOf: data.appendingPathComponent("facebook-posts-uci/dataset_Facebook.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let needed = ["Page_T_Likes", "Paid", "T_Reach", "T_Impression", "LP_Reach", "share", "like", "Month"]
        let c = Dictionary(uniqueKeysWithValues: try needed.map { ($0, try column($0)) })
        let organic = lines.filter { row in row[c["Paid"]!] == "0" && needed.allSatisfy { Double(row[c[$0]!]) != nil } }
        func v(_ row: [String], _ name: String) -> Double { Double(row[c[name]!])! }
        #expect(organic.count == 356)
        let fans = Calibration.median(organic.map { v($0, "LP_Reach") / v($0, "Page_T_Likes") })
        let impressionsFB = organic.reduce(0) { $0 + v($1, "T_Impression") }
        for half in [Calibration.FacebookPosts.firstHalf, Calibration.FacebookPosts.secondHalf] {
            let posts = organic.filter { half.months.contains(Int(v($0, "Month"))) }
            let outside = Calibration.median(posts.map { 1 - v($0, "LP_Reach") / v($0, "T_Reach") })
            #expect(abs(outside - half.outsideFans) < 1e-5)
            #expect(abs(Calibration.median(posts.map { v($0, "Page_T_Likes") }) - Double(half.followers)) < 1)
            let all = lines.filter { half.months.contains(Int($0[c["Month"]!]) ?? 0) }.count
            let days = half.months.lowerBound == 1 ? 181.0 : 184.0
            #expect(abs(Double(all) / (days / 7) - half.postsPerWeek) < 0.05)
        }
        #expect(abs(fans - Calibration.FacebookPosts.fansReached.value) < 1e-6)
        #expect(abs(organic.reduce(0) { $0 + v($1, "share") } / impressionsFB - Calibration.FacebookPosts.sharesPerImpression.value) < 1e-8)
        #expect(abs(organic.reduce(0) { $0 + v($1, "like") } / impressionsFB - Calibration.FacebookPosts.likesPerImpression.value) < 1e-7)
    }
}
