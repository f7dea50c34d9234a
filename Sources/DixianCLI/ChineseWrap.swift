import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Re-flows Chinese help to the terminal's width. ArgumentParser breaks lines only at
/// spaces, which Chinese text has few of, so a Chinese paragraph or option help came out as one
/// line of hundreds of columns. Lines are broken before or after a wide (CJK) character, or at a
/// space, never before closing punctuation (`，。）…`) or after opening punctuation (`（“…`); a
/// continued line is indented as the text it continues (the help column of an option). A word,
/// a path or a URL is never split: one wider than the line overflows its own line, and the
/// text after it is wrapped again.
enum ChineseWrap {
    /// The columns to wrap at: the terminal's, when standard output is one, else 80 (as
    /// ArgumentParser does).
    static var terminalWidth: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return 80 }
        return Int(size.ws_col)
    }

    /// `text` with every line wider than `width` columns broken as above; lines ArgumentParser
    /// broke at a space (it counts characters, not columns, to `width`) are first joined again.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [[Character]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init) {
            if let previous = lines.last, continues(previous, with: line, width: width) {
                lines[lines.count - 1] = previous + [" "] + line.drop { $0 == " " }
            } else {
                lines.append(line)
            }
        }
        return lines.flatMap { wrap(line: $0, width: width) }.joined(separator: "\n")
    }

    /// Whether ArgumentParser broke `line` off `previous` to keep within `width` characters:
    /// it is indented as `previous`'s text, has no label of its own, and its first word would
    /// not have fitted after `previous`.
    private static func continues(_ previous: [Character], with line: [Character], width: Int) -> Bool {
        let leading = line.prefix { $0 == " " }.count
        guard !previous.isEmpty, leading < line.count, leading == helpColumn(of: previous), helpColumn(of: line) == leading else { return false }
        let word = line.dropFirst(leading).prefix { $0 != " " }.count
        return previous.count + 1 + word > width
    }

    /// The columns `character` takes on a terminal: 2 for East Asian wide and full-width ones.
    static func columns(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first?.value else { return 0 }
        switch scalar {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Punctuation a line may not begin with.
    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’", "…", "·", ",", ".", ";", ":", ")", "]"]
    /// Punctuation a line may not end with.
    private static let opening: Set<Character> = ["（", "《", "「", "『", "“", "‘", "(", "["]

    private static func wrap(line: [Character], width: Int) -> [String] {
        guard line.reduce(0, { $0 + columns($1) }) > width else { return [String(line)] }
        let textStart = helpColumn(of: line)
        let indent = String(repeating: " ", count: textStart)
        var lines: [String] = []
        var rest = line
        var prefixWidth = 0  // the indentation of continued lines is part of them
        while prefixWidth + rest.reduce(0, { $0 + columns($1) }) > width {
            let allowed = { (index: Int) in index + 1 < rest.count && (lines.isEmpty ? index + 1 > textStart : true)
                && canBreak(between: rest[index], and: rest[index + 1]) }
            var used = prefixWidth, breakAt: Int?
            for index in rest.indices {
                used += columns(rest[index])
                if used > width { break }
                if allowed(index) { breakAt = index + 1 }
            }
            // A word wider than the line overflows it alone: the line ends at the first break after it.
            guard let breakAt = breakAt ?? rest.indices.first(where: allowed).map({ $0 + 1 }) else { break }
            var head = rest[..<breakAt]
            while head.last == " " { head.removeLast() }
            lines.append((lines.isEmpty ? "" : indent) + String(head))
            rest = Array(rest[breakAt...].drop { $0 == " " })
            prefixWidth = textStart
        }
        lines.append((lines.isEmpty ? "" : indent) + String(rest))
        return lines
    }

    /// Whether a line may end with `before` and the next begin with `after`.
    private static func canBreak(between before: Character, and after: Character) -> Bool {
        if after == " " { return false }
        if before == " " { return true }
        guard columns(before) == 2 || columns(after) == 2 else { return false }
        return !closing.contains(after) && !opening.contains(before)
    }

    /// The column a line's text starts in: after an option's label and the spaces that pad it
    /// (`  --db <db>               登记库…`), else after the line's own indentation.
    private static func helpColumn(of line: [Character]) -> Int {
        let leading = line.prefix { $0 == " " }.count
        var index = leading
        while index + 2 < line.count, index < 40 {
            if line[index] == " ", line[index + 1] == " " {
                var start = index
                while start < line.count, line[start] == " " { start += 1 }
                return start < line.count ? start : leading
            }
            index += 1
        }
        return leading
    }
}
