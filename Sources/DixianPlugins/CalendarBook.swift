import DixianCore
import LuaHost

/// The calendars a runtime's plugins declared, known once they are loaded: what
/// `dixian.date.add_working_days` counts with. Scripts reach it through a host function, so
/// that they and the specs share `CalendarDeclaration`'s one calculator and its one error.
final class CalendarBook {
    /// The declared calendars; nil while the plugins load.
    var calendars: [CalendarDeclaration]?

    /// Lua's `working_days(d, n, id)`: the date `n` working days after `d` in calendar `id`, or
    /// nil and why not (calendar.lua raises it at the plugin line); then the days stepped
    /// through, which calendar.lua charges to the script's instruction budget.
    func addWorkingDays(_ frame: inout LuaCallFrame) {
        var stepped = 0
        do {
            let reached = try count(frame.argument(1), frame.argument(2), frame.argument(3), stepped: &stepped)
            frame.return(reached.description)
            frame.return(LuaValue.nil)
        } catch {
            frame.return(LuaValue.nil)
            frame.return(error.message)
        }
        frame.return(stepped)
    }

    /// Why a working-day count cannot be made.
    struct Refusal: Error {
        let message: String
    }

    private func count(_ date: LuaValue, _ days: LuaValue, _ id: LuaValue, stepped: inout Int) throws(Refusal) -> LocalDate {
        guard let calendars else {
            throw Refusal(message: "working days are counted with the plugins' calendars, known once every file is loaded: "
                + "count them in a check, guard, deadline, checklist row or report, not while a file loads")
        }
        guard case .string(let name) = id, let calendar = calendars.first(where: { $0.declaration.id == name }) else {
            throw Refusal(message: "no calendar '\(id.displayText)' is declared (declared: "
                + (calendars.isEmpty ? "none" : calendars.map(\.declaration.id).joined(separator: ", ")) + ")")
        }
        guard case .string(let text) = date, let start = LocalDate(iso: text) else {
            let got = if case .string(let text) = date { "'\(text)'" } else { Self.typeName(of: date) }
            throw Refusal(message: "the date must be a date written YYYY-MM-DD, got \(got)")
        }
        let count: Int
        switch days {
        case .integer(let whole) where whole >= 0 && whole <= Int64(Int32.max): count = Int(whole)
        case .number(let number) where number >= 0 && number <= Double(Int32.max) && number.rounded() == number: count = Int(number)
        default:
            throw Refusal(message: "the number of working days must be a whole number, at least 0, got \(days.displayText)")
        }
        do {
            return try calendar.adding(workingDays: count, to: start, stepped: &stepped)
        } catch {
            throw Refusal(message: error.description)
        }
    }

    /// Lua's name of `value`'s type, as `type(value)` says it.
    private static func typeName(of value: LuaValue) -> String {
        switch value {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .opaque(let name): name
        }
    }
}
