/// The kinds of post a plan can schedule.
public enum PostFormat: String, CaseIterable, Sendable {
    case text
    case image
    case carousel
    case shortVideo = "short_video"
    case longVideo = "long_video"
    case live
    case story

    /// Position in `FormatTable` storage (the declaration order).
    @inline(__always)
    public var index: Int {
        switch self {
        case .text: 0
        case .image: 1
        case .carousel: 2
        case .shortVideo: 3
        case .longVideo: 4
        case .live: 5
        case .story: 6
        }
    }

    /// Number of formats.
    public static let count = 7
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
