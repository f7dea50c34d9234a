/// A Lua value copied into Swift. Tables are copied deeply; functions, userdata and threads
/// have no Swift data representation and are kept only as their type name.
public enum LuaValue: Sendable, Hashable {
    /// `nil`.
    case `nil`
    /// `true` or `false`.
    case boolean(Bool)
    /// An integer (Lua 5.4 keeps integers and floats apart).
    case integer(Int64)
    /// A float.
    case number(Double)
    /// A string, decoded as UTF-8 (invalid bytes become U+FFFD).
    case string(String)
    /// A table.
    case table(LuaTable)
    /// A value with no Swift data representation: its Lua type name (`function`, `userdata`,
    /// `thread`), or `table (cycle)` for a table met again while it is being copied.
    case opaque(String)

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The integer, if this is one or a float with an exact integer value.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .number(let value): Int64(exactly: value)
        default: nil
        }
    }

    /// The number as a float, if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The table, if this is one.
    public var tableValue: LuaTable? {
        if case .table(let table) = self { table } else { nil }
    }

    /// Field `key` of a table (nil for anything else).
    public subscript(key: String) -> LuaValue {
        tableValue?.fields[.string(key)] ?? .nil
    }

    /// Element `index` (1-based, as in Lua) of a table's sequence.
    public subscript(index: Int) -> LuaValue {
        guard let array = tableValue?.array, index >= 1, index <= array.count else { return .nil }
        return array[index - 1]
    }
}

/// A Lua table copied into Swift: its sequence `1...n` and its other fields.
public struct LuaTable: Sendable, Hashable {
    /// Values at keys 1 to n, where n is the table's length (`#t`).
    public var array: [LuaValue]
    /// Every other key and its value.
    public var fields: [LuaValue: LuaValue]

    /// A table with the given sequence and fields.
    public init(array: [LuaValue] = [], fields: [LuaValue: LuaValue] = [:]) {
        self.array = array
        self.fields = fields
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// `nil`.
    public init(nilLiteral: ()) { self = .nil }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// An integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A float.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A sequence.
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(array: elements)) }
    /// A table of fields.
    public init(dictionaryLiteral elements: (LuaValue, LuaValue)...) {
        self = .table(LuaTable(fields: Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
