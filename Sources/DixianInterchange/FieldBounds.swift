import DixianCore
import Foundation

/// The bounds an import holds every field to, beyond its type: text no longer than its column
/// allows and without control characters or undecodable bytes, dates in a plausible range,
/// amounts below ten billion yuan, birth dates not in the future. docs/data-format.md lists
/// them. Reading records back from a store (`RecordCodec`) applies none of them: what was
/// imported under other bounds still reads. The server holds the text of every request to the
/// same bounds (`textProblem(_:column:)`).
package struct FieldBounds: Sendable {
    /// The day the import runs, from which the latest plausible dates are counted.
    let today: LocalDate

    /// Bounds for an import running today.
    static func now() -> FieldBounds {
        var time = time_t(Foundation.time(nil)), parts = tm()
        localtime_r(&time, &parts)
        let today = LocalDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        return FieldBounds(today: today ?? LocalDate(iso: "2026-01-01")!)
    }

    /// The earliest date of an event the registry records: 2013-01-01, the year targeted
    /// poverty alleviation (精准扶贫) began and the first households were registered
    /// (建档立卡, 2014). Monitoring (2020) and everything after is later still.
    static let earliestEvent = LocalDate(year: 2013, month: 1, day: 1)!

    /// Columns that hold a deadline, which may lie years ahead.
    static let deadlineColumns: Set<String> = ["due_on", "deadline"]

    /// The latest date `column` may hold: a year after today for what has happened or is
    /// about to (a record typed ahead, a clock or time zone off), ten years for a deadline.
    func latestDate(_ column: String) -> LocalDate {
        today.adding(days: Self.deadlineColumns.contains(column) ? 3653 : 366)
    }

    /// Columns of free text, which may run to `longTextLimit` characters and several lines.
    static let longTextColumns: Set<String> = ["notes", "description", "measure", "fix", "reason", "reasons", "result", "purpose"]
    /// The most characters a free-text field holds.
    package static let longTextLimit = 2000
    /// The most characters any other field holds (a name, an actor, a unit, a code).
    static let shortTextLimit = 100

    /// The most yuan an amount may be: 9,999,999,999.99 (ten digits before the point), so that
    /// sums over a county's records stay far inside what a 64-bit count of fen holds.
    static let largestAmount = Money(fen: 999_999_999_999)

    /// The first field of `fields` that breaks the text bounds, as the error of its column.
    func textProblem(_ fields: [String], positions: [String: Int]) -> FieldError? {
        for (column, position) in positions where position < fields.count {
            if let reason = Self.textProblem(fields[position], column: column) { return FieldError(column: column, reason: reason) }
        }
        return nil
    }

    /// What is wrong with `text` as a field of `column`, if anything.
    package static func textProblem(_ text: String, column: String) -> String? {
        let long = longTextColumns.contains(column)
        let limit = long ? longTextLimit : shortTextLimit
        // Bytes first (this runs for every field of an import); characters only for a problem.
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            defer { (beforePrevious, previous) = (previous, byte) }
            let control = byte < 0x20 ? !(long && (byte == 0x09 || byte == 0x0A || byte == 0x0D))
                : byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte))  // C1: U+0080 to U+009F
            if control { return controlProblem(text, long: long) }
            if beforePrevious == 0xEF && previous == 0xBF && byte == 0xBD {  // U+FFFD, what undecodable bytes became
                return "is not valid UTF-8 text (save the file as UTF-8, not GBK or another encoding)"
            }
        }
        guard text.utf8.count > limit else { return nil }
        let count = text.count
        return count > limit ? "has \(count) characters, more than the \(limit) this column holds" : nil
    }

    /// The problem of a text known to hold a control character it may not.
    private static func controlProblem(_ text: String, long: Bool) -> String {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let value = scalar.value
            if long && (value == 0x09 || value == 0x0A || value == 0x0D) { continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                let hint = long ? "" : " (only free-text columns such as notes may hold tabs and line breaks)"
                return "holds the control character U+\(String(format: "%04X", value)) at character \(offset + 1)\(hint)"
            }
        }
        return "holds a control character"
    }
}
