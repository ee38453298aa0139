/// The post-type words of the exports, in English and French, mapped to `ObservedPostFormat`.
enum PostTypeNames {
    /// `IG carousel` → carousel, `Reels` → short_video, `Photo` → image, `Lien` → link, … ;
    /// `nil` for a video of unknown length and for words not listed (the format stays empty).
    static func format(_ raw: String?) -> ObservedPostFormat? {
        guard let raw else { return nil }
        let t = ExportHeader.normalize(raw)
        if t.isEmpty { return nil }
        if t.contains("carousel") || t.contains("carrousel") || t.contains("album") { return .carousel }
        if t.contains("reel") { return .shortVideo }
        if t.contains("stor") { return .story }
        if t.contains("live") || t.contains("en direct") { return .live }
        if t.contains("photo") || t.contains("image") { return .image }
        if t.contains("link") || t.contains("lien") { return .link }
        if t.contains("status") || t.contains("statut") || t.contains("text") { return .text }
        return nil
    }
}
