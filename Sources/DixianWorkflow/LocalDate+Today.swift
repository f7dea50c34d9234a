import DixianCore
import Foundation

extension LocalDate {
    /// Today in the machine's time zone: the date work is recorded on unless it says otherwise.
    public static var today: LocalDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
