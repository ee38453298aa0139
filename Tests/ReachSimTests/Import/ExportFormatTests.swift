import Foundation
import Testing
@testable import ReachSim

/// Every format on its fixture: recognised from its contents, with specific converted values.
@Suite struct ExportFormatTests {
    typealias F = ImportFixtures

    /// Each fixture is recognised as its format (file names play no part: see
    /// `recognitionIgnoresTheFileName`).
    @Test(arguments: [
        ("x/tweet_activity_metrics_CityMuseum_20240101_20240201_en.csv", "x-tweet-activity"),
        ("x/tweet_activity_metrics_OldMuseum_20150101_20150201_en.csv", "x-tweet-activity"),
        ("x/daily_tweet_activity_metrics_CityMuseum_20240101_20240201_en.csv", "x-daily-activity"),
        ("x/account_analytics_content_2025-01-01_2025-01-31.csv", "x-account-content"),
        ("x/account_overview_analytics.csv", "x-account-overview"),
        ("meta/facebook_posts_2025-01.csv", "meta-business-suite-posts"),
        ("meta/instagram_publications_fr.csv", "meta-business-suite-posts"),
        ("meta/Follows.csv", "meta-page-metric"),
        ("meta/Facebook Insights Data Export (Post Level) - City Museum - 2016-02-01.csv", "facebook-insights-posts"),
        ("meta/ads_manager_report.csv", "meta-ads-manager"),
        ("tiktok/Content.csv", "tiktok-content"),
        ("tiktok/FollowerHistory.csv", "tiktok-follower-history"),
        ("tiktok/Overview.csv", "tiktok-overview"),
        ("youtube/Table data.csv", "youtube-studio-table"),
        ("linkedin/city-museum_content_all_posts.csv", "linkedin-posts"),
        ("linkedin/city-museum_followers.csv", "linkedin-followers"),
        ("mastodon/statuses_page1.json", "mastodon-statuses"),
        ("mastodon/account.json", "mastodon-account"),
        ("bluesky/author_feed_page1.json", "bluesky-author-feed"),
        ("bluesky/profile.json", "bluesky-profile"),
    ])
    func recognised(_ file: String, _ format: String) throws {
        let bytes = [UInt8](try Data(contentsOf: F.folder.appendingPathComponent(file)))
        let input = try ExportInput(bytes: bytes, path: file)
        #expect(try ExportRecognizer.recognize(input).id == format)
    }

    @Test func recognitionIgnoresTheFileName() throws {
        let bytes = [UInt8](try Data(contentsOf: F.folder.appendingPathComponent("youtube/Table data.csv")))
        let c = try ObservedImport.convert(inputs: [("tweet_activity_metrics_x.csv", bytes)], account: "museum")
        #expect(c.files.map(\.format) == ["youtube-studio-table"])
    }

    @Test func xTweetActivity() throws {
        let c = try F.convert(["x/tweet_activity_metrics_CityMuseum_20240101_20240201_en.csv"])
        #expect(c.posts.count == 3)
        let organic = try #require(F.post("1742000000000000001", in: c))
        #expect(organic.account == "CityMuseum")
        #expect(organic.publishedAt?.description == "2024-01-03T10:15:00Z")
        #expect(organic.impressions == 4715)  // "4715.0"
        #expect(organic.paid == .organic)     // promoted columns "-"
        #expect(organic.reach == nil)
        #expect((organic.likes, organic.comments, organic.shares, organic.follows) == (45, 3, 12, 1))
        // url 20 + profile 6 + hashtag 1 + detail expands 8 + permalink 2 + media engagements 10
        #expect(organic.clicks == 47)
        let promoted = try #require(F.post("1742000000000000002", in: c))
        #expect(promoted.paid == .paid)
        #expect(promoted.impressions == 1200 + 3000)
        #expect(promoted.likes == 10 + 7)
        #expect(promoted.follows == 2)
        // The tweet text with a quoted line break: the next row's line counts it.
        let thread = try #require(F.post("1742000000000000003", in: c))
        #expect(thread.source.line == 2)
        #expect(promoted.source.line == 4)
        #expect(c.warnings.contains { $0.kind == .impressionsNotReach })
    }

    @Test func xOlderHeaderSaysFavorites() throws {
        let c = try F.convert(["x/tweet_activity_metrics_OldMuseum_20150101_20150201_en.csv"])
        let post = try #require(c.posts.first)
        #expect(post.likes == 9)
        #expect(post.impressions == 321)
        #expect(post.account == "OldMuseum")
    }

