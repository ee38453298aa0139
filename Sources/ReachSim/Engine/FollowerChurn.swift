/// End of a week: each follower of an open account leaves with the platform's churn probability
/// per week, scaled by the account's cadence (`CadenceEffects.churn`, the platform's over-posting): one binomial draw per
/// exposure class, then uniform removals, from the account's own stream.
struct FollowerChurn {
    let world: World

    func apply(_ plan: WeekPlan, accounts: AccountTimeline, streams: [RandomStream], tallies: WeeklyTallies) {
        for (a, account) in world.accounts.enumerated() where accounts.status[a].isOpen {
            let rng = streams[a]
            let platform = world.scenario.platforms[account.platform]
            let q = min(1, platform.churnPerWeek * CadenceEffects.churn(cadence: plan.cadence[a], feedCadence: plan.feedCadence(a),
                                                                     overposting: platform.overposting))
            if q <= 0 { continue }
            let set = accounts.followers[a]
            for c in 0..<set.classCount {
                let n = set.count[c]
                let k = rng.binomial(n, q)
                if k == 0 { continue }
                tallies.followersLost(Double(k), account: a, platform: account.platform, segment: c / ActivityLevels.count)
                for _ in 0..<k { set.remove(cls: c, at: rng.below(set.count[c])) }
            }
        }
    }
}
