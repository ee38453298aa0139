#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Random follower graphs over the agents who use a platform.
///
/// Every generator takes the same frame:
/// - `nodes`: ids of the agents who use the platform, distinct, each below `totalAgents`
///   (distinctness is checked in debug builds only). Other agents get no edges.
/// - `totalAgents`: the graph's `nodeCount`, so that agent ids index it directly.
/// - `segment`: the segment of every agent, indexed by agent id (`count == totalAgents`).
/// - `homophily` (0...1): probability that an edge's second endpoint is drawn from the first
///   endpoint's segment rather than from all users. At 1 no edge crosses segments; at 0 segments
///   are ignored, so an edge lands in a segment in proportion to that segment's share of the
///   drawing weight (its share of users, in expectation over the random order).
/// - `rng`: the stream all draws come from; the same stream state gives the same graph.
///
/// Arguments are checked with `precondition` as programmer errors; a scenario's values are
/// validated, with messages for people, when it is loaded.
public enum GraphGenerators {
    /// Barabási–Albert growth: users join in a random order and each follows `m` distinct earlier
    /// users, chosen with probability ∝ (followers + 1).
    ///
    /// The +1 lets users without followers be found, as in Price's model; follower counts then
    /// follow a power law with exponent γ = 2 + 1/m without reciprocity (Dorogovtsev, Mendes &
    /// Samukhin, 2000): 2.25 at m = 4, 2.1 at m = 10; Kwak et al. (2010) measured about 2.3 for
    /// Twitter's followers.
    ///
    /// A follow of v by u is stored in information-flow direction, v → u. With probability
    /// `reciprocity` the followed user follows back (u → v). Without reciprocity, the user in
    /// position t of the order follows exactly min(m, t) users, so there are Σ_t min(m, t) ≈ n·m
    /// edges and never a duplicate.
    ///
    /// Each of the m draws is from the newcomer's segment with probability `homophily`, else from
    /// all earlier users. A same-segment draw that finds no earlier unchosen user of that segment
    /// is skipped, so the first users of a segment may follow fewer than m (at homophily 1 the
    /// first user of each segment follows no one); no draw ever leaves the segment it chose.
    ///
    /// Preferential draws are O(1) with the repeated-endpoints list: one list per segment holding
    /// each user once plus once per follower gained. A draw from all users picks a segment ∝ its
    /// list length, then an entry, so no global copy is kept (half the memory, O(segments) time).
    /// Memory about 12 bytes per edge and 4 per agent besides the graph.
    ///
    /// - Parameters:
    ///   - m: follows per newcomer, ≥ 0.
    ///   - reciprocity: probability (0...1) that a follow is returned.
    public static func preferentialAttachment(
        nodes: [UInt32], totalAgents: Int, segment: [UInt8],
        edgesPerNode m: Int, reciprocity: Double, homophily: Double, rng: RandomStream
    ) -> FollowerGraph {
        checkFrame(nodes: nodes, totalAgents: totalAgents, segment: segment, homophily: homophily)
        precondition(m >= 0, "edgesPerNode \(m) is negative")
        precondition((0...1).contains(reciprocity), "reciprocity \(reciprocity) outside 0...1")

        let order = shuffled(nodes, rng)
        let segmentCount = segmentCount(of: nodes, segment: segment)
        var usersInSegment = [Int](repeating: 0, count: segmentCount)
        for u in nodes { usersInSegment[Int(segment[Int(u)])] += 1 }

        let follows = order.count * m
        let expectedEdges = follows + Int(Double(follows) * reciprocity * 1.05) + 16
        var pools = usersInSegment.map { users -> [UInt32] in
            var pool = [UInt32]()
            pool.reserveCapacity(users + Int(Double(users) / Double(max(order.count, 1))
                                              * Double(expectedEdges)))
            return pool
        }
        var poolTotal = 0
        var joined = [Int](repeating: 0, count: segmentCount)

        var sources = [UInt32](), targets = [UInt32]()
        sources.reserveCapacity(expectedEdges)
        targets.reserveCapacity(expectedEdges)
        var chosen = [UInt32]()
        chosen.reserveCapacity(m)
        // chosenBy[v] == t: v already chosen by the newcomer in position t (O(1) for any m).
        var chosenBy = [UInt32](repeating: .max, count: totalAgents)

        for (t, u) in order.enumerated() {
            let own = Int(segment[Int(u)])
            chosen.removeAll(keepingCapacity: true)
            let stamp = UInt32(t)
            var chosenInOwn = 0
            for _ in 0..<min(m, t) {
                if homophily > 0 && (homophily >= 1 || rng.uniform() < homophily) {
                    if chosenInOwn == joined[own] { continue }
                    var v: UInt32
                    repeat {
                        v = pools[own][rng.below(pools[own].count)]
                    } while chosenBy[Int(v)] == stamp
                    chosenBy[Int(v)] = stamp
                    chosen.append(v)
                    chosenInOwn += 1
                } else {
                    // Fewer than t users chosen so far, so an unchosen earlier user exists.
                    var v: UInt32
                    repeat {
                        var r = rng.below(poolTotal)
                        var s = 0
                        while r >= pools[s].count { r -= pools[s].count; s += 1 }
                        v = pools[s][r]
                    } while chosenBy[Int(v)] == stamp
                    chosenBy[Int(v)] = stamp
                    chosen.append(v)
                    if Int(segment[Int(v)]) == own { chosenInOwn += 1 }
                }
            }
            // The pools change only after the newcomer's draws, as in the model's definition.
            for v in chosen {
                sources.append(v); targets.append(u)
                pools[Int(segment[Int(v)])].append(v)
                poolTotal += 1
                if rng.uniform() < reciprocity {
                    sources.append(u); targets.append(v)
                    pools[own].append(u)
                    poolTotal += 1
                }
            }
            pools[own].append(u)
            poolTotal += 1
            joined[own] += 1
        }
        pools = []  // freed before the CSR build, which needs as much again
        return FollowerGraph(nodeCount: totalAgents, sources: sources, targets: targets)
    }

