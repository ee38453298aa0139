import Foundation
import Testing

/// The library's folders depend on each other one way, from the scenario up to the files and the
/// report (docs/model.md, "The flow of one run"): a folder may use the types of its own layer and
/// of the layers below it, never those above. The compiler cannot check it inside one target, so
/// this test reads the sources: every top-level type a file names (outside comments and string
/// literals, and unless the file declares a nested type of that name) must be declared in an
/// allowed folder.
@Suite struct FolderLayeringTests {
    /// Bottom first. Folders of one layer may use each other: a scenario holds feed models and
    /// its audience specification, and feeds read the scenario's formats and the audience's classes.
    static let layers: [[String]] = [
        ["Support"],
        ["Scenario", "Feeds", "Audience"],
        ["Graph", "Metrics"],
        ["Engine"],
        ["Calibration", "Output"],
        ["Pipeline", "Import"],
        ["Report", "Cluster"],
        ["Evidence"],
    ]

    struct Source {
        let folder: String
        let path: String
        let code: String
    }

    static func sources() throws -> [Source] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/ReachSim")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [Source] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let parts = relative.split(separator: "/")
            let folder = parts.count > 1 ? String(parts[0]) : "."
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            found.append(Source(folder: folder, path: relative, code: stripped(text)))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The code without comments and string literals.
    static func stripped(_ text: String) -> String {
        var code = text
        for (pattern, replacement) in [(#""""[\s\S]*?""""#, "\"\""), (#"/\*[\s\S]*?\*/"#, " "), (#"//[^\n]*"#, ""),
                                       (#""(?:\\.|[^"\\\n])*""#, "\"\"")] {
            code = regex(pattern).stringByReplacingMatches(in: code, range: NSRange(code.startIndex..., in: code),
                                                           withTemplate: replacement)
        }
        return code
    }

    static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])  // patterns of this file
    }

    /// Type declarations: (indentation, name); indented ones are nested.
    static func declarations(_ code: String) -> [(nested: Bool, name: String)] {
        let pattern = regex(#"^([ \t]*)(?:(?:public|private|fileprivate|internal|final|indirect)\s+)*(?:struct|class|enum|protocol|typealias|actor)\s+([A-Z]\w*)"#)
        return pattern.matches(in: code, range: NSRange(code.startIndex..., in: code)).map { m in
            (nested: m.range(at: 1).length > 0, name: String(code[Range(m.range(at: 2), in: code)!]))
        }
    }

    /// Capitalised names not preceded by a dot (a member) or a word character.
    static func names(_ code: String) -> Set<String> {
        let pattern = regex(#"(?<![.\w])([A-Z]\w*)\b"#)
        return Set(pattern.matches(in: code, range: NSRange(code.startIndex..., in: code)).map {
            String(code[Range($0.range(at: 1), in: code)!])
        })
    }

    @Test func foldersDependOneWay() throws {
        let sources = try Self.sources()
        #expect(sources.count > 50)
        var folderOf: [String: String] = [:]
        for source in sources {
            for d in Self.declarations(source.code) where !d.nested { folderOf[d.name] = source.folder }
        }
        #expect(folderOf["ExposureKernel"] == "Engine" && folderOf["PostContext"] == "Feeds")
        func layer(_ folder: String) -> Int? { Self.layers.firstIndex { $0.contains(folder) } }
        var violations: [String] = []
        for source in sources {
            guard let own = layer(source.folder) else {
                if source.folder != "." { violations.append("\(source.path): folder \(source.folder) has no layer") }
                continue
            }
            let nested = Set(Self.declarations(source.code).filter(\.nested).map(\.name))
            for name in Self.names(source.code).subtracting(nested).sorted() {
                guard let folder = folderOf[name], folder != ".", let theirs = layer(folder), theirs > own else { continue }
                violations.append("\(source.path) (\(source.folder)) uses \(name) of \(folder), a layer above")
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    /// The check finds a use of a higher layer (it can fail).
    @Test func aViolationIsFound() {
        let code = Self.stripped("struct A { let b: ExposureKernel } // PostContext\nlet s = \"Report\"")
        #expect(Self.names(code).contains("ExposureKernel"))
        #expect(!Self.names(code).contains("PostContext") && !Self.names(code).contains("Report"))
    }
}
