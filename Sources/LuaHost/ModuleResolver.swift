import Foundation

/// Finds the source of `require(name)` inside one plugin directory, and nowhere else.
///
/// Names are dot-separated words (`checks.income` is `checks/income.lua` or
/// `checks/income/init.lua`); a path that leaves the directory, also through a symbolic
/// link, is refused.
struct ModuleResolver {
    /// The plugin directory, if the environment has one.
    let directory: URL?
    /// What module chunk names start with (`minqin/`), so that two plugins' `lib/x.lua` differ in messages.
    var chunkPrefix = ""

    /// A module's source and chunk name (`@checks/income.lua`), or why there is none.
    func resolve(_ name: String) -> Result<(source: String, chunkName: String), ModuleError> {
        guard let directory else {
            return .failure(ModuleError("module '\(name)' not found: this environment has no plugin directory"))
        }
        let words = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty, words.allSatisfy(ModuleResolver.isWord) else {
            return .failure(ModuleError(
                "invalid module name '\(name)': use dot-separated words of letters, digits, '_' and '-'"))
        }
        let stem = words.joined(separator: "/")
        let root = directory.resolvingSymlinksInPath().standardizedFileURL
        for candidate in ["\(stem).lua", "\(stem)/init.lua"] {
            let file = root.appendingPathComponent(candidate).resolvingSymlinksInPath().standardizedFileURL
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            guard file.path.hasPrefix(root.path + "/") else {
                return .failure(ModuleError("module '\(name)' resolves outside the plugin directory"))
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                return .failure(ModuleError("module '\(name)' cannot be read (\(candidate))"))
            }
            guard let source = String(data: data, encoding: .utf8), !data.contains(0), data.first != 0x1B else {
                return .failure(ModuleError("module '\(name)' is not UTF-8 Lua source text (\(candidate))"))
            }
            return .success((source, "@" + chunkPrefix + candidate))
        }
        return .failure(ModuleError(
            "module '\(name)' not found in the plugin directory (looked for \(stem).lua and \(stem)/init.lua)"))
    }

    private static func isWord(_ word: Substring) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }
}

/// Why a module could not be resolved; the message is what `require` raises.
struct ModuleError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
