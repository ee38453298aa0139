/// Global sensitivity analysis of a model y = f(x), x in the unit cube [0, 1)^d: the designs to
/// evaluate it at and the indices from its outputs. Pure math: `SensitivityPipeline` maps the
/// points to parameter values and runs the simulator; the tests run it on functions whose indices
/// are known (Ishigami, a linear model).
public enum SensitivityIndices {
    // MARK: Morris

    /// Morris's elementary-effects design: `trajectories` one-at-a-time trajectories of d + 1
    /// points on a grid of `levels` (even) levels, each step moving one coordinate by
    /// Δ = levels / (2 (levels − 1)), in a random order and direction (Morris 1991; Saltelli et al.
    /// 2008, ch. 3). Rows: trajectory t occupies rows t(d+1) ..< (t+1)(d+1).
    public static func morrisDesign(trajectories r: Int, dimensions d: Int, levels p: Int = 4, rng: RandomStream) -> [[Double]] {
        precondition(r >= 1 && d >= 1 && p >= 2 && p % 2 == 0)
        let delta = Double(p) / (2 * Double(p - 1))
        let grid = Double(p - 1)
        var rows: [[Double]] = []
        for _ in 0..<r {
            // A base point whose every coordinate can move by +Δ (levels 0 ... p/2 − 1).
            var x = (0..<d).map { _ in Double(rng.below(p / 2)) / grid }
            var order = Array(0..<d)
            for i in stride(from: d - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
            // Start at the top of the step in a random half of the coordinates: the steps go down there.
            let down = (0..<d).map { _ in rng.uniform() < 0.5 }
            for j in 0..<d where down[j] { x[j] += delta }
            rows.append(x)
            for j in order {
                x[j] += down[j] ? -delta : delta
                rows.append(x)
            }
        }
        return rows
    }

    /// Per input: μ* (mean absolute elementary effect: overall influence), μ (mean: its sign) and
    /// σ (standard deviation: interactions or non-linearity), from the outputs of `morrisDesign`'s
    /// rows in order. Effects are per unit of the input's [0, 1] scale.
    public static func morris(design: [[Double]], outputs y: [Double], dimensions d: Int)
        -> [(muStar: Double, mu: Double, sigma: Double)] {
        precondition(design.count == y.count && design.count % (d + 1) == 0)
        let r = design.count / (d + 1)
        var effects = [[Double]](repeating: [], count: d)
        for t in 0..<r {
            let first = t * (d + 1)
            for k in 0..<d {
                let a = design[first + k], b = design[first + k + 1]
                guard let j = (0..<d).first(where: { a[$0] != b[$0] }) else { continue }
                effects[j].append((y[first + k + 1] - y[first + k]) / (b[j] - a[j]))
            }
        }
        return effects.map { e in
            let n = Double(max(1, e.count))
            let mu = e.reduce(0, +) / n
            let variance = e.count > 1 ? e.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / (n - 1) : 0
            return (e.reduce(0) { $0 + abs($1) } / n, mu, variance.squareRoot())
        }
    }

    // MARK: Sobol

    /// Saltelli's design for N base rows: matrices A and B (independent Latin hypercubes, N × d)
    /// and, per input i, AB_i (A with column i from B). Rows: A, B, then AB_1 ... AB_d, N each:
    /// N (d + 2) model runs.
    public static func saltelliDesign(samples n: Int, dimensions d: Int, rng: RandomStream) -> [[Double]] {
        let a = ParameterDesign.latinHypercube(points: n, dimensions: d, rng: rng)
        let b = ParameterDesign.latinHypercube(points: n, dimensions: d, rng: rng)
        var rows = a + b
        for i in 0..<d {
            for k in 0..<n {
                var row = a[k]
                row[i] = b[k][i]
                rows.append(row)
            }
        }
        return rows
    }

    /// First-order and total Sobol indices of each input with 90% bootstrap intervals, from the
    /// outputs of `saltelliDesign`'s rows in order. First order: Saltelli et al. (2010),
    /// S_i = mean(f_B (f_ABi − f_A)) / V; total: Jansen (1999), S_Ti = mean((f_A − f_ABi)²) / (2V),
    /// V the variance of f over A and B together. The bootstrap resamples the N base rows
    /// (`resamples` times) and recomputes both; its 5% and 95% quantiles are the interval.
    public static func sobol(outputs y: [Double], samples n: Int, dimensions d: Int, resamples: Int = 500, rng: RandomStream)
        -> [(first: Double, firstLow: Double, firstHigh: Double, total: Double, totalLow: Double, totalHigh: Double)] {
        precondition(y.count == n * (d + 2))
        let fa = Array(y[0..<n]), fb = Array(y[n..<(2 * n)])
        func indices(_ rows: [Int]) -> [(Double, Double)] {
            let m = Double(rows.count)
            var mean = 0.0
            for k in rows { mean += fa[k] + fb[k] }
            mean /= 2 * m
            var v = 0.0
            for k in rows { v += (fa[k] - mean) * (fa[k] - mean) + (fb[k] - mean) * (fb[k] - mean) }
            v /= 2 * m - 1
            guard v > 0 else { return [(Double, Double)](repeating: (0, 0), count: d) }
            return (0..<d).map { i in
                let base = (2 + i) * n
                var first = 0.0, total = 0.0
                for k in rows {
                    let fab = y[base + k]
                    first += fb[k] * (fab - fa[k])
                    total += (fa[k] - fab) * (fa[k] - fab)
                }
                return (first / m / v, total / (2 * m) / v)
            }
        }
        let point = indices(Array(0..<n))
        var firsts = [[Double]](repeating: [], count: d), totals = firsts
        for _ in 0..<resamples {
            let rows = (0..<n).map { _ in rng.below(n) }
            for (i, s) in indices(rows).enumerated() {
                firsts[i].append(s.0)
                totals[i].append(s.1)
            }
        }
        return (0..<d).map { i in
            let f = resamples > 1 ? Statistics.quantiles(firsts[i], at: [0.05, 0.95]) : [point[i].0, point[i].0]
            let t = resamples > 1 ? Statistics.quantiles(totals[i], at: [0.05, 0.95]) : [point[i].1, point[i].1]
            return (point[i].0, f[0], f[1], point[i].1, t[0], t[1])
        }
    }
}