    @Test func xDailyActivityGivesDailyFollows() throws {
        let c = try F.convert(["x/daily_tweet_activity_metrics_CityMuseum_20240101_20240201_en.csv"], account: "CityMuseum")
        #expect(c.followers.map(\.date.description) == ["2024-01-01", "2024-01-02"])
        #expect(c.followers.map(\.gained) == [2, 5 + 3])  // organic + promoted follows
        #expect(c.followers.allSatisfy { $0.followers == nil && $0.lost == nil && $0.account == "CityMuseum" })
    }

    @Test func xCurrentExports() throws {
        let c = try F.convert(["x/account_analytics_content_2025-01-01_2025-01-31.csv", "x/account_overview_analytics.csv"])
        let post = try #require(c.posts.first)
        #expect(post.postID == "1875000000000000001")
        #expect(post.impressions == 2310)  // "2,310"
        #expect(post.shares == 11 + 2)     // reposts + shares
        #expect(post.follows == 3)
        #expect(post.publishedAt?.description == "2025-01-06T00:00:00Z")
        // The overview names no account: the only X account of the other file is taken.
        #expect(c.followers.map(\.account) == ["CityMuseum", "CityMuseum"])
        #expect(c.followers.map(\.gained) == [14, 6])
        #expect(c.followers.map(\.lost) == [4, 9])
        #expect(c.warnings.contains { $0.kind == .accountAssumed && $0.message.contains("CityMuseum") })
    }

    @Test func metaBusinessSuiteFacebookEnglish() throws {
        let c = try F.convert(["meta/facebook_posts_2025-01.csv"])
        let boosted = try #require(F.post("1002003004005006", in: c))
        #expect(boosted.platform == .facebook)
        #expect(boosted.account == "City Museum")
        #expect(boosted.reach == 15000)         // "15,000"
        #expect(boosted.impressions == 21480)   // Views (formerly Impressions)
        #expect(boosted.paid == .paid)
        #expect(boosted.format == .image)
        #expect(boosted.clicks == 1204)
        #expect(boosted.publishedAt?.description == "2025-01-30T19:05:00Z")
        let reel = try #require(F.post("1002003004005007", in: c))
        #expect(reel.format == .shortVideo)
        #expect(reel.paid == .unknown)
        #expect(c.warnings.contains { $0.kind == .timeZoneAssumed })
    }

    @Test func metaBusinessSuiteInstagramFrenchUTF16() throws {
        let c = try F.convert(["meta/instagram_publications_fr.csv"])
        #expect(c.files.first?.encoding == "UTF-16LE")
        let carousel = try #require(F.post("17900000000000001", in: c))
        #expect(carousel.platform == .instagram)
        #expect(carousel.account == "musee.de.la.ville")
        #expect(carousel.reach == 15000)        // Portée "15 000"
        #expect(carousel.impressions == 22500)  // Vues
        #expect(carousel.likes == 1204)         // J'aime "1 204"
        #expect(carousel.follows == 17)         // Suivis
        #expect(carousel.format == .carousel)
        #expect(carousel.publishedAt?.description == "2025-02-03T18:30:00Z")  // 03/02/2025, day first
        #expect(carousel.source.line == 3)      // sep=, on line 1, header on line 2
    }

    /// The other two combinations: Instagram in English, Facebook in French.
    @Test(arguments: [
        ("Post ID,Account ID,Account username,Account name,Description,Publish time,Permalink,Post type,Views,Reach,Likes,Shares,Follows,Comments,Saves\n"
            + "1799,17800,city.museum,City Museum,Hello,02/14/2025 12:00,https://www.instagram.com/p/X/,IG image,\"2,500\",\"1,900\",120,4,3,9,11\n",
         ObservedPlatform.instagram, "city.museum", "2025-02-14T12:00:00Z", ObservedPostFormat.image, PaidStatus.unknown, 1900, 2500, 120),
        ("Identifiant de la publication;Identifiant de la Page;Nom de la Page;Heure de publication;Type de publication;Statut du contenu financé;Portée;Vues;Réactions;Commentaires;Partages\n"
            + "1002;1001;Musée de la Ville;14/02/2025 12:00;Photos;Non boosté;1 900;2 500;120;9;4\n",
         .facebook, "Musée de la Ville", "2025-02-14T12:00:00Z", .image, .organic, 1900, 2500, 120),
    ])
    func metaBusinessSuiteOtherLanguages(_ text: String, _ platform: ObservedPlatform, _ account: String, _ time: String,
                                         _ format: ObservedPostFormat, _ paid: PaidStatus, _ reach: Int, _ views: Int, _ likes: Int) throws {
        let c = try F.convert(texts: [("posts.csv", text)])
        #expect(c.files.map(\.format) == ["meta-business-suite-posts"])
        let post = try #require(c.posts.first)
        #expect(post.platform == platform)
        #expect(post.account == account)
        #expect(post.publishedAt?.description == time)
        #expect(post.format == format)
        #expect(post.paid == paid)
        #expect((post.reach, post.impressions, post.likes) == (reach, views, likes))
    }

