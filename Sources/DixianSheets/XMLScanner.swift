import Foundation

/// A forward-only scanner over the XML of an XLSX part: tags with their attributes, and the
/// text between them. Enough for the spreadsheet parts, which use neither DTDs nor CDATA.
struct XMLScanner {
    /// A tag: `<c r="A1" t="s">`, `</c>` or `<c r="A1"/>`.
    struct Tag {
        /// Its name with any namespace prefix removed (`x:row` is `row`).
        var name: String
        /// Whether it is a closing tag.
        var isClosing: Bool
        /// Whether it closes itself (`<c/>`).
        var isEmpty: Bool
        /// Its attributes' raw text.
        var attributes: Substring

        /// The value of attribute `key` (escaped as in the file).
        func attribute(_ key: String) -> String? {
            var rest = attributes[...]
            while let range = rest.range(of: key + "=") {
                let before = range.lowerBound == rest.startIndex ? " " : rest[rest.index(before: range.lowerBound)]
                let afterEquals = range.upperBound
                guard afterEquals < rest.endIndex else { return nil }
                let quote = rest[afterEquals]
                if before.isWhitespace, quote == "\"" || quote == "'" {
                    let valueStart = rest.index(after: afterEquals)
                    guard let end = rest[valueStart...].firstIndex(of: quote) else { return nil }
                    return String(rest[valueStart..<end])
                }
                rest = rest[range.upperBound...]
            }
            return nil
        }
    }

    private let text: String
    private var position: String.Index

    init(_ data: Data) {
        text = String(decoding: data, as: UTF8.self)
        position = text.startIndex
    }

    /// The next tag (skipping declarations, comments and text), or nil at the end.
    mutating func nextTag() -> Tag? {
        while let open = text[position...].firstIndex(of: "<") {
            guard let close = text[open...].firstIndex(of: ">") else { return nil }
            position = text.index(after: close)
            var inside = text[text.index(after: open)..<close]
            if inside.first == "?" || inside.first == "!" { continue }
            let isClosing = inside.first == "/"
            if isClosing { inside = inside.dropFirst() }
            let isEmpty = inside.last == "/"
            if isEmpty { inside = inside.dropLast() }
            let nameEnd = inside.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) ?? inside.endIndex
            var name = inside[..<nameEnd]
            if let colon = name.lastIndex(of: ":") { name = name[name.index(after: colon)...] }
            return Tag(name: String(name), isClosing: isClosing, isEmpty: isEmpty, attributes: inside[nameEnd...])
        }
        return nil
    }

    /// The text up to the closing tag `name` (escaped), leaving the scanner after it.
    mutating func text(until name: String) -> String {
        let start = position
        while let tag = nextTag() {
            if tag.isClosing && tag.name == name { break }
        }
        let body = text[start..<position]
        guard let end = body.range(of: "</", options: .backwards) else { return String(body) }
        return String(body[..<end.lowerBound])
    }

    /// The concatenated `<t>` texts up to the closing tag `name` (rich text runs joined;
    /// phonetic runs `<rPh>` left out).
    mutating func texts(until name: String) -> String {
        var result = "", phonetic = false
        while let tag = nextTag() {
            if tag.isClosing && tag.name == name { break }
            if tag.name == "rPh" { phonetic = !tag.isClosing }
            if tag.name == "t" && !tag.isClosing && !tag.isEmpty {
                let piece = text(until: "t")
                if !phonetic { result += piece }
            }
        }
        return result
    }

    /// `text` with the XML entities and character references replaced.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = "", rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let code = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let code, let scalar = Unicode.Scalar(code) { result.unicodeScalars.append(scalar) } else { result += "&\(entity);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
