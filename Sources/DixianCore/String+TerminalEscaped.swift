extension String {
    /// The text safe to print on a terminal: every control character (C0 but the line feed,
    /// DEL, C1) written as a visible escape (`\x1B`, `\t`, `\r`, `\u{9B}`), so that text from a
    /// public form or an imported file cannot move the cursor, recolour or retitle the
    /// terminal. Text without control characters is returned as it is.
    public var terminalEscaped: String {
        guard unicodeScalars.contains(where: { $0.isTerminalControl }) else { return self }
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where scalar.value < 0x80 && scalar.isTerminalControl:
                escaped += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            case _ where scalar.isTerminalControl:
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Unicode.Scalar {
    /// C0 controls other than the line feed, DEL, and C1 controls.
    var isTerminalControl: Bool {
        (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }
}
