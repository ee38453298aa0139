/// End of a week: each follower of an open account leaves with the platform's churn probability
/// per week, scaled by the account's cadence (`CadenceEffects.churn`, the platform's over-posting):
/// one binomial draw per exposure class, then uniform removals, from the account's own stream.
/// Followers from outside the catchment leave at the same rate (`OutsideAudience.churn`), after
/// the catchment's.
struct FollowerChurn {
    let world: World

    /// The probability that a follower of account `a` leaves this week.
    func probability(_ a: Int, _ plan: WeekPlan) -> Double {
        let platform = world.scenario.platforms[world.accounts[a].platform]
        return min(1, platform.churnPerWeek * CadenceEffects.churn(cadence: plan.cadence[a], feedCadence: plan.feedCadence(a),
                                                                  overposting: platform.overposting))
    }

    func apply(_ plan: WeekPlan, accounts: AccountTimeline, streams: [RandomStream], tallies: WeeklyTallies,
               outside: OutsideAudience?) {
        for (a, account) in world.accounts.enumerated() where accounts.status[a].isOpen {
            let rng = streams[a]
            let q = probability(a, plan)
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
        outside?.churn({ probability($0, plan) }, isOpen: { accounts.status[$0].isOpen }, streams: streams, tallies: tallies)
    }
}
