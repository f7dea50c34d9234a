/// The line each key of a TOML text is written on, which the parser does not report once it
/// has parsed: found from the table headers (`[server]`) and the keys before each `=`
/// (bare, quoted or dotted). A key inside an inline table is placed on its table's line; the
/// lines of a multi-line string (`"""` or `'''`) hold no keys. Lines end in LF or CRLF.
struct TOMLKeyLines {
    private var lines: [[String]: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        // The delimiter of the multi-line string open at the start of a line.
        var open: Substring?
        // `"\r\n"` is one Character in Swift: splitting on `"\n"` alone would never split a CRLF text.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            if open != nil {
                open = Self.openString(after: line, from: open)
                continue
            }
            defer { open = Self.openString(after: line, from: nil) }
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

    /// The delimiter (`"""` or `'''`) of the multi-line string still open at the end of `line`,
    /// given the one open at its start: strings and comments are followed so that a delimiter
    /// inside a one-line string or after `#` opens nothing.
    private static func openString(after line: Substring, from open: Substring?) -> Substring? {
        var open = open, quote: Character?, index = line.startIndex
        while index < line.endIndex {
            let rest = line[index...], character = line[index]
            if let delimiter = open {
                if delimiter.first == "\"" && character == "\\" {
                    index = line.index(index, offsetBy: 2, limitedBy: line.endIndex) ?? line.endIndex
                    continue
                }
                if rest.hasPrefix(delimiter) {
                    open = nil
                    index = line.index(index, offsetBy: 3)
                    continue
                }
            } else if let opening = quote {
                if opening == "\"" && character == "\\" {
                    index = line.index(index, offsetBy: 2, limitedBy: line.endIndex) ?? line.endIndex
                    continue
                }
                if character == opening { quote = nil }
            } else if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                open = rest.prefix(3)
                index = line.index(index, offsetBy: 3)
                continue
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            }
            index = line.index(after: index)
        }
        return open
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
