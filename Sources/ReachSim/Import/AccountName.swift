/// Account names found in post links.
enum AccountName {
    /// The first path component of a link, without a leading `@`:
    /// `https://twitter.com/rOpenSci/status/1` → `rOpenSci`,
    /// `https://www.tiktok.com/@museum/video/7` → `museum`. `nil` for a link without a path.
    static func fromLink(_ link: String) -> String? {
        guard let scheme = link.range(of: "://") else { return nil }
        let afterHost = link[scheme.upperBound...].drop { $0 != "/" }.dropFirst()
        guard let first = afterHost.split(separator: "/").first, !first.isEmpty else { return nil }
        let name = first.hasPrefix("@") ? first.dropFirst() : first
        return name.isEmpty ? nil : String(name)
    }
}
