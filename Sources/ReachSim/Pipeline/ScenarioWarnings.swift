import Foundation

/// What a strategist probably did not mean, found before a run:
/// announcement posts that fall in weeks when their account no longer posts, plans that do not
/// fit the team's hours in some weeks, accounts that publish nothing over the whole horizon, and
/// a segment's `uses` of a platform on which nothing is published.
/// A warning does not stop anything: `validate`, `run` and `compare` print it and go on (exit 0).
public struct ScenarioWarning: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line of the key the warning is about (nil when the scenario was built in code).
    public let line: Int?
    public let message: String

    /// `file:line: warning: message`.
    public var description: String {
        positionedMessage(file: file, line: line, column: nil, field: "warning", message: message)
    }
}

public enum ScenarioWarnings {
    /// The warnings of the scenario file at `path` (which must load: see `ScenarioLoader`).
    public static func check(path: String) throws -> [ScenarioWarning] {
        let scenario = try ScenarioLoader.load(path: path)
        return check(scenario, yaml: try? YAMLValue.load(path: path))
    }

    /// - Parameter yaml: the scenario's document, for the lines of its keys (nil: no lines).
    public static func check(_ scenario: Scenario, yaml: YAMLValue?) -> [ScenarioWarning] {
        let file = scenario.sourcePath ?? yaml?.file ?? scenario.name
        let accountIndex = World.accountIndex(of: scenario)
        let schedule = ContentSchedule.weeks(scenario, accountIndex: accountIndex, migrations: World.migrations(of: scenario))
        var names: [String] = []
        for platform in scenario.platforms {
            for account in platform.accounts { names.append("\(platform.name)/\(account.name)") }
        }
        /// The line of the key at `path` in the document.
        func line(_ path: [String]) -> Int? {
            var value = yaml
            for key in path.dropLast() { value = (try? value?.mapping())?.value(key) }
            return path.last.flatMap { (try? value?.mapping())?.entry($0)?.keyLine }
        }
        var warnings: [ScenarioWarning] = []

        // Announcements in weeks when the announcing account no longer posts.
        for event in scenario.timeline {
            guard case .announceMigration(let migration) = event.kind else { continue }
            let start = event.week - 1
            let accounts = migration.source.account.map { [accountIndex[migration.source.platform][$0]] }
                ?? accountIndex[migration.source.platform]
            for a in accounts {
                var lost = 0, total = 0, firstSilent: Int?
                let rate = Double(migration.posts) / Double(migration.weeks)
                for w in start..<min(start + migration.weeks, schedule.count) {
                    let n = ContentSchedule.postsInWeek(w - start, rate: rate)
                    total += n
                    if schedule[w].status[a] != .posting && n > 0 {
                        lost += n
                        firstSilent = firstSilent ?? w
                    }
                }
                guard lost > 0, let silent = firstSilent else { continue }
                warnings.append(ScenarioWarning(file: file, line: event.line > 0 ? event.line : nil, message:
                    "\(lost) of the \(total) announcement posts of \(names[a]) fall in weeks when it no longer posts "
                    + "(from week \(silent + 1)): they are not published; start the announcement earlier, "
                    + "give it fewer weeks, or leave later"))
            }
        }

        // Plans that do not fit the team's hours. Accounts with their own hours (`hours_per_week`)
        // draw on those, not the team's: their drops are told apart, at their own key.
        let own = Set(scenario.platforms.enumerated().flatMap { p, platform in
            platform.accounts.indices.filter { platform.accounts[$0].hoursPerWeek != nil }.map { accountIndex[p][$0] }
        })
        let teamAccounts = names.indices.filter { !own.contains($0) }
        let dropped = schedule.reduce(0) { total, week in total + teamAccounts.reduce(0) { $0 + week.accountDropped[$1] } }
        if dropped > 0 {
            let weeks = schedule.filter { week in teamAccounts.contains { week.accountDropped[$0] > 0 } }.count
            let planned = schedule.reduce(0) { total, week in
                total + teamAccounts.reduce(0) { $0 + week.accountProduced[$1] + week.accountDropped[$1] }
            }
            let byAccount = teamAccounts.map { a in (name: names[a], n: schedule.reduce(0) { $0 + $1.accountDropped[a] }) }
                .filter { $0.n > 0 }.sorted { $0.n > $1.n }
            let needed = schedule.map { week in
                teamAccounts.reduce(0.0) { $0 + week.accountHours[$1] + week.accountHoursDropped[$1] }
            }.max() ?? 0
            let ownNote = own.isEmpty ? "" : " (the team's, besides the accounts with their own hours)"
            let advice = scenario.team.priorities == nil ? "or set team.priorities to choose which accounts keep theirs"
                : "or lower a plan (team.priorities decides which accounts keep theirs)"
            warnings.append(ScenarioWarning(file: file, line: line(["team", "hours_per_week"]) ?? line(["team"]), message:
                "the plans do not fit the team's hours in \(weeks) of \(schedule.count) weeks: "
                + "\(ReachTable.grouped(Double(dropped))) of \(ReachTable.grouped(Double(planned))) "
                + "planned posts are dropped (" + byAccount.map { "\($0.name) \($0.n)" }.joined(separator: ", ")
                + "); every post would need \(Self.hours(needed)) hours in the busiest week\(ownNote), " + advice))
        }
        for (p, platform) in scenario.platforms.enumerated() {
            for (k, account) in platform.accounts.enumerated() {
                let a = accountIndex[p][k]
                guard let hours = account.hoursPerWeek else { continue }
                let lost = schedule.reduce(0) { $0 + $1.accountDropped[a] }
                // An account that makes nothing at all gets the warning below instead.
                guard lost > 0, schedule.contains(where: { $0.accountProduced[a] > 0 }) else { continue }
                let planned = schedule.reduce(0) { $0 + $1.accountProduced[a] + $1.accountDropped[a] }
                let needed = schedule.map { $0.accountHours[a] + $0.accountHoursDropped[a] }.max() ?? 0
                warnings.append(ScenarioWarning(file: file, line: line(["platforms", platform.name, "accounts"]), message:
                    "\(names[a])'s own \(Self.hours(hours)) hours a week cannot make \(lost) of its \(planned) planned posts; "
                    + "its plan needs \(Self.hours(needed)) hours in the busiest week"))
            }
        }

        // `uses` of a platform on which nothing is published: the share changes nothing.
        let silentPlatforms = scenario.platforms.indices.filter { p in
            accountIndex[p].allSatisfy { a in schedule.allSatisfy { $0.accountProduced[a] == 0 } }
        }
        let segmentNodes = (try? (try? yaml?.mapping())?.value("audience")?.mapping())?.value("segments")
        let segmentList = (try? segmentNodes?.list()) ?? []
        for (k, segment) in scenario.audience.segments.enumerated() where k < segmentList.count {
            guard let uses = (try? segmentList[k].mapping())?.value("uses"), let entries = try? uses.mapping() else { continue }
            for p in silentPlatforms {
                let platform = scenario.platforms[p].name
                guard let entry = entries.entry(platform) else { continue }
                warnings.append(ScenarioWarning(file: file, line: entry.keyLine, message:
                    "segment \(segment.name) sets uses.\(platform), but no account publishes on \(platform) in the "
                    + "\(schedule.count) weeks: the share changes nothing (give an account a plan, or remove the platform)"))
            }
        }

        // Accounts that publish nothing.
        for (p, platform) in scenario.platforms.enumerated() {
            for (k, account) in platform.accounts.enumerated() {
                let a = accountIndex[p][k]
                guard schedule.allSatisfy({ $0.accountProduced[a] == 0 }) else { continue }
                let planned = schedule.reduce(0) { $0 + $1.accountDropped[a] }
                let why = planned > 0 ? "all its \(planned) planned posts are dropped for lack of hours"
                    + (account.hoursPerWeek.map { " (its own \(Self.hours($0)) a week)" } ?? "")
                    : schedule.allSatisfy({ $0.status[a] != .posting }) ? "it never posts in the horizon"
                    : "its plan has no post (posts_per_week)"
                let at = platform.accounts.count > 1 ? line(["platforms", platform.name, "accounts"]) : line(["platforms", platform.name])
                warnings.append(ScenarioWarning(file: file, line: at, message:
                    "\(names[a]) publishes nothing in \(schedule.count) weeks: \(why)"
                    + (account.followers > 0 ? " (its \(account.followers) followers still churn)" : "")))
            }
        }
        warnings += outsideWarnings(scenario, file: file, line: line)
        return warnings
    }

