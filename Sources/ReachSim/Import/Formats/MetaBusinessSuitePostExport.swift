/// Meta Business Suite's post export (Insights → Content → Export), for a Facebook Page or an
/// Instagram account, in English or French (column names from public parsers; synonyms are
/// accepted). One row per post; counts are lifetime per post as of the export, written with
/// thousands separators (`15,000`, `15 000`).
///
/// | export column (English / French) | observed_posts column |
/// |---|---|
/// | Post ID / Identifiant de la publication | post_id |
/// | Account username, Page name / Nom d'utilisateur du compte, Nom de la Page | account |
/// | Publish time (`01/30/2025 19:05`; French day first `30/01/2025 19:05`) | published_at (no zone in the file: taken as UTC, warned) |
/// | Post type / Type de publication (`IG carousel`, `Reels`, `Photos`, `Links`, …) | format (videos of unknown length stay empty) |
/// | Funded content status / Statut du contenu financé (Facebook) | paid: a boost → true, "not boosted" → false, empty → unknown |
/// | Views (formerly Impressions), Impressions / Vues, Impressions | impressions |
/// | Reach / Portée | reach (distinct accounts) |
/// | Likes, Reactions / J'aime, Réactions | likes |
/// | Comments / Commentaires | comments |
/// | Shares / Partages | shares |
/// | Total clicks / Clics au total (Facebook) | clicks |
/// | Follows / Suivis (Instagram) | follows |
///
/// The platform is Instagram when the export has an account-username column, else Facebook.
public enum MetaBusinessSuitePostExport: TableExportFormat {
    public static let id = "meta-business-suite-posts"
    public static let title = "Meta Business Suite post export, Facebook or Instagram (English or French)"

    static let postID = ExportColumn("Post ID", "Identifiant de la publication", "ID de la publication")
    static let publishTime = ExportColumn("Publish time", "Heure de publication", "Date de publication")
    static let reach = ExportColumn("Reach", "Portée")
    static let username = ExportColumn("Account username", "Nom d'utilisateur du compte")
    static let pageName = ExportColumn("Page name", "Nom de la Page")
    static let accountName = ExportColumn("Account name", "Nom du compte")
    static let postType = ExportColumn("Post type", "Type de publication")
    static let funded = ExportColumn("Funded content status", "Statut du contenu financé", "Statut du contenu sponsorisé")
    static let views = ExportColumn("Views (formerly Impressions)", "Views", "Vues", "Vues (anciennement Impressions)")
    static let impressions = ExportColumn("Impressions")
    static let likes = ExportColumn("Likes", "J'aime", "Reactions", "Réactions")
    static let comments = ExportColumn("Comments", "Commentaires")
    static let shares = ExportColumn("Shares", "Partages")
    static let clicks = ExportColumn("Total clicks", "Clics au total", "Clics totaux")
    static let follows = ExportColumn("Follows", "Suivis", "Abonnements")
    public static let signatureColumns = [postID, publishTime, reach]

    /// Meta replaced impressions by views on its pages on this day.
    static let viewsSince = ObservedDate(year: 2025, month: 11, day: 15)!

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        let instagram = header.index(of: username) != nil
        let platform: ObservedPlatform = instagram ? .instagram : .facebook
        let french = header.normalized.contains(ExportHeader.normalize("Identifiant de la publication"))
            || header.normalized.contains(ExportHeader.normalize("Heure de publication"))
        let viewsColumn = header.index(of: views) != nil ? views : impressions
        let viewsName = header.index(of: views) != nil ? "views" : header.index(of: impressions) != nil ? "impressions" : nil
        file.notes["platform"] = platform.rawValue
        if let viewsName { file.notes["impressions_column"] = viewsName }
        file.notes["language"] = french ? "fr" : "en"
        for record in records(table, header: header) {
            file.rowsRead += 1
            let id = try record.required(postID)
            guard let published = try record.time(publishTime, dayFirst: french,
                                                  expected: french ? "30/01/2025 19:05" : "01/30/2025 19:05") else {
                throw record.error(publishTime, "expected the publication time, found an empty cell")
            }
            let account = [record.text(username), record.text(pageName), record.text(accountName), context.account]
                .compactMap { $0 }.first { !$0.isEmpty } ?? ""
            var paid = PaidStatus.unknown
            if let status = record.text(funded).map(ExportHeader.normalize), !status.isEmpty {
                let negative = status.contains("not") || status.contains("non") || status.contains("pas ")
                    || status == "no" || status == "none" || status == "aucun"
                paid = negative ? .organic : .paid
            }
            file.posts.append(ObservedPost(
                platform: platform, account: account, postID: id, publishedAt: published.time,
                format: PostTypeNames.format(record.text(postType)), paid: paid,
                impressions: try record.count(viewsColumn), reach: try record.count(reach),
                likes: try record.count(likes), comments: try record.count(comments), shares: try record.count(shares),
                clicks: try record.count(clicks), follows: try record.count(follows), source: record.position))
        }
        if file.posts.contains(where: { $0.publishedAt != nil }) {
            file.warn(.timeZoneAssumed, "publish times have no time zone (Meta writes the page's local time): taken as UTC")
        }
        let dates = file.posts.compactMap { $0.publishedAt?.date }
        if let first = dates.min(), let last = dates.max(), first < viewsSince, last >= viewsSince {
            file.warn(.metricRenamed, "the posts span \(viewsSince), when Meta replaced impressions by views: the \(viewsName ?? "views") column mixes both definitions")
        }
        return file
    }
}
