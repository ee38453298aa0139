import Foundation

/// Finds which export a file is, from its contents.
public enum ExportRecognizer {
    /// Every format, most specific first: the first that recognises a file reads it.
    public static let formats: [any ExportFormat.Type] = [
        XTweetActivityExport.self,
        XDailyActivityExport.self,
        XAccountContentExport.self,
        XAccountOverviewExport.self,
        XMonthlyAccountSummary.self,
        FacebookInsightsPostExport.self,
        MetaBusinessSuitePostExport.self,
        MetaPageMetricExport.self,
        MetaAdsManagerExport.self,
        UCIFacebookMetrics.self,
        TikTokContentExport.self,
        TikTokFollowerHistoryExport.self,
        TikTokOverviewExport.self,
        YouTubeStudioTableExport.self,
        LinkedInPostsExport.self,
        LinkedInFollowersExport.self,
        MastodonStatuses.self,
        MastodonAccount.self,
        BlueskyAuthorFeed.self,
        BlueskyProfile.self,
    ]

    /// The format of `input`.
    ///
    /// - Throws: `ImportError` listing the formats known and the header (or JSON shape) seen.
    public static func recognize(_ input: ExportInput) throws -> any ExportFormat.Type {
        if let format = formats.first(where: { $0.recognizes(input) }) { return format }
        let seen: String
        switch input.content {
        case .table(let table):
            if let first = table.rows.first {
                seen = "header seen on line \(first.line): " + ExportHeader(row: first, rowIndex: 0).quoted
            } else {
                seen = "the file has no rows"
            }
        case .json(let value):
            seen = "JSON seen: " + JSONShape.describe(value)
        }
        let known = formats.map { "  - \($0.title): \($0.signature)" }.joined(separator: "\n")
        throw ImportError(file: input.path, message: "unknown export format; \(seen)\nknown formats:\n\(known)")
    }
}

/// Short descriptions of JSON values for messages.
enum JSONShape {
    static func describe(_ value: Any) -> String {
        switch value {
        case let array as [Any]:
            if let first = array.first { return "an array of \(array.count) (first: \(describe(first)))" }
            return "an empty array"
        case let object as [String: Any]:
            let keys = object.keys.sorted()
            let shown = keys.prefix(10).joined(separator: ", ")
            return "an object with keys \(shown)\(keys.count > 10 ? ", …" : "")"
        case is String: return "a string"
        case is NSNumber: return "a number"
        default: return "a value"
        }
    }
}

