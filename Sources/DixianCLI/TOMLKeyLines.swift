/// The line each key of a TOML text is written on, which the parser does not report once it
/// has parsed: found from the table headers (`[server]`) and the keys before each `=`
/// (bare, quoted or dotted). A key inside an inline table is placed on its table's line.
struct TOMLKeyLines {
    private var lines: [[String]: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.hasPrefix("[") {
                let inside = content.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.keyPath(inside)
                if lines[table] == nil { lines[table] = index + 1 }
            } else if !content.hasPrefix("#"), let equals = Self.equalsSign(in: content) {
                let key = table + Self.keyPath(content[..<equals])
                if lines[key] == nil { lines[key] = index + 1 }
            }
        }
    }

    /// The line of `key`, or of the nearest enclosing key written in the text.
    func line(of key: [String]) -> Int? {
        var key = key
        while !key.isEmpty {
            if let line = lines[key] { return line }
            key.removeLast()
        }
        return nil
    }

    /// The `=` that ends a key: the first outside quotes.
    private static func equalsSign(in line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            }
        }
        return nil
    }

    /// `a . "b.c"` as `["a", "b.c"]`.
    private static func keyPath(_ text: Substring) -> [String] {
        var parts: [String] = [], current = "", quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current)
                current = ""
            } else if character != " " && character != "\t" {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
