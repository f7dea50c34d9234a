import DixianCore
import Foundation

extension LocalDate {
    /// Today in Beijing (UTC+8, China Standard Time, which keeps no daylight saving time),
    /// whatever the machine's time zone: the date work is recorded on unless it says otherwise,
    /// and the date the server screens on. A server kept on UTC would otherwise record the
    /// work of 00:00–08:00 Beijing time on the day before.
    public static var today: LocalDate { beijingDate(of: Date()) }

    /// The Beijing date of `instant`.
    public static func beijingDate(of instant: Date) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
