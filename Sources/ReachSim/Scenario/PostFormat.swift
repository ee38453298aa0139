/// The kinds of post a plan can schedule.
public enum PostFormat: String, CaseIterable, Sendable {
    case text
    case image
    case carousel
    case shortVideo = "short_video"
    case longVideo = "long_video"
    case live
    case story

    /// Position in `FormatTable` storage.
    public var index: Int { PostFormat.allCases.firstIndex(of: self)! }
}

/// A value for every post format, stored flat (hot loops index it by `PostFormat.index`).
public struct FormatTable<Value: Sendable>: Sendable {
    public var values: [Value]

    public init(_ make: (PostFormat) -> Value) {
        values = PostFormat.allCases.map(make)
    }

    public subscript(format: PostFormat) -> Value {
        get { values[format.index] }
        set { values[format.index] = newValue }
    }
}

extension FormatTable: Equatable where Value: Equatable {}
