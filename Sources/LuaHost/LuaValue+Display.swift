import Foundation

extension LuaValue: CustomStringConvertible {
    /// The value written as Lua source would write it: strings quoted, tables as constructors
    /// with the sequence first and the other fields sorted by key.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// The value as the `lua` console prints a result: strings bare, everything else as `description`.
    public var displayText: String {
        if case .string(let value) = self { value } else { description }
    }

    private func write(to text: inout String) {
        switch self {
        case .nil: text += "nil"
        case .boolean(let value): text += value ? "true" : "false"
        case .integer(let value): text += String(value)
        case .number(let value): text += LuaValue.format(value)
        case .string(let value): text += LuaValue.quote(value)
        case .opaque(let name): text += name
        case .table(let table):
            if table.array.isEmpty && table.fields.isEmpty {
                text += "{}"
                return
            }
            var parts = table.array.map(\.description)
            let keys = table.fields.keys.sorted { $0.sortKey < $1.sortKey }
            for key in keys {
                let value = table.fields[key]!.description
                if case .string(let name) = key, LuaValue.isIdentifier(name) {
                    parts.append("\(name) = \(value)")
                } else {
                    parts.append("[\(key.description)] = \(value)")
                }
            }
            text += "{" + parts.joined(separator: ", ") + "}"
        }
    }

    private var sortKey: String {
        switch self {
        case .integer(let value): String(format: "0%020lld", value)
        case .number(let value): "1\(value)"
        case .string(let value): "2\(value)"
        default: "3\(description)"
        }
    }

    /// Lua's `%.14g`, with `.0` kept on integral floats as Lua 5.4 prints them.
    static func format(_ value: Double) -> String {
        if value.isNaN { return value.sign == .minus ? "-nan" : "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = String(format: "%.14g", value)
        return text.contains(where: { ".eEn".contains($0) }) ? text : text + ".0"
    }

    static func quote(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\\(scalar.value)"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    private static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !keywords.contains(name) else { return false }
        func allowed(_ s: Unicode.Scalar) -> Bool { s == "_" || (s.isASCII && s.properties.isAlphabetic) }
        return allowed(first) && name.unicodeScalars.allSatisfy { allowed($0) || ("0"..."9").contains($0) }
    }
}
