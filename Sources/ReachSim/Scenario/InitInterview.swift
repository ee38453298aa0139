import Foundation

/// The answers `reachsim init` takes, as flags or as questions on a terminal: parsing (the same
/// for both, with messages that say what was expected) and the questions themselves, which read
/// and write through closures so that a test can answer them.
public enum InitInterview {
    public struct AnswerError: Error, CustomStringConvertible, Equatable {
        public let description: String
        init(_ d: String) { description = d }
    }

    /// `facebook=40000` or `instagram/curator=2000`: a platform preset, an optional account name,
    /// followers.
    public static func followers(_ text: String) throws -> (platform: String, account: String?, followers: Int) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let n = Int(parts[1].replacingOccurrences(of: "_", with: "")), n >= 0, n <= 2_000_000_000 else {
            throw AnswerError("'\(text)': expected PLATFORM=FOLLOWERS or PLATFORM/ACCOUNT=FOLLOWERS (e.g. instagram=15000)")
        }
        let (platform, account) = try target(parts[0], whole: text)
        return (platform, account, n)
    }

    /// `instagram=image:2,story:3` or `instagram/curator=image:1`: posts per week by format.
    public static func plan(_ text: String) throws -> (platform: String, account: String?, posts: [(format: PostFormat, count: Double)]) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw AnswerError("'\(text)': expected PLATFORM=FORMAT:N,... (e.g. instagram=image:2,story:3)") }
        let (platform, account) = try target(parts[0], whole: text)
        return (platform, account, try posts(parts[1]))
    }

    /// `image:2,story:3` (commas or spaces): posts per week by format.
    public static func posts(_ text: String) throws -> [(format: PostFormat, count: Double)] {
        var out: [(format: PostFormat, count: Double)] = []
        for item in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let kv = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw AnswerError("'\(item)': expected FORMAT:POSTS_PER_WEEK (e.g. image:2)") }
            guard let f = PostFormat(rawValue: kv[0]) else {
                throw AnswerError("'\(kv[0])' is not a format (formats: \(PostFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let n = Double(kv[1]), n >= 0, n <= 1_000 else { throw AnswerError("'\(item)': posts per week must be a number in 0...1000") }
            out.append((f, n))
        }
        guard !out.isEmpty else { throw AnswerError("no format given (e.g. image:2,story:3)") }
        return out
    }

    /// `instagram=300`: euros a month of paid boost.
    public static func budget(_ text: String) throws -> (platform: String, euros: Double) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let v = Double(parts[1]), v >= 0, v <= 10_000_000 else {
            throw AnswerError("'\(text)': expected PLATFORM=EUROS_PER_MONTH (e.g. instagram=300)")
        }
        let (platform, account) = try target(parts[0], whole: text)
        guard account == nil else { throw AnswerError("'\(text)': a budget is per platform, not per account") }
        return (platform, v)
    }

    static func target(_ text: String, whole: String) throws -> (String, String?) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let platform = parts.first, PlatformPreset.named(platform) != nil else {
            throw AnswerError("'\(whole)': '\(parts.first ?? text)' is not a platform (platforms: "
                              + PlatformPreset.all.map(\.name).joined(separator: ", ") + ")")
        }
        return (platform, parts.count == 2 ? parts[1] : nil)
    }

    /// Sets the platforms of `template` from follower answers (in the order given; a platform's
    /// accounts in the order given), keeping no default platform.
    public static func setFollowers(_ answers: [(platform: String, account: String?, followers: Int)], in template: inout ScenarioTemplate) throws {
        var platforms: [ScenarioTemplate.Platform] = []
        for a in answers {
            let account = ScenarioTemplate.Account(name: a.account, followers: a.followers)
            if let i = platforms.firstIndex(where: { $0.preset == a.platform }) {
                guard a.account != nil, platforms[i].accounts.allSatisfy({ $0.name != nil && $0.name != a.account }) else {
                    throw AnswerError("\(a.platform) is given twice: name its accounts (\(a.platform)/main=..., \(a.platform)/curator=...)")
                }
                platforms[i].accounts.append(account)
            } else {
                platforms.append(ScenarioTemplate.Platform(preset: a.platform, accounts: [account]))
            }
        }
        template.platforms = platforms
    }

    /// Sets a plan (nil account: the platform's first account).
    public static func setPlan(_ p: (platform: String, account: String?, posts: [(format: PostFormat, count: Double)]),
                               in template: inout ScenarioTemplate) throws {
        guard let i = template.platforms.firstIndex(where: { $0.preset == p.platform }) else {
            throw AnswerError("a plan for \(p.platform), which has no followers given (add --platform \(p.platform)=FOLLOWERS)")
        }
        guard let j = p.account == nil ? 0 : template.platforms[i].accounts.firstIndex(where: { $0.name == p.account }) else {
            throw AnswerError("a plan for \(p.platform)/\(p.account!), which is not one of its accounts")
        }
        template.platforms[i].accounts[j].postsPerWeek = p.posts
    }

    public static func setBudget(_ b: (platform: String, euros: Double), in template: inout ScenarioTemplate) throws {
        guard let i = template.platforms.firstIndex(where: { $0.preset == b.platform }) else {
            throw AnswerError("a budget for \(b.platform), which has no followers given")
        }
        template.platforms[i].budgetPerMonth = b.euros
    }

    /// Asks the questions in order; an empty answer (or the end of input) keeps the default shown
    /// in brackets, a wrong one is asked again with what was expected.
    ///
    /// - Parameters:
    ///   - read: the next line of input, nil at its end.
    ///   - write: prints a prompt or a message (no newline added to prompts).
    public static func ask(_ template: inout ScenarioTemplate, read: () -> String?, write: (String) -> Void) {
        func question<T>(_ prompt: String, _ shown: String, _ parse: (String) throws -> T) -> T? {
            while true {
                write("\(prompt) [\(shown)]: ")
                guard let line = read()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return nil }
                do { return try parse(line) } catch { write("  \(error)\n") }
            }
        }
        if let v = question("Name of the institution", template.institution, { $0 }) {
            template.institution = v
            template.name = slug(v)
        }
        if let v = question("Kind (\(ScenarioTemplate.InstitutionType.allCases.map(\.rawValue).joined(separator: ", ")))",
                            template.type.rawValue, { t -> ScenarioTemplate.InstitutionType in
            guard let k = ScenarioTemplate.InstitutionType(rawValue: t) else { throw AnswerError("expected one of the kinds listed") }
            return k
        }) { template.type = v }
        if let v = question("Country (\(CountryProfile.all.map(\.code).joined(separator: ", ")))", template.country, { t -> String in
            guard CountryProfile.named(t) != nil else { throw AnswerError("expected one of the countries listed") }
            return t
        }) { template.country = v }
        if let v = question("People you could plausibly reach (your city and region, visitors)", String(template.audienceSize), { t -> Int in
            guard let n = Int(t), n >= 100, n <= 100_000_000 else { throw AnswerError("expected a whole number, 100 or more") }
            return n
        }) { template.audienceSize = v }
        if let v = question("People in the team who post", String(template.people), { t -> Int in
            guard let n = Int(t), n >= 1, n <= 1_000 else { throw AnswerError("expected a whole number, 1 or more") }
            return n
        }) { template.people = v }
        if let v = question("Hours a week the team spends on social media", ScenarioTemplate.number(template.hoursPerWeek), { t -> Double in
            guard let n = Double(t), n >= 0, n <= 10_000 else { throw AnswerError("expected a number of hours") }
            return n
        }) { template.hoursPerWeek = v }
        let shownFollowers = template.platforms.flatMap { p in
            p.accounts.map { "\(p.preset)\($0.name.map { "/" + $0 } ?? "")=\($0.followers)" }
        }.joined(separator: " ")
        _ = question("Platforms and followers (PLATFORM=FOLLOWERS or PLATFORM/ACCOUNT=FOLLOWERS, space-separated)", shownFollowers) { t in
            var copy = template
            try setFollowers(try t.split(separator: " ").map { try followers(String($0)) }, in: &copy)
            template = copy
        }
        for i in template.platforms.indices {
            for j in template.platforms[i].accounts.indices {
                let a = template.platforms[i].accounts[j]
                let preset = template.platforms[i].preset
                let current = a.postsPerWeek.isEmpty ? ScenarioTemplate.defaultPlan(preset) : a.postsPerWeek
                let shown = current.map { "\($0.format.rawValue):\(ScenarioTemplate.number($0.count))" }.joined(separator: ",")
                if let v = question("Posts per week on \(preset)\(a.name.map { "/" + $0 } ?? "") (FORMAT:N,...)", shown, posts) {
                    template.platforms[i].accounts[j].postsPerWeek = v
                }
            }
        }
        _ = question("Paid boost, euros a month (PLATFORM=EUROS, space-separated; empty for none)", "none") { t in
            var copy = template
            for item in t.split(separator: " ") { try setBudget(try budget(String(item)), in: &copy) }
            template = copy
        }
    }

    /// A file-name-safe id from an institution's name: `Musée d'Orsay` → `musee-d-orsay`.
    public static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for c in folded.unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) { out.unicodeScalars.append(c) }
            else if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "my-institution" : out
    }
}
