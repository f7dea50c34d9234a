import Foundation
import Testing

/// The Lua the project ships, linted, and kept out of Swift strings.
struct LuaLintTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// luacheck (Debian: lua-check, installed by scripts/bootstrap) finds nothing in the plugin
    /// API's modules, the sandbox's prelude, the API's unit tests or any shipped plugin, with the
    /// repository's .luacheckrc (plugins may use only what the sandbox gives them).
    @Test func luacheckFindsNothingInTheAPIThePreludeAndTheShippedPlugins() throws {
        let luacheck = Process()
        luacheck.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        luacheck.arguments = ["luacheck", "--no-color", "--codes", "-q", "Sources/DixianPlugins/dixian.api",
                              "Sources/LuaHost/dixian.sandbox", "Sources/DixianBench/sample-check.lua", "Tests/DixianPluginsTests/lua", "Plugins"]
        luacheck.currentDirectoryURL = Self.root
        let output = Pipe()
        luacheck.standardOutput = output
        luacheck.standardError = output
        try luacheck.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        luacheck.waitUntilExit()
        #expect(luacheck.terminationStatus != 127, "luacheck is not installed: run scripts/bootstrap")
        #expect(luacheck.terminationStatus == 0, "\(text)")
    }

    /// The language of a multi-line string literal's text, when it is Lua, HTML or JSON (SQL
    /// migrations stay in Swift: each is a step of a migrator, and SQL's keywords are upper case).
    static func language(of text: String) -> String? {
        if text.contains("</") || text.contains("<!DOCTYPE") { return "HTML" }
        let start = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if (start.hasPrefix("{") || start.hasPrefix("[")) && text.contains("\":") { return "JSON" }
        if text.range(of: #"(^|\s)(local|function|then|end)(\s|\(|$)"#, options: .regularExpression) != nil { return "Lua" }
        return nil
    }

    /// No Swift file holds a Lua, HTML or JSON document longer than 20 lines: they live in
    /// files of their own language, where their tools can read them.
    @Test func noSwiftFileHoldsALongLuaHTMLOrJSONDocument() throws {
        var found: [String] = []
        let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var start: Int?
            for (index, line) in lines.enumerated() where line.contains("\"\"\"") {
                if let opened = start {
                    let body = lines[(opened + 1)..<index]
                    if body.count > 20, let language = Self.language(of: body.joined(separator: "\n")) {
                        found.append("\(file.path.replacingOccurrences(of: Self.root.path + "/", with: "")):\(opened + 1): "
                                     + "\(language), \(body.count) lines")
                    }
                    start = nil
                } else if line.trimmingCharacters(in: .whitespaces).hasSuffix("\"\"\"") || line.hasSuffix("\"\"\"#") {
                    start = index
                }
            }
        }
        #expect(found.isEmpty, "documents inside Swift strings: \(found.joined(separator: ", "))")
    }
}
