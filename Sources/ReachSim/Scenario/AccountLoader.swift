/// Decoding of `platforms.<name>.accounts` and `team.priorities` (see `AccountSpec`,
/// docs/scenario-format.md).
extension ScenarioLoader {
    static let accountKeys = ["name", "followers", "plan", "tone", "hours_share", "hours_per_week", "overlap", "amplifies",
                              "starter_pack"]

    static func decodeAccounts(_ node: YAMLValue) throws -> [AccountSpec] {
        let items = try node.list()
        guard items.count <= 64 else { throw node.error("at most 64 accounts per platform, found \(items.count)") }
        var accounts: [AccountSpec] = []
        var names: [String] = []
        // Pairs are resolved once every name is known: an account may amplify a later one.
        var pending: [(account: Int, node: YAMLValue)] = []
        for item in items {
            let m = try item.mapping(allowedKeys: accountKeys)
            let nameNode = try m.require("name")
            let name = try nameNode.string()
            try checkIdentifier(name, at: nameNode)
            if let first = names.firstIndex(of: name) {
                throw nameNode.error("duplicate account name '\(name)' (account \(first + 1) of this platform)")
            }
            var account = AccountSpec(name: name, followers: try m.require("followers").int(in: 0...2_000_000_000),
                                      plan: try decodePlan(m.require("plan")))
            if let t = m.value("tone") {
                let tm = try t.mapping(allowedKeys: ["like", "comment", "share"])
                func multiplier(_ key: String) throws -> Double {
                    try tm.value(key)?.double(in: 0...10, unit: "multiplier") ?? 1
                }
                account.tone = AccountTone(like: try multiplier("like"), comment: try multiplier("comment"),
                                           share: try multiplier("share"))
            }
            account.hoursShare = try m.value("hours_share")?.double(in: 0...1, unit: "share of the team's hours") ?? 1
            if let h = m.value("hours_per_week") {
                if let share = m.value("hours_share") {
                    throw share.error("an account with its own hours_per_week does not share the team's hours: "
                                         + "give hours_share or hours_per_week, not both")
                }
                account.hoursPerWeek = try h.double(in: 0...168, unit: "hours per week")
            }
            account.starterPack = try m.value("starter_pack")?.bool() ?? false
            if let o = m.value("overlap") {
                var total = 0.0
                for entry in try o.mapping().entries {
                    guard let j = names.firstIndex(of: entry.key) else {
                        throw entry.keyError(YAMLValue.unknown("earlier account", entry.key, allowed: names,
                                                               listPrefix: "accounts listed before '\(name)': ")
                            + " (an account overlaps with accounts listed before it)")
                    }
                    let share = try entry.value.double(in: 0...1, unit: "share of this account's followers")
                    total += share
                    account.overlap.append((account: j, share: share))
                }
                if total > 1 + 1e-9 { throw o.error("overlap shares sum to \(total); at most 1") }
            }
            if let a = m.value("amplifies") { pending.append((account: accounts.count, node: a)) }
            accounts.append(account)
            names.append(name)
        }
        for (a, node) in pending {
            for entry in try node.mapping().entries {
                guard let j = names.firstIndex(of: entry.key), j != a else {
                    let others = names.enumerated().filter { $0.offset != a }.map(\.element)
                    throw entry.keyError(YAMLValue.unknown("account", entry.key, allowed: others,
                                                           listPrefix: "other accounts of this platform: "))
                }
                accounts[a].amplifies.append(
                    (account: j, probability: try entry.value.double(in: 0...1, unit: "probability per post")))
            }
        }
        return accounts
    }

    /// `team.priorities`: platform names (all of their accounts, in order) or `platform/account`.
    static func decodePriorities(_ node: YAMLValue, platforms: [PlatformSpec]) throws -> [(platform: Int, account: Int)] {
        var order: [(platform: Int, account: Int)] = []
        for item in try node.list() {
            let ref = try accountRef(item, platforms: platforms)
            let accounts = ref.account.map { [$0] } ?? Array(platforms[ref.platform].accounts.indices)
            for a in accounts {
                if order.contains(where: { $0.platform == ref.platform && $0.account == a }) {
                    throw item.error("\(platforms[ref.platform].name)/\(platforms[ref.platform].accounts[a].name) " +
                                     "is listed twice")
                }
                order.append((platform: ref.platform, account: a))
            }
        }
        // Accounts not listed come after, in the file's order.
        for (p, platform) in platforms.enumerated() {
            for a in platform.accounts.indices where !order.contains(where: { $0.platform == p && $0.account == a }) {
                order.append((platform: p, account: a))
            }
        }
        return order
    }

    /// `platform` or `platform/account`.
    static func accountRef(_ node: YAMLValue, platforms: [PlatformSpec]) throws -> TimelineEvent.AccountRef {
        let text = try node.string()
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        let names = platforms.map(\.name)
        guard let p = names.firstIndex(of: parts[0]) else {
            throw node.error(YAMLValue.unknown("platform", parts[0], allowed: names, listPrefix: "platforms: "))
        }
        guard parts.count == 2 else { return TimelineEvent.AccountRef(platform: p) }
        let accounts = platforms[p].accounts.map(\.name)
        guard let a = accounts.firstIndex(of: parts[1]) else {
            throw node.error(YAMLValue.unknown("account", parts[1], allowed: accounts,
                                               listPrefix: "accounts of \(parts[0]): "))
        }
        return TimelineEvent.AccountRef(platform: p, account: a)
    }
}
