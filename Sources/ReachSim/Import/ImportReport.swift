import Foundation

/// `import.json`: what was read, from which file, in which format, over which dates, what came
/// out, what was merged, and every warning.
///
/// JSON: snake_case keys, sorted, pretty-printed, slashes unescaped, a final newline; no time
/// stamp or absolute path of its own, so the same inputs give the same bytes.
public enum ImportReport {
    public static let fileName = "import.json"

    public static func json(files: [ImportedFile], ignored: [String], merge: ImportMerge.Result,
                            warnings: [ImportWarning]) throws -> [UInt8] {
        var object: [String: Any] = [:]
        object["reachsim_version"] = ReachSimVersion.string
        object["files"] = files.map(describe)
        object["ignored_files"] = ignored
        let dated = merge.posts.compactMap(\.publishedAt)
        var byPlatform: [String: Int] = [:]
        for p in merge.posts { byPlatform[p.platform.rawValue, default: 0] += 1 }
        object["posts"] = [
            "file": ObservedTables.postsFile,
            "count": merge.posts.count,
            "by_platform": byPlatform,
            "first_published_at": dated.min().map(\.description) ?? NSNull(),
            "last_published_at": dated.max().map(\.description) ?? NSNull(),
            "without_date": merge.posts.count - dated.count,
        ] as [String: Any]
        object["followers"] = [
            "file": ObservedTables.followersFile,
            "count": merge.followers.count,
            "first_date": merge.followers.map(\.date).min().map(\.description) ?? NSNull(),
            "last_date": merge.followers.map(\.date).max().map(\.description) ?? NSNull(),
        ] as [String: Any]
        object["merged"] = [
            "rule": "the same post (platform, account, post_id) or follower day in several files is kept from the file whose period ends last (latest date in it), then the later file in reading order; follower cells left empty there are filled from the next latest file",
            "posts": merge.mergedPosts.count,
            "follower_days": merge.mergedFollowerDays.count,
            "post_details": merge.mergedPosts.map(describe),
            "follower_day_details": merge.mergedFollowerDays.map(describe),
        ] as [String: Any]
        object["ads"] = files.flatMap(\.ads).sorted { $0.source < $1.source }.map(describe)
        object["warnings"] = warnings.sorted().map { w -> [String: Any] in
            ["kind": w.kind.rawValue, "file": w.file, "line": w.line.map { $0 as Any } ?? NSNull(), "message": w.message]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return [UInt8](data) + [UInt8(ascii: "\n")]
    }

    private static func describe(_ f: ImportedFile) -> [String: Any] {
        let title = ExportRecognizer.formats.first { $0.id == f.format }?.title ?? f.format
        return [
            "path": f.path,
            "format": f.format,
            "format_title": title,
            "encoding": f.encoding,
            "rows_read": f.rowsRead,
            "posts": f.posts.count,
            "follower_days": f.followers.count,
            "ads": f.ads.count,
            "first_date": f.periodStart?.description ?? NSNull(),
            "last_date": f.periodEnd?.description ?? NSNull(),
            "skipped": f.skipped,
            "notes": f.notes,
        ]
    }

    private static func describe(_ r: ImportMerge.Record) -> [String: Any] {
        ["platform": r.platform.rawValue, "account": r.account, "id": r.id,
         "kept": "\(r.kept.file):\(r.kept.line)", "replaced": r.replaced.map { "\($0.file):\($0.line)" }]
    }

    private static func describe(_ a: ObservedAd) -> [String: Any] {
        [
            "name": a.name,
            "post_id": a.postID ?? NSNull(),
            "reporting_starts": a.reportingStarts?.description ?? NSNull(),
            "reporting_ends": a.reportingEnds?.description ?? NSNull(),
            "spend": a.spend ?? NSNull(),
            "currency": a.currency ?? NSNull(),
            "reach": a.reach ?? NSNull(),
            "impressions": a.impressions ?? NSNull(),
            "source": "\(a.source.file):\(a.source.line)",
        ]
    }
}
