import Foundation
import Testing
@testable import ReachSim

/// `reachsim init`: the template, the options, the questions and the history each give a file
/// that loads with what was asked for.
@Suite struct InitCommandTests {
    @Test func withoutOptionsOrATerminalItWritesTheTemplateAndSaysSo() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(["init", "-o", "s.yaml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("the complete template with its defaults"))
        let s = try ScenarioLoader.load(path: dir.appendingPathComponent("s.yaml").path)
        #expect(s.platforms.map(\.name) == ["facebook", "instagram", "x"])
        #expect(s.platforms.map { $0.accounts[0].followers } == [40_000, 15_000, 23_500])
        #expect(s.team.hoursPerWeek == 10 && s.audience.size == 300_000)
        // Every key is explained in place, and the presets' defaults are shown.
        let text = try String(contentsOf: dir.appendingPathComponent("s.yaml"), encoding: .utf8)
        #expect(text.contains("feed.base_visibility: 0.055") && text.contains("# weeks simulated"))
        // An existing file is kept unless --force.
        let again = try CommandRunner.run(["init", "-o", "s.yaml"], in: dir)
        #expect(again.status == 64 && again.stderr.contains("s.yaml exists"))
        #expect(try CommandRunner.run(["init", "-o", "s.yaml", "--force"], in: dir).status == 0)
    }

    @Test func optionsAreScriptable() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run([
            "init", "-o", "q.yaml", "--name", "Bibliothèque Centrale", "--type", "library", "--country", "us",
            "--audience", "80000", "--people", "1", "--hours", "6",
            "--platform", "instagram/main=5000", "--platform", "instagram/events=800", "--platform", "tiktok=0",
            "--plan", "tiktok=short_video:1.5", "--plan", "instagram/events=story:2", "--budget", "instagram=50",
        ], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let s = try ScenarioLoader.load(path: dir.appendingPathComponent("q.yaml").path)
        #expect(s.name == "bibliotheque-centrale" && s.institution == "Bibliothèque Centrale")
        #expect(s.audience.size == 80_000 && s.audience.country == "us" && s.team.people == 1 && s.team.hoursPerWeek == 6)
        let ig = try #require(s.platforms.first { $0.name == "instagram" })
        #expect(ig.accounts.map(\.name) == ["main", "events"] && ig.accounts.map(\.followers) == [5_000, 800])
        #expect(ig.accounts[1].plan.postsPerWeek[.story] == 2)
        #expect(ig.boost?.budget == .perMonth(50))
        let tt = try #require(s.platforms.first { $0.name == "tiktok" })
        #expect(tt.accounts[0].plan.postsPerWeek[.shortVideo] == 1.5)

        for (bad, message) in [(["--platform", "myspace=3"], "'myspace' is not a platform"),
                               (["--plan", "instagram=image:many"], "posts per week must be a number"),
                               (["--platform", "instagram=100", "--plan", "x=text:1"], "a plan for x, which has no followers given"),
                               (["--type", "zoo"], "--type zoo: expected one of museum")] {
            let e = try CommandRunner.run(["init", "-o", "bad.yaml"] + bad, in: dir)
            #expect(e.status == 64 && e.stderr.contains(message), "\(bad): \(e.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.yaml").path))
        }
    }

    /// The questions, answered by a script: an empty answer keeps the default, a wrong one is
    /// asked again with what was expected.
    @Test func questionsFillTheTemplate() throws {
        var answers = ["Théâtre du Port", "theatre", "", "120000", "3", "12", "facebook=9000 tiktok=0", "image:2,text:1",
                       "short_video:x", "short_video:3", "tiktok=600"][...]
        var written = ""
        var t = ScenarioTemplate()
        InitInterview.ask(&t, read: { answers.popFirst() }, write: { written += $0 })
        #expect(answers.isEmpty)
        #expect(written.contains("posts per week must be a number"))   // asked again
        let s = try ScenarioLoader.parse(t.yaml(), file: "t.yaml")
        #expect(s.name == "theatre-du-port" && s.audience.size == 120_000 && s.audience.country == "fr")
        #expect(s.team.people == 3 && s.team.hoursPerWeek == 12)
        #expect(s.platforms.map(\.name) == ["facebook", "tiktok"])
        #expect(s.platforms[0].accounts[0].plan.postsPerWeek[.image] == 2)
        #expect(s.platforms[1].accounts[0].plan.postsPerWeek[.shortVideo] == 3)
        #expect(s.platforms[1].boost?.budget == .perMonth(600) && s.platforms[0].boost == nil)
    }

    /// From a history, worked by hand: an account's last follower count, its posts per week by
    /// format over the last 12 weeks (a post without a model format counts as the platform's
    /// first default format), and its most used local hours.
    @Test func historyGivesFollowersCadenceAndHours() throws {
        let here = SourcePosition(file: "h.csv", line: 1)
        let day0 = try #require(ObservedDate(year: 2024, month: 1, day: 1))
        func post(_ day: Int, _ hourUTC: Int, _ format: ObservedPostFormat?) -> ObservedPost {
            ObservedPost(platform: .instagram, account: "musee", postID: "\(day)-\(hourUTC)",
                         publishedAt: ObservedTime(date: ObservedDate(daysSinceEpoch: day0.daysSinceEpoch + day), hour: hourUTC,
                                                   minute: 0, second: 0),
                         format: format, source: here)
        }
        // Day 0 is before the 12-week window that ends on day 139; then 24 posts over 84 days:
        // 12 images at 17:00, 6 stories at 11:00, 6 without a format at 19:00 (UTC, the clock's zone).
        var posts = [post(0, 10, .image)]
        for k in 0..<12 { posts.append(post(56 + 7 * k, 17, .image)) }
        for k in 0..<6 { posts.append(post(57 + 14 * k, 11, .story)) }
        for k in 0..<6 { posts.append(post(58 + 14 * k, 19, nil)) }
        posts.append(post(139, 17, .image))
        let followers = [ObservedFollowers(platform: .instagram, account: "musee", date: day0, followers: 9_000, source: here),
                         ObservedFollowers(platform: .instagram, account: "musee",
                                           date: ObservedDate(daysSinceEpoch: day0.daysSinceEpoch + 120), followers: 9_400, source: here)]
        let history = ObservedHistory(directory: "hist", posts: posts, followers: followers)
        let platforms = HistoryProfile.platforms(history, clock: try PostingClock(timeZone: "UTC"))
        #expect(platforms.map(\.preset) == ["instagram"])
        let a = platforms[0].accounts[0]
        #expect(a.name == nil && a.followers == 9_400)
        // Window: the 84 days before day 139 (posts after day 55): 12 + 1 images, 6 stories, 6 unknown → image.
        let perWeek = Dictionary(uniqueKeysWithValues: a.postsPerWeek.map { ($0.format.rawValue, $0.count) })
        #expect(perWeek == ["image": ((13.0 + 6) / 12 * 100).rounded() / 100, "story": 0.5])
        #expect(a.postingHours == [17, 11, 19])   // most used first, ties by hour
        var t = ScenarioTemplate()
        t.platforms = platforms
        let s = try ScenarioLoader.parse(t.yaml(), file: "h.yaml")
        #expect(s.platforms[0].accounts[0].followers == 9_400)
    }
}