    /// Directed Chung–Lu graph with power-law expected degrees, drawn edge by edge (the fast
    /// Chung–Lu of Pinar, Seshadhri & Kolda, 2012).
    ///
    /// Users get expected degrees w from `chungLuWeights` in a random order. Each user u sends
    /// Poisson(w_u) edges, so Poisson(W) in all with sources ∝ w, W = Σ w = n · meanDegree; each
    /// target is drawn ∝ w among the source's segment with probability `homophily`, else among
    /// all users. At homophily 0 the multiplicity of each ordered pair is then an independent
    /// Poisson(w_u · w_v / W), so u → v exists with probability 1 - exp(-w_u · w_v / W) once
    /// duplicates and self-loops are dropped (which loses a few edges, most between the heaviest
    /// users). In and out degrees share the weight, so a popular account also follows many, more
    /// than on Twitter; and few follows are mutual (about 3 % at mean degree 8, against 22 % on
    /// Twitter in Kwak et al., 2010).
    ///
    /// Targets are drawn with `AliasTable` (Vose) on `rng` rather than GSL's `gsl_ran_discrete`:
    /// the draws stay inline and cost one cache miss instead of up to three (see `AliasTable`).
    /// Sources need no draw. About 1 s per 10 million edges at homophily 0, 2 s above (release
    /// build, a million users); memory 24 bytes per user and 8 per edge besides the graph.
    ///
    /// - Parameters:
    ///   - meanDegree: expected follow edges per user before the drop, each edge counted once:
    ///     the mean out-degree, equal to the mean in-degree. > 0, and below the user count.
    ///   - exponent: power-law exponent γ of the degree distribution, P(k) ∝ k^-γ; > 1, useful
    ///     in 2.1...3.5 (Kwak et al., 2010, measured about 2.3 for Twitter's followers).
    ///   - maxDegree: cap on expected degrees, ≥ meanDegree. Defaults to sqrt(W), the largest cap
    ///     that keeps every w_u · w_v / W ≤ 1, Chung–Lu's regime.
    public static func chungLu(
        nodes: [UInt32], totalAgents: Int, segment: [UInt8],
        meanDegree: Double, exponent: Double, maxDegree: Int? = nil,
        homophily: Double, rng: RandomStream
    ) -> FollowerGraph {
        checkFrame(nodes: nodes, totalAgents: totalAgents, segment: segment, homophily: homophily)
        let n = nodes.count
        if n < 2 { return FollowerGraph(nodeCount: totalAgents, sources: [], targets: []) }

        let weights = chungLuWeights(count: n, meanDegree: meanDegree, exponent: exponent,
                                     maxDegree: maxDegree)
        let users = shuffled(nodes, rng)  // users[i] gets weights[i]
        let all = AliasTable(weights: weights, values: users)

        // Per segment, a table over its users' weights (not needed, so not built, at homophily 0).
        var segmentTables = [AliasTable?]()
        if homophily > 0 {
            let segmentCount = segmentCount(of: nodes, segment: segment)
            var members = [[UInt32]](repeating: [], count: segmentCount)
            var memberWeights = [[Double]](repeating: [], count: segmentCount)
            for i in 0..<n {
                let s = Int(segment[Int(users[i])])
                members[s].append(users[i])
                memberWeights[s].append(weights[i])
            }
            segmentTables = (0..<segmentCount).map { s in
                members[s].isEmpty ? nil : AliasTable(weights: memberWeights[s], values: members[s])
            }
        }

        let total = weights.reduce(0, +)
        let expectedEdges = Int(total + 4 * total.squareRoot()) + 16
        var sources = [UInt32](), targets = [UInt32]()
        sources.reserveCapacity(expectedEdges)
        targets.reserveCapacity(expectedEdges)
        for i in 0..<n {
            let u = users[i]
            let k = rng.poisson(weights[i])
            if k == 0 { continue }
            // The source's own segment has a table: the source is in it.
            let own = homophily > 0 ? segmentTables[Int(segment[Int(u)])] : nil
            for _ in 0..<k {
                let v: UInt32
                if let own, homophily >= 1 || rng.uniform() < homophily {
                    v = own.draw(rng)
                } else {
                    v = all.draw(rng)
                }
                sources.append(u)
                targets.append(v)
            }
        }
        return FollowerGraph(nodeCount: totalAgents, sources: sources, targets: targets)
    }