    /// Meta replaced impressions by views on 2025-11-15: both names for one platform, or one file
    /// spanning the day, are warned about.
    @Test func metaMetricRenamed() throws {
        let before = "Post ID,Page name,Publish time,Reach,Impressions\n1,M,10/01/2025 10:00,100,150\n"
        let after = "Post ID,Page name,Publish time,Reach,Views\n2,M,12/01/2025 10:00,200,350\n"
        let two = try F.convert(texts: [("october.csv", before), ("december.csv", after)])
        let renamed = two.warnings.filter { $0.kind == .metricRenamed }
        #expect(renamed.count == 1)
        #expect(renamed.first?.message.contains("\"impressions\" and \"views\"") == true)
        #expect(F.post("1", in: two)?.impressions == 150)
        #expect(F.post("2", in: two)?.impressions == 350)

        let spanning = "Post ID,Page name,Publish time,Reach,Views\n1,M,11/10/2025 10:00,100,150\n2,M,11/20/2025 10:00,200,350\n"
        let one = try F.convert(texts: [("autumn.csv", spanning)])
        #expect(one.warnings.filter { $0.kind == .metricRenamed }.map(\.file) == ["autumn.csv"])
        let unchanged = try F.convert(texts: [("december.csv", after)])
        #expect(!unchanged.warnings.contains { $0.kind == .metricRenamed })
    }

    @Test func metaPageMetricFollows() throws {
        let c = try F.convert(["meta/Follows.csv"], account: "City Museum")
        #expect(c.followers.map(\.date.description) == ["2025-01-01", "2025-01-02"])
        #expect(c.followers.map(\.gained) == [12, 7])
        #expect(c.followers.allSatisfy { $0.platform == .facebook })
    }

    @Test func metaPageMetricOtherThanFollowsIsNotConverted() throws {
        let bytes = [UInt8](try Data(contentsOf: F.folder.appendingPathComponent("meta/Follows.csv")))
        let c = try ObservedImport.convert(inputs: [("Views.csv", bytes)])
        #expect(c.followers.isEmpty)
        #expect(c.warnings.contains { $0.kind == .notConverted })
    }

    @Test func legacyFacebookInsightsTwoHeaderRows() throws {
        let c = try F.convert(["meta/Facebook Insights Data Export (Post Level) - City Museum - 2016-02-01.csv"])
        #expect(c.posts.count == 2)
        #expect(c.files.first?.skipped == ["description row under the header": 1])
        let organic = try #require(F.post("100200300400_555000111", in: c))
        #expect(organic.reach == 4210)
        #expect(organic.impressions == 7730)
        #expect(organic.paid == .organic)       // Lifetime Post Paid Reach 0
        #expect((organic.likes, organic.comments, organic.shares) == (164, 11, 23))
        #expect(organic.account == "CityMuseum")
        let paid = try #require(F.post("100200300400_555000222", in: c))
        #expect(paid.paid == .paid)
        #expect(paid.format == .link)
        #expect(paid.publishedAt?.description == "2016-01-22T18:30:00Z")  // 06:30:00 PM
    }

    @Test func adsManagerJoinedToBoostedPost() throws {
        let c = try F.convert(["meta/facebook_posts_2025-01.csv", "meta/ads_manager_report.csv"])
        let ads = c.files.flatMap(\.ads)
        #expect(ads.count == 2)
        #expect(ads[0].spend == 120.5)
        #expect(ads[0].currency == "EUR")
        #expect(ads[0].reach == 9800)
        #expect(ads[0].reportingEnds?.description == "2025-02-06")
        #expect(F.post("1002003004005006", in: c)?.paid == .paid)
        #expect(c.warnings.filter { $0.kind == .adNotMatched }.count == 1)
        let report = String(decoding: try c.outputs()[2].bytes, as: UTF8.self)
        #expect(report.contains("\"spend\" : 120.5"))
    }

