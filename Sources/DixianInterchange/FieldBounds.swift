import DixianCore
import Foundation

/// The bounds an import holds every field to, beyond its type: text no longer than its column
/// allows and without control characters or undecodable bytes, dates in a plausible range,
/// amounts below ten billion yuan, birth dates not in the future. docs/data-format.md lists
/// them. Reading records back from a store applies none of them: what was
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

    /// The latest date of what has happened or is about to (a record typed ahead, a clock or
    /// time zone off): a year after today.
    let latestEvent: LocalDate

    /// Bounds for an import running on `today`.
    init(today: LocalDate) {
        self.today = today
        latestEvent = today.adding(days: 366)
    }

    /// The latest date `column` may hold: `latestEvent`, or ten years after today for a deadline.
    func latestDate(_ column: String) -> LocalDate {
        Self.deadlineColumns.contains(column) ? today.adding(days: 3653) : latestEvent
    }

    /// Columns of free text, which may run to `longTextLimit` characters and several lines.
    static let longTextColumns: Set<String> = ["notes", "description", "measure", "fix", "reason", "reasons", "result", "purpose", "summary"]
    /// The most characters a free-text field holds.
    package static let longTextLimit = 2000
    /// The most characters any other field holds (a name, an actor, a unit, a code).
    static let shortTextLimit = 100

    /// The most yuan an amount may be: 9,999,999,999.99 (ten digits before the point), so that
    /// sums over a county's records stay far inside what a 64-bit count of fen holds.
    static let largestAmount = Money(fen: 999_999_999_999)

    /// The text bounds of one file's columns, worked out once from its header (`positions`:
    /// each column's position), so that a row is checked without looking a column up.
    struct TextColumns: Sendable {
        fileprivate let columns: [(position: Int, name: String, long: Bool)]

        init(_ positions: [String: Int]) {
            columns = positions.map { (position: $0.value, name: $0.key, long: FieldBounds.longTextColumns.contains($0.key)) }
                .sorted { $0.position < $1.position }
        }
    }

    /// The first field of `fields` that breaks the text bounds, as the error of its column.
    func textProblem(_ fields: [String], columns: TextColumns) -> FieldError? {
        for column in columns.columns where column.position < fields.count {
            if let message = Self.textProblem(fields[column.position], long: column.long) {
                return FieldError(column: column.name, message)
            }
        }
        return nil
    }

    /// The most characters `column` holds.
    package static func textLimit(column: String) -> Int {
        longTextColumns.contains(column) ? longTextLimit : shortTextLimit
    }

    /// What is wrong with `text` as a field of `column`, if anything.
    package static func textProblem(_ text: String, column: String) -> FieldMessage? {
        textProblem(text, long: longTextColumns.contains(column))
    }

    /// What is wrong with `text` as a field of free text (`long`) or of another column. This
    /// runs for every field of an import: its bytes are scanned once, and only a field with a
    /// problem is looked at again to say what it is.
    static func textProblem(_ text: String, long: Bool) -> FieldMessage? {
        let limit = long ? longTextLimit : shortTextLimit
        var text = text
        let clean = text.withUTF8 { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if !(long && (byte == 0x09 || byte == 0x0A || byte == 0x0D)) { return false }
                } else if byte >= 0x7F {
                    if byte == 0x7F { return false }
                    // C1 controls (U+0080 to U+009F are C2 80 to C2 9F), and U+FFFD (EF BF BD),
                    // what undecodable bytes became.
                    if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] <= 0x9F { return false }
                    if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD { return false }
                }
                index += 1
            }
            return true
        }
        guard clean else {
            for scalar in text.unicodeScalars {  // the first problem, as the scan met it
                let value = scalar.value
                if long && (value == 0x09 || value == 0x0A || value == 0x0D) { continue }
                if value < 0x20 || (0x7F...0x9F).contains(value) { break }
                if value == 0xFFFD { return .notUTF8 }
            }
            return controlProblem(text, long: long)
        }
        guard text.utf8.count > limit else { return nil }
        let count = text.count
        return count > limit ? .tooLong(count: count, limit: limit) : nil
    }

    /// The problem of a text known to hold a control character it may not.
    private static func controlProblem(_ text: String, long: Bool) -> FieldMessage {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let value = scalar.value
            if long && (value == 0x09 || value == 0x0A || value == 0x0D) { continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                return .controlCharacter(code: "U+\(String(format: "%04X", value))", position: offset + 1, freeText: long)
            }
        }
        return .controlCharacter(code: "", position: 0, freeText: long)
    }
}
