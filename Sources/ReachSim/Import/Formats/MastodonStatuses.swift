import Foundation

/// Mastodon has no analytics export: this reads pages of `GET /api/v1/accounts/:id/statuses`
/// saved to files (a JSON array of statuses). Engagement only: no impressions, no reach.
///
/// | status field | observed_posts column |
/// |---|---|
/// | id | post_id |
/// | account.acct, with the server of account.url when acct has none | account (`museum@mastodon.social`) |
/// | created_at | published_at |
/// | media_attachments: one image → image, several → carousel; a card without media → link; neither → text; video → empty | format |
/// | favourites_count | likes |
/// | replies_count | comments |
/// | reblogs_count + quotes_count (4.4 and later) | shares |
/// | – | paid: false (Mastodon has no ads) |
///
/// A status whose `reblog` is not null is the account boosting another's post: skipped, counted.
public enum MastodonStatuses: ExportFormat {
    public static let id = "mastodon-statuses"
    public static let title = "Mastodon API statuses page (GET /api/v1/accounts/:id/statuses, saved JSON)"
    public static let signature = "a JSON array of statuses with id, created_at, favourites_count, reblogs_count"

    public static func recognizes(_ input: ExportInput) -> Bool {
        guard case .json(let value) = input.content, let array = value as? [Any],
              let first = array.first as? [String: Any] else { return false }
        return first["id"] != nil && first["created_at"] != nil && first["favourites_count"] != nil && first["reblogs_count"] != nil
    }

    public static func read(_ input: ExportInput, context: ImportContext) throws -> ImportedFile {
        guard case .json(let value) = input.content, let array = value as? [Any] else {
            throw ImportError(file: input.path, message: "expected a JSON array of statuses")
        }
        var file = ImportedFile(path: input.path, format: id)
        file.encoding = "JSON"
        for (k, element) in array.enumerated() {
            file.rowsRead += 1
            guard let object = element as? [String: Any] else {
                throw ImportError(file: input.path, field: "[\(k)]", message: "expected a status object, found \(JSONShape.describe(element))")
            }
            let item = JSONItem(object: object, path: "[\(k)]", file: input.path, position: k + 1)
            if let reblog = object["reblog"], !(reblog is NSNull) {
                file.skip("reblog of another account's post")
                continue
            }
            let id = try item.string("id")
            var account = context.account ?? ""
            if let a = item.object("account"), let acct = a.optionalString("acct") {
                account = acct
                if !acct.contains("@"), let url = a.optionalString("url"), let host = URL(string: url)?.host {
                    account = acct + "@" + host
                }
            }
            let media = (object["media_attachments"] as? [[String: Any]]) ?? []
            let kinds = media.compactMap { $0["type"] as? String }
            let format: ObservedPostFormat?
            if media.isEmpty {
                format = (object["card"].map { !($0 is NSNull) } ?? false) ? .link : .text
            } else if kinds.allSatisfy({ $0 == "image" }) {
                format = media.count > 1 ? .carousel : .image
            } else {
                format = nil
            }
            let reblogs = try item.count("reblogs_count")
            let quotes = try item.count("quotes_count")
            file.posts.append(ObservedPost(
                platform: .mastodon, account: account, postID: id, publishedAt: try item.time("created_at"), format: format,
                paid: .organic, likes: try item.count("favourites_count"), comments: try item.count("replies_count"),
                shares: reblogs.map { $0 + (quotes ?? 0) }, source: SourcePosition(file: input.path, line: k + 1)))
        }
        return file
    }
}

/// A Mastodon account object (`GET /api/v1/accounts/:id` or `…/lookup`) saved to a file. Its
/// `followers_count` is the count when it was fetched, with no date in the file: it is kept in
/// `import.json`'s notes, not as a follower row.
public enum MastodonAccount: ExportFormat {
    public static let id = "mastodon-account"
    public static let title = "Mastodon API account object (saved JSON)"
    public static let signature = "a JSON object with acct, followers_count, statuses_count"

    public static func recognizes(_ input: ExportInput) -> Bool {
        guard case .json(let value) = input.content, let o = value as? [String: Any] else { return false }
        return o["acct"] != nil && o["followers_count"] != nil && o["statuses_count"] != nil
    }

    public static func read(_ input: ExportInput, context: ImportContext) throws -> ImportedFile {
        guard case .json(let value) = input.content, let o = value as? [String: Any] else {
            throw ImportError(file: input.path, message: "expected a JSON account object")
        }
        var file = ImportedFile(path: input.path, format: id)
        file.encoding = "JSON"
        file.rowsRead = 1
        let item = JSONItem(object: o, path: "", file: input.path, position: 1)
        let followers = try item.count("followers_count")
        file.notes["acct"] = o["acct"] as? String ?? ""
        file.notes["followers_count"] = followers.map(String.init) ?? ""
        file.warn(.notConverted, "followers_count \(followers.map(String.init) ?? "null") is the count when the file was saved; the file has no date, so it is not a follower row")
        return file
    }
}
