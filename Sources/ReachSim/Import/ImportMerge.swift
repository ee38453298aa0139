/// Merges what several files said about the same post or the same day.
///
/// The same post (platform, account, post id) read from several files (monthly exports overlap,
/// and an export downloaded twice repeats every post) is kept once, **from the latest file**:
/// the file whose period ends last (its latest publication or follower date), then, for files
/// ending on the same day, the later in reading order (`ObservedImport` sorts the paths, so a
/// re-download named after the first comes later), then the later line. Its figures are lifetime counts, so the
/// later file's are the more complete. The posts that other files gave are reported.
///
/// The same day of followers (platform, account, date) is merged the same way, cell by cell: a
/// cell the latest file leaves empty is taken from the next latest file that has it (TikTok's
/// follower totals and X's daily follows for the same day both survive).
public enum ImportMerge {
    /// One merged post or day: the row kept and the rows it replaced.
    public struct Record: Sendable, Hashable {
        public var platform: ObservedPlatform
        public var account: String
        /// The post id, or the day for follower rows.
        public var id: String
        public var kept: SourcePosition
        public var replaced: [SourcePosition]
    }

    public struct Result: Sendable {
        public var posts: [ObservedPost]
        public var followers: [ObservedFollowers]
        public var mergedPosts: [Record]
        public var mergedFollowerDays: [Record]
    }

    /// A file's rank: later period end, then later in reading order.
    private struct Rank: Comparable {
        var end: ObservedDate?
        var order: Int
        var line: Int
        static func < (a: Rank, b: Rank) -> Bool {
            switch (a.end, b.end) {
            case (nil, .some): return true
            case (.some, nil): return false
            case let (x?, y?) where x != y: return x < y
            default: return (a.order, a.line) < (b.order, b.line)
            }
        }
    }

    /// - Parameter files: in reading order.
    public static func merge(_ files: [ImportedFile]) -> Result {
        var posts: [PostKey: (ObservedPost, Rank, [SourcePosition])] = [:]
        var followers: [FollowerKey: [(ObservedFollowers, Rank)]] = [:]
        for (order, file) in files.enumerated() {
            let end = file.periodEnd
            for post in file.posts {
                let rank = Rank(end: end, order: order, line: post.source.line)
                if let (old, oldRank, replaced) = posts[post.key] {
                    posts[post.key] = rank > oldRank ? (post, rank, replaced + [old.source]) : (old, oldRank, replaced + [post.source])
                } else {
                    posts[post.key] = (post, rank, [])
                }
            }
            for day in file.followers {
                followers[day.key, default: []].append((day, Rank(end: end, order: order, line: day.source.line)))
            }
        }
        var result = Result(posts: [], followers: [], mergedPosts: [], mergedFollowerDays: [])
        for (_, (post, _, replaced)) in posts {
            result.posts.append(post)
            if !replaced.isEmpty {
                result.mergedPosts.append(Record(platform: post.platform, account: post.account, id: post.postID,
                                                 kept: post.source, replaced: replaced.sorted()))
            }
        }
        for (_, versions) in followers {
            let ordered = versions.sorted { $0.1 > $1.1 }.map(\.0)
            var kept = ordered[0]
            for older in ordered.dropFirst() {
                kept.followers = kept.followers ?? older.followers
                kept.gained = kept.gained ?? older.gained
                kept.lost = kept.lost ?? older.lost
            }
            result.followers.append(kept)
            if ordered.count > 1 {
                result.mergedFollowerDays.append(Record(platform: kept.platform, account: kept.account, id: kept.date.description,
                                                        kept: kept.source, replaced: ordered.dropFirst().map(\.source).sorted()))
            }
        }
        result.posts.sort(by: ObservedTables.postOrder)
        result.followers.sort(by: ObservedTables.followerOrder)
        let recordOrder: (Record, Record) -> Bool = { ($0.platform, $0.account, $0.id) < ($1.platform, $1.account, $1.id) }
        result.mergedPosts.sort(by: recordOrder)
        result.mergedFollowerDays.sort(by: recordOrder)
        return result
    }
}
