import DixianCore
import Hummingbird

/// A request's query parameters, checked before a route reads them: a name the route does not
/// take, a name given twice, or a value out of its range is refused with 400 problem details
/// naming the parameter and what it may be.
struct QueryParameters {
    private let values: [String: String]

    /// The parameters of `request`, which may be only those named in `allowed`.
    init(_ request: Request, allowed: [String]) throws {
        var values: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard allowed.contains(name) else {
                throw ProblemDetails.badField(name, .notAParameter(allowed: allowed))
            }
            guard values[name] == nil else { throw ProblemDetails.badField(name, .givenTwice) }
            values[name] = String(value)
        }
        self.values = values
    }

    /// The text of `name`, if given.
    subscript(_ name: String) -> String? { values[name] }

    /// `name` as a whole number in `range` (`fallback` when absent), or 400 naming the range.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard text.count <= 20, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text), range.contains(value) else {
            throw ProblemDetails.badField(name, .wholeNumber(from: range.lowerBound, to: range.upperBound))
        }
        return value
    }

    /// `name` as an area code of exactly `digits` ASCII digits, or 400 saying so.
    func code(_ name: String, digits: Int, what: ServerMessage.AreaLevel) throws -> String {
        guard let text = values[name], text.utf8.count == digits, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw ProblemDetails.badField(name, .areaCodeRequired(digits: digits, what: what))
        }
        return text
    }
}
