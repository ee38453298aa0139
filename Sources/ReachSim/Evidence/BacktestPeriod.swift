/// One period of a back-test: a simulated week or a calendar month, as local days.
public struct BacktestPeriod: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case month, week
    }

    public var kind: Kind
    /// `2019-01` for a month, `w1`, `w2`, … (simulated weeks from 1) for a week.
    public var label: String
    /// First and last local day, inclusive (clipped to the simulated period).
    public var start: ObservedDate
    public var end: ObservedDate
    /// Simulated weeks (from 0) the period's last day falls in.
    public var lastWeek: Int

    public init(kind: Kind, label: String, start: ObservedDate, end: ObservedDate, lastWeek: Int) {
        self.kind = kind
        self.label = label
        self.start = start
        self.end = end
        self.lastWeek = lastWeek
    }

    /// Days in the period.
    public var days: Int { end.daysSinceEpoch - start.daysSinceEpoch + 1 }

    public func contains(_ day: ObservedDate) -> Bool { start <= day && day <= end }

    /// The calendar months that meet `first...last`, each clipped to it; `weekStart` is week 0's first day.
    public static func months(from first: ObservedDate, to last: ObservedDate, weekStart: ObservedDate) -> [BacktestPeriod] {
        var periods: [BacktestPeriod] = []
        var year = first.year, month = first.month
        while true {
            let monthStart = ObservedDate(year: year, month: month, day: 1)!
            guard monthStart <= last else { break }
            let monthEnd = ObservedDate(year: year, month: month, day: ObservedDate.daysIn(month: month, year: year))!
            let start = max(monthStart, first), end = min(monthEnd, last)
            periods.append(BacktestPeriod(kind: .month, label: monthLabel(year, month), start: start, end: end,
                                          lastWeek: (end.daysSinceEpoch - weekStart.daysSinceEpoch) / 7))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return periods
    }

    /// Simulated week `week` (from 0) of a schedule starting on `weekStart`, clipped to `last`.
    public static func week(_ week: Int, weekStart: ObservedDate, last: ObservedDate) -> BacktestPeriod {
        let start = ObservedDate(daysSinceEpoch: weekStart.daysSinceEpoch + 7 * week)
        let end = min(ObservedDate(daysSinceEpoch: start.daysSinceEpoch + 6), last)
        return BacktestPeriod(kind: .week, label: "w\(week + 1)", start: start, end: end, lastWeek: week)
    }

    /// The three calendar months before `day`'s month when `day` is its month's last day, else
    /// the three before the month that contains `day` (complete months on or before `day`), oldest first.
    public static func trainingMonths(endingOn day: ObservedDate) -> [(start: ObservedDate, end: ObservedDate)] {
        var year = day.year, month = day.month
        if day.day != ObservedDate.daysIn(month: month, year: year) {
            month -= 1
            if month == 0 { month = 12; year -= 1 }
        }
        var result: [(start: ObservedDate, end: ObservedDate)] = []
        for _ in 0..<3 {
            result.insert((start: ObservedDate(year: year, month: month, day: 1)!,
                           end: ObservedDate(year: year, month: month, day: ObservedDate.daysIn(month: month, year: year))!),
                          at: 0)
            month -= 1
            if month == 0 { month = 12; year -= 1 }
        }
        return result
    }

    static func monthLabel(_ year: Int, _ month: Int) -> String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }
}
