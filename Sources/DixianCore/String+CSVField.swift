extension String {
    /// The text as one CSV field (RFC 4180): neutralised as a formula (`formulaNeutralised`),
    /// then quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    public var csvField: String {
        let text = formulaNeutralised
        // Bytes, not Characters: this runs for every field of a large output.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// The text with a single quote before it when a spreadsheet would read it as a formula
    /// (OWASP "CSV injection"): it starts with `=`, `+`, `-`, `@`, a tab, a carriage return or a
    /// line feed, and is not a plain number (`-12.05` stays as it is). Text that already starts
    /// with quotes before such a character gets one more, so that `formulaRestored` gives back
    /// exactly the original. Every CSV writer and the XLSX writer's text cells use this.
    public var formulaNeutralised: String { needsFormulaQuote ? "'" + self : self }

    /// The text a `formulaNeutralised` value was made from: one leading quote removed when what
    /// follows it would have needed it; any other text unchanged. What an import reads.
    public var formulaRestored: String {
        guard utf8.first == UInt8(ascii: "'") else { return self }
        let rest = String(utf8.dropFirst())!
        return rest.needsFormulaQuote ? rest : self
    }

    /// Whether, after any leading quotes, the text starts with a formula character and is not a
    /// plain number.
    private var needsFormulaQuote: Bool {
        let bytes = utf8.drop { $0 == UInt8(ascii: "'") }
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 9, 10, 13: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !Self.isPlainNumber(bytes.dropFirst())
        default: return false
        }
    }

    /// Digits, with at most one decimal point between digits.
    private static func isPlainNumber(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var digits = 0, point = false, digitsAfterPoint = 0
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if point { digitsAfterPoint += 1 } else { digits += 1 }
            } else if byte == UInt8(ascii: "."), !point, digits > 0 {
                point = true
            } else {
                return false
            }
        }
        return digits > 0 && (!point || digitsAfterPoint > 0)
    }
}
