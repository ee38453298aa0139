/// The UCI "Facebook metrics" data set (Moro, Rita & Vala 2016; `dataset_Facebook.csv`,
/// semicolon-separated): 500 posts of one brand's Page in 2014 with lifetime Insights figures,
/// under its original column names or the short ones (`T_Reach`, `Page_T_Likes`).
///
/// It has no date: only the month, weekday (1 = Sunday) and hour of publication. The rows are in
/// publication order, newest first, so `published_at` is reconstructed (`reconstructDates`): in
/// the year of `--year` (default 2014, the paper's), each post on the earliest day of its month
/// and weekday not before the previous post's (the same day when its hour is not earlier), at the
/// hour, in UTC (the page's time zone is not published). On the real file this leaves no post
/// outside its month, and 259 of the 500 posts share their predecessor's day and 223 are on the
/// next day, so a week's gap that the walk would miss is unlikely but possible: `import.json`
/// warns that the dates are reconstructed. A file whose rows do not allow it (a post that would
/// leave its month) keeps `published_at` empty. The page's total likes become the follower count
/// of each reconstructed day. `post_id` is `row-00001` for the first data row, and so on.
///
/// | column (original / short) | observed_posts column |
/// |---|---|
/// | Type (Photo, Status, Link, Video) | format (Video: empty) |
/// | Paid (1 / 0) | paid |
/// | Lifetime Post Total Impressions / T_Impression | impressions |
/// | Lifetime Post Total Reach / T_Reach | reach |
/// | like, comment, share | likes, comments, shares |
/// | Lifetime Post Consumptions / Consumption | clicks |
///
/// Not kept: the reach and impressions among the Page's fans (`LP_Reach`, `LP_Impression`),
/// Category; without dates, the page's total likes (their range is in `import.json`'s notes).
public enum UCIFacebookMetrics: TableExportFormat {
    public static let id = "uci-facebook-metrics"
    public static let title = "UCI Facebook metrics data set (dataset_Facebook.csv)"

    static let type = ExportColumn("Type")
    static let paid = ExportColumn("Paid")
    static let reach = ExportColumn("Lifetime Post Total Reach", "T_Reach")
    static let impressions = ExportColumn("Lifetime Post Total Impressions", "T_Impression")
    static let consumptions = ExportColumn("Lifetime Post Consumptions", "Consumption")
    static let month = ExportColumn("Post Month", "Month")
    static let weekday = ExportColumn("Post Weekday", "Weekday")
    static let hour = ExportColumn("Post Hour", "Hour")
    static let pageLikes = ExportColumn("Page total likes", "Page_T_Likes")
    static let likes = ExportColumn("like")
    static let comments = ExportColumn("comment")
    static let shares = ExportColumn("share")
    public static let signatureColumns = [type, paid, reach, month, pageLikes]
    public static let excludedColumns = [ExportColumn("Post ID")]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        var months: [Int] = []
        var likesRange: [Int] = []
        var when: [(month: Int, weekday: Int, hour: Int)?] = []
        var likesOf: [Int?] = []
        for (k, record) in records(table, header: header).enumerated() {
            file.rowsRead += 1
            var status = PaidStatus.unknown
            if let v = try record.count(paid) {
                guard v <= 1 else { throw record.error(paid, "expected 1 (boosted) or 0, found \(v)") }
                status = v == 1 ? .paid : .organic
            }
            let m = try record.count(month), d = try record.count(weekday), h = try record.count(hour)
            if let m { months.append(m) }
            if let m, let d, let h {
                guard (1...12).contains(m) else { throw record.error(month, "expected a month 1-12, found \(m)") }
                guard (1...7).contains(d) else { throw record.error(weekday, "expected a weekday 1 (Sunday) to 7, found \(d)") }
                guard h <= 23 else { throw record.error(hour, "expected an hour 0-23, found \(h)") }
                when.append((m, d, h))
            } else {
                when.append(nil)
            }
            let fans = try record.count(pageLikes)
            if let l = fans { likesRange.append(l) }
            likesOf.append(fans)
            file.posts.append(ObservedPost(
                platform: .facebook, account: context.account ?? "", postID: "row-" + pad(k + 1), publishedAt: nil,
                format: PostTypeNames.format(record.text(type)), paid: status,
                impressions: try record.count(impressions), reach: try record.count(reach),
                likes: try record.count(likes), comments: try record.count(comments), shares: try record.count(shares),
                clicks: try record.count(consumptions), source: record.position))
        }
        if let lo = months.min(), let hi = months.max() { file.notes["post_months"] = "\(lo)-\(hi)" }
        if let lo = likesRange.min(), let hi = likesRange.max() { file.notes["page_total_likes"] = "\(lo)-\(hi)" }
        guard !file.posts.isEmpty else { return file }
        let year = context.year ?? 2014
        guard let days = reconstructDates(when, year: year) else {
            file.warn(.noDate, "the data set has no publication date (month, weekday and hour only), and its rows are not "
                      + "in an order that allows one: published_at is empty")
            return file
        }
        var counted: Set<ObservedDate> = []
        for k in file.posts.indices {
            guard let day = days[k], let w = when[k] else { continue }
            file.posts[k].publishedAt = ObservedTime(date: day, hour: w.hour, minute: 0, second: 0)
            if let likes = likesOf[k], counted.insert(day).inserted {
                file.followers.append(ObservedFollowers(platform: .facebook, account: context.account ?? "", date: day,
                                                        followers: likes, source: file.posts[k].source))
            }
        }
        file.warn(.dateReconstructed, "the data set gives each post's month, weekday and hour, not its date: published_at is "
                  + "reconstructed from the rows' order (the earliest day of the month and weekday not before the "
                  + "previous post's), at the hour in UTC, in \(year)")
        file.warn(.yearAssumed, "year \(year) " + (context.year == nil ? "assumed (the data set's, Moro et al. 2016)" : "taken from \(context.yearSource)"))
        return file
    }

    /// Dates of posts given in file order, newest first, by month, weekday (1 = Sunday) and hour:
    /// walking from the oldest, each post takes the earliest day of its month with its weekday not
    /// before the previous post's day, and the day after when the weekday matches but its hour is
    /// earlier. Rows without the three get nil; nil for all when a post would fall outside its month
    /// (the rows are not in publication order).
    static func reconstructDates(_ rows: [(month: Int, weekday: Int, hour: Int)?], year: Int) -> [ObservedDate?]? {
        var out = [ObservedDate?](repeating: nil, count: rows.count)
        var current: Int? = nil         // days since 1970 of the previous post
        var lastHour = -1
        for k in rows.indices.reversed() {
            guard let r = rows[k], let first = ObservedDate(year: year, month: r.month, day: 1) else { continue }
            var day = max(current ?? first.daysSinceEpoch, first.daysSinceEpoch)
            if day == current && weekday(day) == r.weekday && r.hour < lastHour { day += 1 }
            while weekday(day) != r.weekday { day += 1 }
            let date = ObservedDate(daysSinceEpoch: day)
            guard date.month == r.month, date.year == year else { return nil }
            lastHour = day == current ? max(lastHour, r.hour) : r.hour
            current = day
            out[k] = date
        }
        return out
    }

    /// 1 = Sunday ... 7 = Saturday (1970-01-01 was a Thursday, 5).
    static func weekday(_ daysSinceEpoch: Int) -> Int { ((daysSinceEpoch % 7 + 7 + 4) % 7) + 1 }

    /// `row-007`-style ids sort in file order: zero-padded to 5 digits.
    private static func pad(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 5 ? s : String(repeating: "0", count: 5 - s.count) + s
    }
}
