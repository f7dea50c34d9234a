import DixianCore
import Foundation

/// Today, in the server's time zone.
enum Clock {
    static var today: LocalDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
