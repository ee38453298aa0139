import Testing
@testable import ReachSim

/// The back-test's scores on a case worked by hand.
@Suite struct BacktestMetricsTests {
    /// Three periods, five replicates each. Quantiles (type 7): with n = 5 sorted values the
    /// quantile p sits at position h = 1 + 4p, interpolated linearly.
    /// - [80, 90, 100, 110, 120]: median (h 3) 100; 10 % (h 1.4) 84; 90 % (h 4.6) 116;
    ///   2.5 % (h 1.1) 81; 97.5 % (h 4.9) 119. Actual 100: inside both ranges.
    /// - [40, 50, 60, 70, 80]: median 60; 80 % range 44-76; 95 % range 41-79. Actual 50: inside.
    /// - [100, 110, 120, 130, 140]: median 120; 104-136; 101-139. Actual 200: outside both.
    /// Errors |median − actual| 0, 10, 80; relative 0, 0.2, 0.4 → MAPE 0.2;
    /// wMAPE 90 / 350 = 0.257142…; bias (0 + 0.2 − 0.4) / 3 = −0.0666…; coverage 2/3 and 2/3.
    /// Naive: training months 90, 120, 150, 180 → mean of the last three = 150; its errors 50, 100,
    /// 50 (MAE 66.67) against the model's 0, 10, 80 (MAE 30) → skill 1 − 30 / 66.67 = 0.55; its
    /// MAPE (0.5 + 2 + 0.25) / 3 = 0.91666….
    static let replicates: [[Double]] = [[120, 80, 100, 90, 110], [40, 50, 60, 70, 80], [140, 100, 130, 110, 120]]
    static let actual: [Double] = [100, 50, 200]

    @Test func bandsAreTheHandQuantiles() {
        let bands = Self.replicates.map(BacktestMetrics.band)
        let expected = [BacktestMetrics.Band(median: 100, low80: 84, high80: 116, low95: 81, high95: 119),
                        BacktestMetrics.Band(median: 60, low80: 44, high80: 76, low95: 41, high95: 79),
                        BacktestMetrics.Band(median: 120, low80: 104, high80: 136, low95: 101, high95: 139)]
        for (b, e) in zip(bands, expected) {
            for (x, y) in [(b.median, e.median), (b.low80, e.low80), (b.high80, e.high80), (b.low95, e.low95),
                           (b.high95, e.high95)] {
                #expect(abs(x - y) < 1e-9, "\(b) vs \(e)")
            }
        }
    }

    @Test func scoresAreTheHandScores() throws {
        let naive = BacktestMetrics.naive(trainingMonths: [90, 120, 150, 180])
        #expect(naive == 150)
        let s = BacktestMetrics.scores(actual: Self.actual, bands: Self.replicates.map(BacktestMetrics.band),
                                       naive: [naive, naive, naive])
        #expect(s.periods == 3)
        #expect(abs(try #require(s.mape) - 0.2) < 1e-12)
        #expect(abs(try #require(s.wmape) - 90.0 / 350.0) < 1e-12)
        #expect(abs(try #require(s.bias) - (-0.2 / 3)) < 1e-12)
        #expect(s.coverage80 == 2.0 / 3.0)
        #expect(s.coverage95 == 2.0 / 3.0)
        #expect(abs(try #require(s.skill) - 0.55) < 1e-12)
        #expect(abs(try #require(s.naiveMAPE) - 2.75 / 3) < 1e-12)
        #expect(s.zeroActuals == 0)
    }

    /// An actual of 0: its relative error is undefined, so the period is left out of MAPE and bias
    /// (and counted in `zeroActuals`) but its absolute error stays in wMAPE's numerator.
    /// Actuals [0, 100], medians 10 and 110: MAPE = 10/100 = 0.1 (second period only); wMAPE =
    /// (10 + 10) / 100 = 0.2; bias 0.1.
    @Test func aZeroActualIsLeftOutOfMAPE() throws {
        let bands = [BacktestMetrics.band([10]), BacktestMetrics.band([110])]
        let s = BacktestMetrics.scores(actual: [0, 100], bands: bands, naive: [nil, nil])
        #expect(abs(try #require(s.mape) - 0.1) < 1e-12)
        #expect(abs(try #require(s.wmape) - 0.2) < 1e-12)
        #expect(abs(try #require(s.bias) - 0.1) < 1e-12)
        #expect(s.zeroActuals == 1)
        #expect(s.skill == nil)  // no naive forecast
        // Only zeros: no MAPE, no wMAPE (nothing to divide by); coverage still counts.
        let zeros = BacktestMetrics.scores(actual: [0, 0], bands: bands, naive: [5, 5])
        #expect(zeros.mape == nil && zeros.wmape == nil && zeros.bias == nil)
        #expect(zeros.coverage80 == 0)
        // A naive forecast that is exact gives no skill (division by 0), not infinity.
        let exact = BacktestMetrics.scores(actual: [10, 110], bands: bands, naive: [10, 110])
        #expect(exact.skill == nil)
    }

    /// With one replicate every range is a point: covered only when the actual equals it.
    @Test func aSingleReplicateCoversOnlyItsValue() {
        let s = BacktestMetrics.scores(actual: [5, 6], bands: [BacktestMetrics.band([5]), BacktestMetrics.band([5])],
                                       naive: [nil, nil])
        #expect(s.coverage80 == 0.5 && s.coverage95 == 0.5)
    }

    /// Per post: 1…10 simulated (h = 1 + 9p), 10…50 observed (h = 1 + 4p): 10 % → 1.9 and 14;
    /// 50 % → 5.5 and 30; 90 % → 9.1 and 46.
    @Test func postQuantilesSideBySide() {
        let q = BacktestMetrics.postQuantiles(simulated: (1...10).map(Double.init), observed: [50, 10, 40, 20, 30])
        #expect(q.map(\.probability) == [0.1, 0.25, 0.5, 0.75, 0.9])
        #expect(abs(q[0].simulated - 1.9) < 1e-12 && abs(q[0].observed - 14) < 1e-12)
        #expect(abs(q[2].simulated - 5.5) < 1e-12 && abs(q[2].observed - 30) < 1e-12)
        #expect(abs(q[4].simulated - 9.1) < 1e-12 && abs(q[4].observed - 46) < 1e-12)
        #expect(BacktestMetrics.postQuantiles(simulated: [], observed: [1]).isEmpty)
    }

    @Test func monthsAreClippedAndTrainingMonthsComplete() {
        let from = ObservedDate(year: 2019, month: 1, day: 15)!, to = ObservedDate(year: 2019, month: 3, day: 10)!
        let months = BacktestPeriod.months(from: from, to: to, weekStart: from)
        #expect(months.map(\.label) == ["2019-01", "2019-02", "2019-03"])
        #expect(months[0].start == from && months[0].end == ObservedDate(year: 2019, month: 1, day: 31)!)
        #expect(months[2].end == to && months[2].days == 10)
        #expect(months[1].lastWeek == (ObservedDate(year: 2019, month: 2, day: 28)!.daysSinceEpoch - from.daysSinceEpoch) / 7)
        let full = BacktestPeriod.trainingMonths(endingOn: ObservedDate(year: 2018, month: 12, day: 31)!)
        #expect(full.map { $0.start.description } == ["2018-10-01", "2018-11-01", "2018-12-01"])
        let partial = BacktestPeriod.trainingMonths(endingOn: ObservedDate(year: 2019, month: 1, day: 15)!)
        #expect(partial.map { $0.start.description } == ["2018-10-01", "2018-11-01", "2018-12-01"])
    }
}
