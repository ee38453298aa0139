/// Writes `observed_posts.csv` and `observed_followers.csv` (RFC 4180, UTF-8, `\n`, a header).
///
/// Rows are sorted so that the same inputs give the same bytes: posts by platform, account,
/// published_at (posts without a date last), post_id; followers by platform, account, date.
/// An empty cell is "the export does not give it", never 0.
public enum ObservedTables {
    public static let postsFile = "observed_posts.csv"
    public static let followersFile = "observed_followers.csv"

    public static let postColumns = ["platform", "account", "post_id", "published_at", "format", "paid", "impressions",
                                     "reach", "likes", "comments", "shares", "clicks", "follows", "source_file",
                                     "source_line"]
    public static let followerColumns = ["platform", "account", "date", "followers", "gained", "lost", "source_file",
                                         "source_line"]

    static func postOrder(_ a: ObservedPost, _ b: ObservedPost) -> Bool {
        if a.platform != b.platform { return a.platform < b.platform }
        if a.account != b.account { return a.account < b.account }
        switch (a.publishedAt, b.publishedAt) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.postID != b.postID { return a.postID < b.postID }
        return a.source < b.source
    }

    static func followerOrder(_ a: ObservedFollowers, _ b: ObservedFollowers) -> Bool {
        (a.platform, a.account, a.date, a.source) < (b.platform, b.account, b.date, b.source)
    }

    /// `observed_posts.csv`, rows in the order given (use `ImportMerge`'s).
    public static func postsCSV(_ posts: [ObservedPost]) -> [UInt8] {
        var csv = CSVWriter(reservingCapacity: 128 * (posts.count + 1))
        csv.appendRow(postColumns)
        for p in posts {
            csv.append(p.platform.rawValue)
            csv.append(p.account)
            csv.append(p.postID)
            if let t = p.publishedAt { csv.append(t.description) } else { csv.appendMissing() }
            if let f = p.format { csv.append(f.rawValue) } else { csv.appendMissing() }
            csv.append(p.paid.rawValue)
            for v in [p.impressions, p.reach, p.likes, p.comments, p.shares, p.clicks, p.follows] {
                if let v { csv.append(v) } else { csv.appendMissing() }
            }
            csv.append(p.source.file)
            csv.append(p.source.line)
            csv.endRow()
        }
        return csv.bytes
    }

    /// `observed_followers.csv`, rows in the order given.
    public static func followersCSV(_ rows: [ObservedFollowers]) -> [UInt8] {
        var csv = CSVWriter(reservingCapacity: 64 * (rows.count + 1))
        csv.appendRow(followerColumns)
        for r in rows {
            csv.append(r.platform.rawValue)
            csv.append(r.account)
            csv.append(r.date.description)
            for v in [r.followers, r.gained, r.lost] {
                if let v { csv.append(v) } else { csv.appendMissing() }
            }
            csv.append(r.source.file)
            csv.append(r.source.line)
            csv.endRow()
        }
        return csv.bytes
    }
}