    /// Expected degrees of Chung–Lu's users, largest first: w_i ∝ (i + 1)^(-1/(γ-1)), the
    /// quantiles of a power law with exponent γ, capped at `maxDegree` and scaled so that the
    /// capped weights sum to exactly `count · meanDegree` (the cut-off mass is spread over the
    /// uncapped users rather than lost).
    static func chungLuWeights(
        count n: Int, meanDegree: Double, exponent: Double, maxDegree: Int?
    ) -> [Double] {
        precondition(n > 0, "Chung–Lu weights for \(n) users")
        precondition(meanDegree > 0 && meanDegree.isFinite, "meanDegree \(meanDegree) not > 0")
        precondition(exponent > 1 && exponent.isFinite, "exponent \(exponent) not > 1")
        let total = Double(n) * meanDegree
        let cap = maxDegree.map(Double.init) ?? max(total.squareRoot(), meanDegree)
        precondition(cap >= meanDegree, "maxDegree \(cap) below meanDegree \(meanDegree)")

        let power = -1 / (exponent - 1)
        var raw = (0..<n).map { pow(Double($0 + 1), power) }
        // The k largest are capped; the rest scaled by c so that k·cap + c·Σ_{i≥k} raw_i = total.
        var rest = raw.reduce(0, +)
        var k = 0
        var c = total / rest
        while k < n && c * raw[k] > cap {
            rest -= raw[k]
            k += 1
            c = rest > 0 ? (total - Double(k) * cap) / rest : 0
        }
        for i in 0..<n { raw[i] = i < k ? cap : c * raw[i] }
        return raw
    }

    // MARK: - Shared steps

    private static func checkFrame(
        nodes: [UInt32], totalAgents: Int, segment: [UInt8], homophily: Double
    ) {
        precondition(totalAgents >= 0 && totalAgents < Int(UInt32.max),
                     "totalAgents \(totalAgents)")
        precondition(segment.count == totalAgents,
                     "segment has \(segment.count) entries for \(totalAgents) agents")
        precondition((0...1).contains(homophily), "homophily \(homophily) outside 0...1")
        for u in nodes { precondition(Int(u) < totalAgents, "node \(u) ≥ totalAgents") }
        assert({
            var seen = [Bool](repeating: false, count: totalAgents)
            for u in nodes {
                if seen[Int(u)] { return false }
                seen[Int(u)] = true
            }
            return true
        }(), "nodes repeat an agent")
    }

    private static func segmentCount(of nodes: [UInt32], segment: [UInt8]) -> Int {
        var top = 0
        for u in nodes { top = max(top, Int(segment[Int(u)])) }
        return nodes.isEmpty ? 0 : top + 1
    }

    /// A uniformly random permutation (Fisher–Yates on `rng`).
    private static func shuffled(_ nodes: [UInt32], _ rng: RandomStream) -> [UInt32] {
        var order = nodes
        var i = order.count - 1
        while i > 0 {
            order.swapAt(i, rng.below(i + 1))
            i -= 1
        }
        return order
    }
}