    /// Platforms of an open audience whose outside resolves to nobody, unless the file says so
    /// (`audience.outside.users`): their discovery, shares and boosts reach only the catchment,
    /// which a strategist rarely means (the closed pool's saturation, issue 16).
    static func outsideWarnings(_ scenario: Scenario, file: String, line: ([String]) -> Int?) -> [ScenarioWarning] {
        guard let outside = scenario.audience.outside, outside.isOpen else { return [] }
        let country = CountryProfile.named(scenario.audience.country)
        let people = Double(scenario.audience.size) * Double(scenario.audience.scale)
        var warnings: [ScenarioWarning] = []
        for (p, platform) in scenario.platforms.enumerated() where p < outside.users.count && outside.users[p] < 1 {
            if line(["audience", "outside", "users", platform.name]) != nil { continue }
            let at = line(["audience", "outside"]) ?? line(["audience", "size"]) ?? line(["audience"])
            let why: String
            if let preset = platform.preset, let figure = country?.platform(preset) {
                let catchment = people * scenario.audience.segments.reduce(0.0) { $0 + $1.share * $1.platformUse[p] }
                why = "its users in the catchment (\(ReachTable.grouped(catchment))) are at least the \(preset) users of "
                    + "'\(scenario.audience.country)' interested in culture (\(ReachTable.grouped(figure.users)) × culture_share), "
                    + "so discovery, shares and boosts on it reach only the catchment; lower audience.size, or set "
                    + "audience.outside.users.\(platform.name) (or culture_share) if the outside is larger"
            } else {
                why = "the country profile '\(scenario.audience.country)' has no user count for it"
                    + (platform.preset == nil ? " (no preset)" : "")
                    + ", so discovery, shares and boosts on it reach only the catchment; set audience.outside.users.\(platform.name)"
            }
            warnings.append(ScenarioWarning(file: file, line: at, message: "platform \(platform.name) has no outside: " + why))
        }
        return warnings
    }

    private static func hours(_ h: Double) -> String {
        h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
    }
}
