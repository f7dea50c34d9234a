import Foundation

/// The household-view fields a plugin chain's scripts can read: those whose names appear in
/// their source text. Batches of views are filled with only these, so a plugin pays for the
/// fields it reads and not for the fifty it does not.
///
/// A name counts wherever it appears in the `.lua` files that can read the views of a batch
/// (`ViewPurpose`): as a field (`h.survey`), in a string (`h['survey']`), in a comment. A field
/// whose name is built at run time and appears nowhere is not filled, and reading it raises an
/// error naming the field (see docs/plugin-api.md, "Fields a plugin reads").
struct ViewFields: Equatable, Sendable {
    private var bits: UInt128

    /// How many fields it tells apart.
    static let capacity = UInt128.bitWidth

    /// Every field.
    static let all = ViewFields(bits: ViewKeys.Key.allCases.reduce(0) { $0 | 1 << $1.rawValue })

    private init(bits: UInt128) {
        self.bits = bits
    }

    /// The fields whose names are among `words`.
    init(named words: Set<Substring>) {
        bits = 0
        for key in ViewKeys.Key.allCases where key.record == .episode || words.contains(Substring(key.name)) {
            bits |= 1 << key.rawValue
        }
    }

    /// The fields named in the `.lua` files under `directories` (plugin folders), for each
    /// purpose: those named in the files that can read its views.
    static func byPurpose(namedInPluginsAt directories: [URL]) -> [ViewPurpose: ViewFields] {
        var wordsByFolder: [String: Set<Substring>] = [:]
        for directory in directories {
            let top = directory.standardizedFileURL.pathComponents.count
            for file in sourceFiles(under: directory) {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                let components = file.standardizedFileURL.pathComponents
                let folder = components.count > top + 1 ? components[top] : ""
                collectWords(of: text, into: &wordsByFolder[folder, default: []])
            }
        }
        return Dictionary(uniqueKeysWithValues: ViewPurpose.allCases.map { purpose in
            let words = wordsByFolder.filter { !purpose.unreadFolders.contains($0.key) }.values.reduce(into: Set()) {
                $0.formUnion($1)
            }
            return (purpose, ViewFields(named: words))
        })
    }

    /// Whether `key` is filled.
    func contains(_ key: ViewKeys.Key) -> Bool {
        bits & 1 << key.rawValue != 0
    }

    /// The names of every field left out.
    var missingNames: [String] {
        ViewKeys.Record.allCases.flatMap(missingNames(of:))
    }

    /// How many fields are filled.
    var count: Int { bits.nonzeroBitCount }

    /// The names of the fields of `record` tables left out.
    func missingNames(of record: ViewKeys.Record) -> [String] {
        ViewKeys.Key.allCases.filter { $0.record == record && !contains($0) }.map(\.name)
    }

    /// The `.lua` files under `directory`.
    private static func sourceFiles(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "lua" }
    }

    /// Adds the identifier-like words of `text` (ASCII letters, digits and `_`, not starting
    /// with a digit), read byte by byte: plugin files are scanned at every start-up.
    static func collectWords(of text: String, into words: inout Set<Substring>) {
        let bytes = text.utf8
        var start: String.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let lowered = byte | 0x20  // ASCII letters to lower case; nothing else lands in a...z
            let isLetter = (lowered >= 0x61 && lowered <= 0x7A) || byte == 0x5F
            if isLetter || (byte >= 0x30 && byte <= 0x39) {
                if start == nil, isLetter { start = index }
            } else if let first = start {
                words.insert(text[first..<index])
                start = nil
            }
            bytes.formIndex(after: &index)
        }
        if let first = start { words.insert(text[first...]) }
    }
}

/// What a batch of household views is filled for. Each purpose has its own batch table and its
/// own fields: those named by its scripts, by the checks (`ctx.findings(h)` runs them on any
/// view) and by the plugin's other files (parameters, modules), but not by the scripts of the
/// other purposes, of guards (which get whole views), of reports or of specs.
public enum ViewPurpose: CaseIterable, Sendable {
    /// Checks, in screening runs (and the checks of `ctx.findings`).
    case screening
    /// Deadlines, for due lists.
    case deadlines
    /// Checklist rows.
    case checklists

    /// The plugin folders whose scripts read this purpose's views.
    private var folders: Set<String> {
        switch self {
        case .screening: ["checks"]
        case .deadlines: ["checks", "deadlines"]
        case .checklists: ["checks", "checklists"]
        }
    }

    /// The plugin folders whose scripts never see this purpose's views.
    var unreadFolders: Set<String> {
        Set(["checks", "guards", "roles", "deadlines", "checklists", "reports", "spec"]).subtracting(folders)
    }
}
