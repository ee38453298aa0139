/// The few lines `reachsim import` prints: files by format, posts and follower days by
/// platform and account with their date ranges, the warnings (one line per distinct message,
/// with the number of files it concerns) and what was written.
public enum ImportSummary {
    public static func render(_ c: ObservedImport.Conversion, directory: String, written: [String]) -> String {
        var lines: [String] = []
        var formats: [String: Int] = [:]
        for f in c.files { formats[f.format, default: 0] += 1 }
        let byFormat = formats.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        lines.append("Read \(c.files.count) file\(c.files.count == 1 ? "" : "s"): \(byFormat)"
                     + (c.ignored.isEmpty ? "" : " (\(c.ignored.count) other file\(c.ignored.count == 1 ? "" : "s") left out)"))
        struct Group: Hashable { var platform: ObservedPlatform; var account: String }
        var posts: [Group: [ObservedPost]] = [:]
        var followers: [Group: [ObservedFollowers]] = [:]
        for p in c.posts { posts[Group(platform: p.platform, account: p.account), default: []].append(p) }
        for r in c.followers { followers[Group(platform: r.platform, account: r.account), default: []].append(r) }
        let groups = Set(posts.keys).union(followers.keys).sorted { ($0.platform, $0.account) < ($1.platform, $1.account) }
        var table: [[String]] = [["platform", "account", "posts", "published", "follower days", "dates"]]
        for g in groups {
            let ps = posts[g] ?? [], fs = followers[g] ?? []
            let times = ps.compactMap { $0.publishedAt?.date }
            let days = fs.map(\.date)
            table.append([g.platform.rawValue, g.account.isEmpty ? "(unknown)" : g.account, grouped(ps.count),
                          range(times.min(), times.max()), grouped(fs.count), range(days.min(), days.max())])
        }
        let widths = table[0].indices.map { i in table.map { $0[i].count }.max() ?? 0 }
        for row in table {
            lines.append(row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i < 2 ? cell + pad : pad + cell
            }.joined(separator: "  "))
        }
        if !c.merge.mergedPosts.isEmpty || !c.merge.mergedFollowerDays.isEmpty {
            lines.append("Merged \(c.merge.mergedPosts.count) posts and \(c.merge.mergedFollowerDays.count) follower days found in several files (latest file kept).")
        }
        var distinct: [String: Set<String>] = [:]
        var order: [String] = []
        for w in c.warnings.sorted(by: { ($0.kind, $0.message) < ($1.kind, $1.message) }) {
            let text = w.kind == .rowsSkipped || w.line != nil ? "\(w.file)\(w.line.map { ":\($0)" } ?? ""): \(w.message)" : w.message
            if distinct[text] == nil { order.append(text) }
            distinct[text, default: []].insert(w.file)
        }
        for text in order {
            let n = distinct[text]!.count
            lines.append("warning: \(text)\(n > 1 ? " (\(n) files)" : "")")
        }
        lines.append("Wrote " + written.map { directory + "/" + $0 }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    private static func range(_ a: ObservedDate?, _ b: ObservedDate?) -> String {
        guard let a, let b else { return "-" }
        return a == b ? a.description : "\(a) to \(b)"
    }

    /// `1,129`.
    static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