    @Test func uciFacebookMetrics() throws {
        let path = F.shared.appendingPathComponent("facebook-posts-uci/dataset_Facebook.csv").path
        let c = try ObservedImport.convert(ObservedImport.Options(paths: [path], account: "brand"))
        #expect(c.posts.count == 500)
        // Dates reconstructed from the rows' order, month and weekday (1 = Sunday), in 2014.
        #expect(c.posts.allSatisfy { $0.publishedAt != nil })
        #expect(c.warnings.contains { $0.kind == .dateReconstructed } && c.warnings.contains { $0.kind == .yearAssumed })
        for post in c.posts {
            #expect(post.publishedAt!.date.year == 2014)
        }
        // The last row (the oldest post) is month 1, weekday 4 (Wednesday), hour 4: 1 January 2014 was a Wednesday.
        #expect(F.post("row-00500", in: c)?.publishedAt?.description == "2014-01-01T04:00:00Z")
        // The first row (the newest) is month 12, weekday 4, hour 3: a Wednesday of December.
        let newest = try #require(F.post("row-00001", in: c)?.publishedAt?.date)
        #expect(newest.month == 12 && UCIFacebookMetrics.weekday(newest.daysSinceEpoch) == 4)
        // The page's total likes become follower counts, one per posting day, non-decreasing but for
        // the data set's own two dips.
        #expect(c.followers.first?.followers == 81_370 && c.followers.last?.followers == 139_441)
        #expect(Set(c.followers.map(\.date)).count == c.followers.count)
        let first = try #require(F.post("row-00001", in: c))
        // 139441;Photo;2;12;4;3;0;2752;5091;178;109;159;3078;1640;119;4;79;17;100
        #expect((first.reach, first.impressions, first.clicks) == (2752, 5091, 159))
        #expect((first.comments, first.likes, first.shares) == (4, 79, 17))
        #expect(first.paid == .organic)
        #expect(first.format == .image)
        #expect(c.posts.contains { $0.paid == .paid })
        #expect(!c.warnings.contains { $0.kind == .noDate })
    }

    /// The UCI walk by hand (rows newest first): 2014-01-01 was a Wednesday (4). A later hour on
    /// the same weekday stays on the day, an earlier one moves a week on; a month starts at its
    /// first matching day; a row that would leave its month (rows out of order) gives no dates.
    @Test func uciDatesByHand() throws {
        typealias W = (month: Int, weekday: Int, hour: Int)
        let rows: [W?] = [(2, 7, 9), nil, (1, 4, 8), (1, 5, 12), (1, 4, 10), (1, 4, 3)]   // newest first
        let days = try #require(UCIFacebookMetrics.reconstructDates(rows, year: 2014))
        #expect(days.map { $0?.description } == ["2014-02-01", nil, "2014-01-08", "2014-01-02", "2014-01-01", "2014-01-01"])
        #expect(UCIFacebookMetrics.weekday(ObservedDate(year: 2014, month: 1, day: 1)!.daysSinceEpoch) == 4)
        #expect(UCIFacebookMetrics.weekday(ObservedDate(year: 2026, month: 12, day: 6)!.daysSinceEpoch) == 1)   // a Sunday
        // Oldest last: January after March cannot be walked.
        #expect(UCIFacebookMetrics.reconstructDates([(1, 4, 1), (3, 2, 1)], year: 2014) == nil)
    }

    @Test func tiktokZipWithYearOption() throws {
        let c = try F.convert(["tiktok/tiktok_studio_export.zip"], year: 2024)
        #expect(c.files.map(\.path).allSatisfy { $0.contains("tiktok_studio_export.zip/") })
        #expect(Set(c.files.map(\.format)) == ["tiktok-content", "tiktok-follower-history", "tiktok-overview"])
        let video = try #require(F.post("7312345678901234567", in: c))
        #expect(video.account == "citymuseum")
        #expect(video.impressions == 88000)
        #expect(video.publishedAt?.description == "2024-11-12T00:00:00Z")
        #expect(c.followers.map(\.followers) == [10250, 10302])       // "undefined" day skipped
        #expect(c.followers.allSatisfy { $0.account == "citymuseum" })
        #expect(c.files.first { $0.format == "tiktok-follower-history" }?.skipped == ["no follower count (undefined)": 1])
        #expect(c.warnings.contains { $0.kind == .yearAssumed && $0.message.contains("2024 taken from --year") })
    }

