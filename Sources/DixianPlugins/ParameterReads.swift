import Foundation

/// What a run over a county runs of a plugin, for telling which parameters it can read.
public enum RunKind: Sendable {
    /// Screening: the checks.
    case screening
    /// The due list: the deadlines.
    case deadlines
    /// A checklist: its rows, and the checks (`ctx.findings`).
    case checklists
    /// A report: its render function.
    case reports

    /// The plugin folders whose scripts this run never runs.
    var unrunFolders: Set<String> {
        switch self {
        case .screening: ["guards", "deadlines", "checklists", "reports", "spec"]
        case .deadlines: ["checks", "guards", "checklists", "reports", "spec"]
        case .checklists: ["guards", "deadlines", "reports", "spec"]
        case .reports: ["checks", "guards", "deadlines", "checklists", "spec"]
        }
    }
}

/// The parameters a kind of run reads: the names its scripts read in the ways the API offers
/// (`ctx.params.NAME`, `ctx.params['NAME']`, `ctx.param('NAME', ...)`), outside comments, in
/// the chain's files that run (not `plugin.lua`, `parameters.lua`, `geography.lua` nor the
/// folders the run never runs). A name read another way (a table of names looped over) is not
/// seen: such a parameter, unset, fails the households that read it instead of stopping the run.
enum ParameterReads {
    static func names(readBy kind: RunKind, in chain: [PluginManifest]) -> Set<String> {
        var names: Set<String> = []
        for manifest in chain {
            let top = manifest.directory.standardizedFileURL.pathComponents.count
            let walker = FileManager.default.enumerator(at: manifest.directory, includingPropertiesForKeys: nil)
            for case let file as URL in walker?.allObjects ?? [] where file.pathExtension == "lua" {
                let parts = Array(file.standardizedFileURL.pathComponents.dropFirst(top))
                if parts.count == 1 && ["parameters.lua", "plugin.lua", "geography.lua"].contains(parts[0]) { continue }
                if parts.count > 1 && kind.unrunFolders.contains(parts[0]) { continue }
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                names.formUnion(read(in: code(of: text)))
            }
        }
        return names
    }

    private static let patterns = [
        #"params\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)"#,
        #"params\s*\[\s*['"]([^'"]+)['"]\s*\]"#,
        #"param\s*\(\s*['"]([^'"]+)['"]"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// The parameter names `code` reads.
    static func read(in code: String) -> Set<String> {
        let range = NSRange(code.startIndex..., in: code)
        var names: Set<String> = []
        for pattern in patterns {
            for match in pattern.matches(in: code, range: range) {
                if let name = Range(match.range(at: 1), in: code) { names.insert(String(code[name])) }
            }
        }
        return names
    }

    /// Lua source `text` without its comments (`-- ...` to the end of the line and long
    /// comments `--[[ ... ]]`, `--[==[ ... ]==]`); strings, long strings included, are kept.
    static func code(of text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = [], index = 0
        /// The level of a long bracket `[==[` opening at `at`, or nil.
        func longBracket(at start: Int) -> Int? {
            guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return nil }
            var level = 0, at = start + 1
            while at < bytes.count, bytes[at] == UInt8(ascii: "=") { level += 1; at += 1 }
            return at < bytes.count && bytes[at] == UInt8(ascii: "[") ? level : nil
        }
        /// The index just past the long bracket of `level` closing after `from`.
        func close(_ level: Int, from: Int) -> Int {
            let closing = [UInt8(ascii: "]")] + Array(repeating: UInt8(ascii: "="), count: level) + [UInt8(ascii: "]")]
            var at = from
            while at + closing.count <= bytes.count {
                if Array(bytes[at..<(at + closing.count)]) == closing { return at + closing.count }
                at += 1
            }
            return bytes.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                if let level = longBracket(at: index + 2) {
                    index = close(level, from: index + 2)
                } else {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                }
            } else if let level = longBracket(at: index) {
                let end = close(level, from: index + 2 + level)
                out += bytes[index..<end]
                index = end
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                var at = index + 1
                while at < bytes.count, bytes[at] != byte, bytes[at] != UInt8(ascii: "\n") {
                    at += bytes[at] == UInt8(ascii: "\\") ? 2 : 1
                }
                let end = min(at + 1, bytes.count)
                out += bytes[index..<end]
                index = end
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
