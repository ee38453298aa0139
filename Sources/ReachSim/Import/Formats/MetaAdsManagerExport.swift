/// A Meta Ads Manager report exported as CSV: one row per campaign, ad set or ad and reporting
/// window. Ads are not posts: each row is reported under `ads` in `import.json` (spend, reach,
/// impressions over the window). When the export has a post id column (`Post ID`,
/// `Object story ID`), the ad is joined to the boosted post read from the other files: that
/// post's `paid` becomes true and the join is reported; ads that match no post are warned about.
///
/// | export column | ads entry |
/// |---|---|
/// | Ad name, Ad set name or Campaign name (first present) | name |
/// | Reporting starts, Reporting ends (`2025-01-01`) | reporting_starts, reporting_ends |
/// | Amount spent (EUR) (any currency in parentheses) | spend, currency |
/// | Reach, Accounts Center accounts reached | reach (people) |
/// | Impressions | impressions (views) |
/// | Post ID, Object story ID | post_id |
public enum MetaAdsManagerExport: TableExportFormat {
    public static let id = "meta-ads-manager"
    public static let title = "Meta Ads Manager report (Reporting starts, Reporting ends, Amount spent, Impressions)"

    static let starts = ExportColumn("Reporting starts", "Début des rapports")
    static let ends = ExportColumn("Reporting ends", "Fin des rapports")
    static let impressions = ExportColumn("Impressions")
    static let reach = ExportColumn("Reach", "Accounts Center accounts reached", "Portée", "Comptes de l'Espace Comptes touchés")
    static let names = [ExportColumn("Ad name", "Nom de la publicité"), ExportColumn("Ad set name", "Nom de l'ensemble de publicités"),
                        ExportColumn("Campaign name", "Nom de la campagne")]
    static let postID = ExportColumn("Post ID", "Object story ID", "Story ID", "Identifiant de la publication")
    public static let signatureColumns = [starts, ends, impressions]

    public static func read(_ table: ExportTable, header: ExportHeader, context: ImportContext) throws -> ImportedFile {
        var file = ImportedFile(path: table.path, format: id)
        // "Amount spent (EUR)": the currency is part of the name.
        let spendIndex = header.normalized.firstIndex { $0.hasPrefix("amount spent") || $0.hasPrefix("montant depense") }
        var currency: String? = nil
        if let i = spendIndex, let open = header.names[i].lastIndex(of: "("), let close = header.names[i].lastIndex(of: ")"), open < close {
            currency = String(header.names[i][header.names[i].index(after: open)..<close])
        }
        for record in records(table, header: header) {
            file.rowsRead += 1
            let name = names.compactMap { record.text($0) }.first { !$0.isEmpty } ?? ""
            var spend: Double? = nil
            if let i = spendIndex {
                do { spend = try ExportNumber.amount(record.row[i]) } catch {
                    throw record.error(at: i, "expected an amount, found \(ExportRecord.show(record.row[i]))")
                }
            }
            let post = record.text(postID).flatMap { $0.isEmpty ? nil : $0 }
            file.ads.append(ObservedAd(
                name: name, postID: post,
                reportingStarts: try record.time(starts, expected: "2025-01-01")?.date,
                reportingEnds: try record.time(ends, expected: "2025-01-31")?.date,
                spend: spend, currency: currency, reach: try record.count(reach),
                impressions: try record.count(impressions), source: record.position))
        }
        if header.index(of: postID) == nil, !file.ads.isEmpty {
            file.warn(.adNotMatched, "the export has no post id column (add \"Post ID\" to the report's columns): its ads are reported but not joined to posts")
        }
        return file
    }

    /// Marks the posts boosted by `ads` as paid: an ad's post id equals the post's, or is its
    /// part after `PAGEID_`. Returns the warnings for ads that match no post.
    static func join(ads: [ObservedAd], posts: inout [ObservedPost]) -> [ImportWarning] {
        var index: [String: [Int]] = [:]
        for (i, p) in posts.enumerated() where p.platform == .facebook || p.platform == .instagram {
            index[p.postID, default: []].append(i)
            if let underscore = p.postID.firstIndex(of: "_") {
                index[String(p.postID[p.postID.index(after: underscore)...]), default: []].append(i)
            }
        }
        var warnings: [ImportWarning] = []
        for ad in ads {
            guard let id = ad.postID else { continue }
            let key = id.firstIndex(of: "_").map { String(id[id.index(after: $0)...]) } ?? id
            let hits = index[id] ?? index[key] ?? []
            if hits.isEmpty {
                warnings.append(ImportWarning(.adNotMatched, file: ad.source.file, line: ad.source.line,
                                              "ad \"\(ad.name)\" boosted post \(id), which no file read has"))
            }
            for i in hits { posts[i].paid = .paid }
        }
        return warnings
    }
}