    @Test func tiktokYearFromTheOtherFiles() throws {
        let c = try F.convert(["tiktok/Content.csv", "bluesky/author_feed_page1.json"])
        let video = try #require(F.post("7312345678901234999", in: c))
        #expect(video.publishedAt?.date.description == "2024-12-01")
        #expect(c.warnings.contains { $0.kind == .yearAssumed && $0.message.contains("other files") })
    }

    @Test func youtubeSkipsTheTotalRow() throws {
        let c = try F.convert(["youtube/Table data.csv"], account: "CityMuseumTV")
        #expect(c.posts.map(\.postID).sorted() == ["aBcDeFgHiJk", "dQw4w9WgXcQ"])
        #expect(c.files.first?.skipped == ["Total row": 1])
        let tour = try #require(F.post("dQw4w9WgXcQ", in: c))
        #expect(tour.impressions == 12000)
        #expect(tour.follows == 50)
        #expect(tour.comments == 40)
        #expect(tour.publishedAt?.description == "2021-03-05T00:00:00Z")
        #expect(tour.account == "CityMuseumTV")
    }

    @Test func linkedInHeaderOnRowTwo() throws {
        let c = try F.convert(["linkedin/city-museum_content_all_posts.csv", "linkedin/city-museum_followers.csv"], account: "city-museum")
        let hiring = try #require(F.post("urn:li:activity:7150000000000000001", in: c))
        #expect(hiring.source.line == 3)
        #expect(hiring.impressions == 4120)
        #expect(hiring.paid == .organic)
        #expect(hiring.format == .text)
        let report = try #require(F.post("urn:li:activity:7150000000000000002", in: c))
        #expect(report.paid == .paid)
        #expect(report.shares == 30)
        // Total = Organic + Sponsored on every row: daily new followers.
        #expect(c.followers.map(\.gained) == [12, 11])
        #expect(c.followers.allSatisfy { $0.followers == nil })
    }

    @Test func mastodonSkipsReblogs() throws {
        let c = try F.convert(["mastodon/statuses_page1.json", "mastodon/account.json"])
        #expect(c.posts.count == 2)
        #expect(c.files.first { $0.format == "mastodon-statuses" }?.skipped == ["reblog of another account's post": 1])
        let gallery = try #require(F.post("113000000000000003", in: c))
        #expect(gallery.account == "citymuseum@mastodon.social")
        #expect((gallery.likes, gallery.comments, gallery.shares) == (37, 4, 11 + 1))
        #expect(gallery.format == .carousel)
        #expect(gallery.impressions == nil && gallery.reach == nil)
        #expect(F.post("113000000000000001", in: c)?.format == .link)
        #expect(c.files.first { $0.format == "mastodon-account" }?.notes["followers_count"] == "2310")
    }

    @Test func blueskySkipsReposts() throws {
        let c = try F.convert(["bluesky/author_feed_page1.json", "bluesky/profile.json"])
        #expect(c.posts.count == 2)
        #expect(c.posts.allSatisfy { $0.account == "citymuseum.bsky.social" })
        let poster = try #require(F.post("at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kabc000001", in: c))
        #expect((poster.likes, poster.comments, poster.shares) == (41, 3, 8 + 2))
        #expect(poster.format == .image)
        #expect(poster.publishedAt?.description == "2024-12-20T10:00:00Z")
        #expect(c.files.first { $0.format == "bluesky-author-feed" }?.skipped == ["repost of another account's post": 1])
    }

    @Test func monthlySummaryAsFollowerHistory() throws {
        let path = F.shared.appendingPathComponent("x-analytics-ropensci/twitter_metrics_monthly_rOpenSci.csv").path
        let c = try ObservedImport.convert(ObservedImport.Options(paths: [path], account: "rOpenSci"))
        // 48 months, 7 of them with neither followers nor new_followers.
        #expect(c.followers.count == 41)
        let april = try #require(c.followers.first { $0.date.description == "2017-05-01" })
        #expect(april.followers == 12900)
        #expect(april.gained == 315)
        #expect(c.followers.first { $0.date.description == "2016-08-01" }?.followers == nil)
        #expect(c.followers.last?.followers == 27564)
    }
}
