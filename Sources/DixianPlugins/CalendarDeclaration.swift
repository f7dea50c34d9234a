import DixianCore

/// A working-day calendar: weekdays are working days except `holidays`; weekend days in
/// `workdays` (China's 调休) are working days too. It is the one working-day calculator: specs,
/// checks, deadlines and the due list all count with it (scripts through
/// `dixian.date.add_working_days` and `ctx.add_working_days`).
///
/// It knows the years whose dates it lists and no others: a day of another year may be a
/// holiday no one has told it about, so asking about one is an error (`CalendarGap`), never a
/// guess.
public struct CalendarDeclaration: Hashable, Sendable {
    /// Id, title, location.
    public var declaration: Declaration
    /// Days off that fall on weekdays.
    public var holidays: Set<LocalDate>
    /// Weekend days that are worked.
    public var workdays: Set<LocalDate>
    /// The years it lists days of: those it can answer for.
    public let years: Set<Int>

    public init(declaration: Declaration, holidays: Set<LocalDate>, workdays: Set<LocalDate>) {
        self.declaration = declaration
        self.holidays = holidays
        self.workdays = workdays
        years = Set(holidays.map(\.year)).union(workdays.map(\.year))
    }

    /// The plugin file that declares it (`national/calendars/cn.lua`), the one to extend.
    public var file: String {
        let location = declaration.location
        guard let colon = location.lastIndex(of: ":"), location[location.index(after: colon)...].allSatisfy(\.isNumber) else {
            return location
        }
        return String(location[..<colon])
    }

    /// Whether `date` is a working day.
    /// - Throws: `CalendarGap` when the calendar lists no days of `date`'s year.
    public func isWorkingDay(_ date: LocalDate) throws(CalendarGap) -> Bool {
        guard years.contains(date.year) else { throw CalendarGap(calendar: self, year: date.year) }
        if workdays.contains(date) { return true }
        return date.weekday <= 5 && !holidays.contains(date)
    }

    /// The date `count` working days after `date` (a deadline "within N working days").
    /// - Throws: `CalendarGap` when the count reaches a year the calendar lists no days of.
    public func adding(workingDays count: Int, to date: LocalDate) throws(CalendarGap) -> LocalDate {
        var stepped = 0
        return try adding(workingDays: count, to: date, stepped: &stepped)
    }

    /// The same, counting in `stepped` the days stepped through (what a script is charged for
    /// the count), whether or not it succeeds.
    public func adding(workingDays count: Int, to date: LocalDate, stepped: inout Int) throws(CalendarGap) -> LocalDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            stepped += 1
            if try isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The first year it should list and does not, on `today`: this year, and from 1 December
    /// the next (deadlines counted in December run into January, and a country publishes the
    /// next year's holidays before then). Nil when it lists both.
    public func missingYear(on today: LocalDate) -> Int? {
        let needed = today.month == 12 ? [today.year, today.year + 1] : [today.year]
        return needed.first { !years.contains($0) }
    }

    /// What to do, on `today`, when it lacks a year it needs (`missingYear(on:)`); nil otherwise.
    public func reminder(on today: LocalDate) -> PluginMessage? {
        missingYear(on: today).map { year in .calendarRunsOut(calendar: declaration.id, year: year, file: file) }
    }
}

/// A working-day count a calendar cannot make: it lists no days of `year`.
public struct CalendarGap: Error, Hashable, Sendable, CustomStringConvertible {
    /// The calendar's id.
    public let calendar: String
    /// The file that declares it, the one to extend.
    public let file: String
    /// The years it lists.
    public let listed: [Int]
    /// The year asked about.
    public let year: Int

    init(calendar: CalendarDeclaration, year: Int) {
        self.calendar = calendar.declaration.id
        file = calendar.file
        listed = calendar.years.sorted()
        self.year = year
    }

    /// The same words wherever the count was made (a spec, a check, a deadline, the due list).
    public var description: String {
        "calendar '\(calendar)' lists holidays for \(Self.describe(listed)) only; working days in \(year) are not known "
            + "until its holidays and adjusted working days are added to \(file)"
    }

    /// `2024-2026`, `2024, 2026`, or `no year`.
    private static func describe(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "no year" }
        if last - first + 1 == years.count { return first == last ? "\(first)" : "\(first)-\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }
}
