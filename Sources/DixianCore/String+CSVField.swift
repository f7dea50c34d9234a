extension String {
    /// The text as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma,
    /// a quote or a line break.
    public var csvField: String {
        // Bytes, not Characters: this runs for every field of a large output.
        guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return self
        }
        var quoted = "\""
        for character in self {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
