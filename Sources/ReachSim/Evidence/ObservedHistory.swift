import Foundation

/// An import folder read back: the posts and follower days `reachsim import` wrote to
/// `observed_posts.csv` and `observed_followers.csv` (docs/output-format.md), read by column
/// name with `CSVTable`.
///
/// Counts are as the import wrote them: lifetime per post as of the export, in views (impressions)
/// or actions; `nil` is an empty cell ("the export does not give it"), never 0.
public struct ObservedHistory: Sendable {
    /// An account as the history names it.
    public struct Account: Sendable, Hashable, CustomStringConvertible {
        /// `x`, `facebook`, … (`ObservedPlatform`'s raw value, the scenario's platform name).
        public var platform: String
        public var account: String
        public init(platform: String, account: String) {
            self.platform = platform
            self.account = account
        }
        public var description: String { "\(platform)/\(account)" }
    }

    /// The folder as given.
    public let directory: String
    /// Posts with a publication time, in file order (sorted by platform, account, time).
    public let posts: [ObservedPost]
    /// Posts of the file without a publication time (the UCI data set): they cannot be placed in
    /// a week and are left out of schedules and back-tests.
    public let undatedPosts: Int
    /// Follower days, in file order (platform, account, date).
    public let followers: [ObservedFollowers]

    public init(directory: String, posts: [ObservedPost], undatedPosts: Int = 0, followers: [ObservedFollowers]) {
        self.directory = directory
        self.posts = posts
        self.undatedPosts = undatedPosts
        self.followers = followers
    }

    /// The accounts that have dated posts, in file order.
    public var accounts: [Account] {
        var seen = Set<Account>()
        var list: [Account] = []
        for p in posts {
            let a = Account(platform: p.platform.rawValue, account: p.account)
            if seen.insert(a).inserted { list.append(a) }
        }
        return list
    }

    /// The first and last publication times, nil without dated posts.
    public var postRange: ClosedRange<ObservedTime>? {
        guard let first = posts.map({ $0.publishedAt! }).min(), let last = posts.map({ $0.publishedAt! }).max() else {
            return nil
        }
        return first...last
    }

    /// Reads `directory/observed_posts.csv` (required) and `directory/observed_followers.csv`
    /// (optional: a history may have posts only).
    ///
    /// - Throws: `BacktestError` naming the file, the row (the header is row 1) and the column:
    ///   a missing folder or posts file, a missing column, an unknown platform, a time that is
    ///   not ISO 8601, a count that is not a non-negative integer.
    public static func read(directory: String) throws -> ObservedHistory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BacktestError("--history \(directory): no such folder; give the --out folder of `reachsim import`")
        }
        let folder = URL(fileURLWithPath: directory)
        let postsURL = folder.appendingPathComponent(ObservedTables.postsFile)
        guard FileManager.default.fileExists(atPath: postsURL.path) else {
            throw BacktestError("--history \(directory): no \(ObservedTables.postsFile) in the folder; "
                + "run `reachsim import EXPORTS... --out \(directory)` first")
        }
        var posts: [ObservedPost] = []
        var undated = 0
        let postsName = postsURL.path
        try table(postsURL, required: ObservedTables.postColumns) { row in
            let at = "\(postsName):\(row.number)"
            let platform = try Self.platform(row["platform"], at: at)
            let published = row["published_at"]
            guard !published.isEmpty else { undated += 1; return }
            guard let parsed = ExportDateParser.parse(published), parsed.hasTime else {
                throw BacktestError("\(at): published_at: expected an ISO 8601 time such as 2019-01-30T19:05:00Z, "
                    + "found '\(published)'")
            }
            let format = row["format"]
            posts.append(ObservedPost(
                platform: platform, account: row["account"], postID: row["post_id"], publishedAt: parsed.time,
                format: format.isEmpty ? nil : ObservedPostFormat(rawValue: format),
                paid: PaidStatus(rawValue: row["paid"]) ?? .unknown,
                impressions: try count(row, "impressions", at: at), reach: try count(row, "reach", at: at),
                likes: try count(row, "likes", at: at), comments: try count(row, "comments", at: at),
                shares: try count(row, "shares", at: at), clicks: try count(row, "clicks", at: at),
                follows: try count(row, "follows", at: at),
                source: SourcePosition(file: row["source_file"], line: Int(row["source_line"]) ?? 0)))
        }
        var followers: [ObservedFollowers] = []
        let followersURL = folder.appendingPathComponent(ObservedTables.followersFile)
        if FileManager.default.fileExists(atPath: followersURL.path) {
            let name = followersURL.path
            try table(followersURL, required: ObservedTables.followerColumns) { row in
                let at = "\(name):\(row.number)"
                let platform = try Self.platform(row["platform"], at: at)
                guard let parsed = ExportDateParser.parse(row["date"]) else {
                    throw BacktestError("\(at): date: expected a day such as 2019-01-31, found '\(row["date"])'")
                }
                followers.append(ObservedFollowers(
                    platform: platform, account: row["account"], date: parsed.date,
                    followers: try count(row, "followers", at: at), gained: try count(row, "gained", at: at),
                    lost: try count(row, "lost", at: at),
                    source: SourcePosition(file: row["source_file"], line: Int(row["source_line"]) ?? 0)))
            }
        }
        return ObservedHistory(directory: directory, posts: posts, undatedPosts: undated, followers: followers)
    }

    /// `CSVTable.forEachRow`, its `ReportError`s turned into `BacktestError`s.
    private static func table(_ url: URL, required: [String], _ body: (CSVTable.Row) throws -> Void) throws {
        do { try CSVTable.forEachRow(url: url, required: required, body) } catch let e as ReportError {
            throw BacktestError(e.description)
        }
    }

    private static func platform(_ text: String, at: String) throws -> ObservedPlatform {
        guard let p = ObservedPlatform(rawValue: text) else {
            throw BacktestError("\(at): platform: unknown platform '\(text)'; expected one of "
                + ObservedPlatform.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return p
    }

    /// An empty cell is nil; otherwise a non-negative integer (`12` or `12.0`).
    private static func count(_ row: CSVTable.Row, _ column: String, at: String) throws -> Int? {
        let text = row[column]
        if text.isEmpty { return nil }
        guard let v = Double(text), v >= 0, v == v.rounded(), v < 1e15 else {
            throw BacktestError("\(at): \(column): expected a count (a whole number ≥ 0) or an empty cell, found '\(text)'")
        }
        return Int(v)
    }
}
