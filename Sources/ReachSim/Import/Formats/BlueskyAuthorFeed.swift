import Foundation

/// Bluesky has no analytics export: this reads pages of `app.bsky.feed.getAuthorFeed` saved to
/// files (`{"feed": [{"post": {…}, "reason": …}], "cursor": …}`). Engagement only.
///
/// | feed item field | observed_posts column |
/// |---|---|
/// | post.uri (`at://did:plc:…/app.bsky.feed.post/…`) | post_id |
/// | post.author.handle | account |
/// | post.record.createdAt (else post.indexedAt) | published_at |
/// | post.embed `$type`: images (one → image, several → carousel), external → link, none → text; video → empty | format |
/// | post.likeCount | likes |
/// | post.replyCount | comments |
/// | post.repostCount + post.quoteCount | shares |
/// | – | paid: false |
///
/// An item with a `reason` of type `…#reasonRepost` is the account reposting someone's post:
/// skipped, counted. A pinned post (`#reasonPin`) appears twice in the first page and is
/// merged like any repeated post.
public enum BlueskyAuthorFeed: ExportFormat {
    public static let id = "bluesky-author-feed"
    public static let title = "Bluesky getAuthorFeed page (saved JSON)"
    public static let signature = "a JSON object {\"feed\": [{\"post\": {uri, likeCount, …}}]}"

    public static func recognizes(_ input: ExportInput) -> Bool {
        guard case .json(let value) = input.content, let o = value as? [String: Any], let feed = o["feed"] as? [Any] else { return false }
        guard let first = feed.first else { return true }
        return (first as? [String: Any])?["post"] is [String: Any]
    }

    public static func read(_ input: ExportInput, context: ImportContext) throws -> ImportedFile {
        guard case .json(let value) = input.content, let o = value as? [String: Any], let feed = o["feed"] as? [Any] else {
            throw ImportError(file: input.path, message: "expected a JSON object with a feed array")
        }
        var file = ImportedFile(path: input.path, format: id)
        file.encoding = "JSON"
        for (k, element) in feed.enumerated() {
            file.rowsRead += 1
            let path = "feed[\(k)]"
            guard let entry = element as? [String: Any], let postObject = entry["post"] as? [String: Any] else {
                throw ImportError(file: input.path, field: path + ".post", message: "expected a post object, found \(JSONShape.describe(element))")
            }
            if let reason = entry["reason"] as? [String: Any], let type = reason["$type"] as? String, type.hasSuffix("#reasonRepost") {
                file.skip("repost of another account's post")
                continue
            }
            let post = JSONItem(object: postObject, path: path + ".post", file: input.path, position: k + 1)
            let uri = try post.string("uri")
            let account = post.object("author").flatMap { $0.optionalString("handle") } ?? context.account ?? ""
            let published: ObservedTime
            if let record = post.object("record"), record.object["createdAt"] != nil {
                published = try record.time("createdAt")
            } else {
                published = try post.time("indexedAt")
            }
            let embedType = (postObject["embed"] as? [String: Any])?["$type"] as? String ?? ""
            let format: ObservedPostFormat?
            if embedType.isEmpty || embedType.hasPrefix("app.bsky.embed.record#") {
                format = .text
            } else if embedType.hasPrefix("app.bsky.embed.images") {
                let images = ((postObject["embed"] as? [String: Any])?["images"] as? [Any])?.count ?? 1
                format = images > 1 ? .carousel : .image
            } else if embedType.hasPrefix("app.bsky.embed.external") {
                format = .link
            } else {
                format = nil
            }
            let reposts = try post.count("repostCount")
            let quotes = try post.count("quoteCount")
            file.posts.append(ObservedPost(
                platform: .bluesky, account: account, postID: uri, publishedAt: published, format: format, paid: .organic,
                likes: try post.count("likeCount"), comments: try post.count("replyCount"),
                shares: reposts.map { $0 + (quotes ?? 0) }, source: SourcePosition(file: input.path, line: k + 1)))
        }
        return file
    }
}

/// A Bluesky profile (`app.bsky.actor.getProfile`) saved to a file: `followersCount` is the
/// count when it was fetched, with no date in the file: kept in `import.json`'s notes.
public enum BlueskyProfile: ExportFormat {
    public static let id = "bluesky-profile"
    public static let title = "Bluesky getProfile response (saved JSON)"
    public static let signature = "a JSON object with did, handle, followersCount"

    public static func recognizes(_ input: ExportInput) -> Bool {
        guard case .json(let value) = input.content, let o = value as? [String: Any] else { return false }
        return o["did"] != nil && o["handle"] != nil && o["followersCount"] != nil
    }

    public static func read(_ input: ExportInput, context: ImportContext) throws -> ImportedFile {
        guard case .json(let value) = input.content, let o = value as? [String: Any] else {
            throw ImportError(file: input.path, message: "expected a JSON profile object")
        }
        var file = ImportedFile(path: input.path, format: id)
        file.encoding = "JSON"
        file.rowsRead = 1
        let item = JSONItem(object: o, path: "", file: input.path, position: 1)
        let followers = try item.count("followersCount")
        file.notes["handle"] = o["handle"] as? String ?? ""
        file.notes["followers_count"] = followers.map(String.init) ?? ""
        file.warn(.notConverted, "followersCount \(followers.map(String.init) ?? "null") is the count when the file was saved; the file has no date, so it is not a follower row")
        return file
    }
}
