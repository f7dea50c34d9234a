extension String {
    /// The text as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma,
    /// a quote or a line break.
    public var csvField: String {
        guard contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return self }
        var quoted = "\""
        for character in self {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
