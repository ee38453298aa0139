import Foundation

/// `import.json`: what was read, from which file, in which format, over which dates, what came
/// out, what was merged, and every warning.
///
/// JSON: snake_case keys, sorted, pretty-printed, slashes unescaped, a final newline; a value the
/// import does not know (a file without dates, a warning about a whole file) is `null`. No time
/// stamp or absolute path of its own, so the same inputs give the same bytes.
public struct ImportReport: Encodable, Sendable, Equatable {
    public static let fileName = "import.json"

    /// One file read.
    public struct File: Encodable, Sendable, Equatable {
        public var path: String
        /// `ExportFormat.id` and `title`.
        public var format: String
        public var formatTitle: String
        public var encoding: String
        /// Data rows (or JSON items) read, skipped ones included.
        public var rowsRead: Int
        public var posts: Int
        public var followerDays: Int
        public var ads: Int
        /// The earliest and latest date in the file (`YYYY-MM-DD`).
        public var firstDate: String?
        public var lastDate: String?
        /// Rows left out, by reason.
        public var skipped: [String: Int]
        /// Values the export gives outside rows.
        public var notes: [String: String]

        enum CodingKeys: CodingKey { case path, format, formatTitle, encoding, rowsRead, posts, followerDays, ads, firstDate, lastDate, skipped, notes }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(format, forKey: .format)
            try c.encode(formatTitle, forKey: .formatTitle)
            try c.encode(encoding, forKey: .encoding)
            try c.encode(rowsRead, forKey: .rowsRead)
            try c.encode(posts, forKey: .posts)
            try c.encode(followerDays, forKey: .followerDays)
            try c.encode(ads, forKey: .ads)
            try c.encode(firstDate, forKey: .firstDate)  // Optional: null when unknown
            try c.encode(lastDate, forKey: .lastDate)
            try c.encode(skipped, forKey: .skipped)
            try c.encode(notes, forKey: .notes)
        }
    }

    /// `observed_posts.csv` in brief.
    public struct Posts: Encodable, Sendable, Equatable {
        public var file: String
        public var count: Int
        public var byPlatform: [String: Int]
        /// ISO 8601, UTC.
        public var firstPublishedAt: String?
        public var lastPublishedAt: String?
        /// Posts whose export gives no date (the UCI data set).
        public var withoutDate: Int

        enum CodingKeys: CodingKey { case file, count, byPlatform, firstPublishedAt, lastPublishedAt, withoutDate }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(count, forKey: .count)
            try c.encode(byPlatform, forKey: .byPlatform)
            try c.encode(firstPublishedAt, forKey: .firstPublishedAt)
            try c.encode(lastPublishedAt, forKey: .lastPublishedAt)
            try c.encode(withoutDate, forKey: .withoutDate)
        }
    }

    /// `observed_followers.csv` in brief.
    public struct Followers: Encodable, Sendable, Equatable {
        public var file: String
        public var count: Int
        public var firstDate: String?
        public var lastDate: String?

        enum CodingKeys: CodingKey { case file, count, firstDate, lastDate }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(count, forKey: .count)
            try c.encode(firstDate, forKey: .firstDate)
            try c.encode(lastDate, forKey: .lastDate)
        }
    }

    /// One post or follower day found in several files.
    public struct MergedRow: Encodable, Sendable, Equatable {
        public var platform: String
        public var account: String
        /// The post id, or the day.
        public var id: String
        /// `file:line` of the row kept, and of those it replaced.
        public var kept: String
        public var replaced: [String]
    }

    public struct Merged: Encodable, Sendable, Equatable {
        public var rule: String
        public var posts: Int
        public var followerDays: Int
        public var postDetails: [MergedRow]
        public var followerDayDetails: [MergedRow]
    }

    /// One row of a Meta Ads Manager report.
    public struct Ad: Encodable, Sendable, Equatable {
        public var name: String
        public var postId: String?
        public var reportingStarts: String?
        public var reportingEnds: String?
        /// In `currency`, over the reporting window.
        public var spend: Double?
        public var currency: String?
        /// People, over the window.
        public var reach: Int?
        /// Views, over the window.
        public var impressions: Int?
        /// `file:line`.
        public var source: String

        enum CodingKeys: CodingKey { case name, postId, reportingStarts, reportingEnds, spend, currency, reach, impressions, source }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(postId, forKey: .postId)
            try c.encode(reportingStarts, forKey: .reportingStarts)
            try c.encode(reportingEnds, forKey: .reportingEnds)
            try c.encode(spend, forKey: .spend)
            try c.encode(currency, forKey: .currency)
            try c.encode(reach, forKey: .reach)
            try c.encode(impressions, forKey: .impressions)
            try c.encode(source, forKey: .source)
        }
    }

    public struct Warning: Encodable, Sendable, Equatable {
        /// `ImportWarning.Kind`'s raw value.
        public var kind: String
        public var file: String
        /// `nil` (null) for a warning about the whole file.
        public var line: Int?
        public var message: String

        enum CodingKeys: CodingKey { case kind, file, line, message }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(message, forKey: .message)
        }
    }

    public var reachsimVersion: String
    public var files: [File]
    /// Files of folders left unread because of their extension.
    public var ignoredFiles: [String]
    public var posts: Posts
    public var followers: Followers
    public var merged: Merged
    public var ads: [Ad]
    /// Sorted by file, line, kind, message.
    public var warnings: [Warning]

    static let mergeRule = "the same post (platform, account, post_id) or follower day in several files is kept from the file whose period ends last (latest date in it), then the later file in path order; follower cells left empty there are filled from the next latest file"

    public init(files: [ImportedFile], ignored: [String], merge: ImportMerge.Result, warnings: [ImportWarning]) {
        reachsimVersion = ReachSimVersion.string
        self.files = files.map { f in
            File(path: f.path, format: f.format,
                 formatTitle: ExportRecognizer.formats.first { $0.id == f.format }?.title ?? f.format,
                 encoding: f.encoding, rowsRead: f.rowsRead, posts: f.posts.count, followerDays: f.followers.count,
                 ads: f.ads.count, firstDate: f.periodStart?.description, lastDate: f.periodEnd?.description,
                 skipped: f.skipped, notes: f.notes)
        }
        ignoredFiles = ignored
        let dated = merge.posts.compactMap(\.publishedAt)
        var byPlatform: [String: Int] = [:]
        for p in merge.posts { byPlatform[p.platform.rawValue, default: 0] += 1 }
        posts = Posts(file: ObservedTables.postsFile, count: merge.posts.count, byPlatform: byPlatform,
                      firstPublishedAt: dated.min()?.description, lastPublishedAt: dated.max()?.description,
                      withoutDate: merge.posts.count - dated.count)
        let days = merge.followers.map(\.date)
        followers = Followers(file: ObservedTables.followersFile, count: merge.followers.count,
                              firstDate: days.min()?.description, lastDate: days.max()?.description)
        func row(_ r: ImportMerge.Record) -> MergedRow {
            MergedRow(platform: r.platform.rawValue, account: r.account, id: r.id, kept: "\(r.kept.file):\(r.kept.line)",
                      replaced: r.replaced.map { "\($0.file):\($0.line)" })
        }
        merged = Merged(rule: Self.mergeRule, posts: merge.mergedPosts.count, followerDays: merge.mergedFollowerDays.count,
                        postDetails: merge.mergedPosts.map(row), followerDayDetails: merge.mergedFollowerDays.map(row))
        ads = files.flatMap(\.ads).sorted { $0.source < $1.source }.map { a in
            Ad(name: a.name, postId: a.postID, reportingStarts: a.reportingStarts?.description,
               reportingEnds: a.reportingEnds?.description, spend: a.spend, currency: a.currency, reach: a.reach,
               impressions: a.impressions, source: "\(a.source.file):\(a.source.line)")
        }
        self.warnings = warnings.sorted().map { Warning(kind: $0.kind.rawValue, file: $0.file, line: $0.line, message: $0.message) }
    }

    /// The `import.json` bytes.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return [UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}
