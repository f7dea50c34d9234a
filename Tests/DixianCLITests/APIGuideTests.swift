import DixianTestSupport
import Foundation
import Testing

/// Issue 26: the `curl` examples of docs/api.md, the integrators' guide, run as written against
/// a served county and answer as the guide says: each `# answers STATUS with FIELD` line after
/// an example gives the status and a field its JSON answer holds (`items[0].number`).
struct APIGuideTests {
    static let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/api.md")

    /// One example: its command, the status it answers, and the path of a field its answer holds.
    struct Example: CustomStringConvertible {
        var command: String
        var status: Int
        var field: String
        var description: String { command }
    }

    /// The examples of the guide: each shell block that starts with `curl`, cut after every
    /// `# answers` line.
    static func examples() throws -> [Example] {
        let text = try String(contentsOf: guide, encoding: .utf8)
        var examples: [Example] = [], block: [String]? = nil, command: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "```sh" { block = []; command = []; continue }
            guard var lines = block else { continue }
            if line == "```" { block = nil; continue }
            if lines.isEmpty && !line.hasPrefix("curl ") { block = nil; continue }
            lines.append(line)
            block = lines
            if let match = line.firstMatch(of: /^# answers (\d{3}) with (\S+)$/) {
                examples.append(Example(command: command.joined(separator: "\n"), status: Int(match.1)!, field: String(match.2)))
                command = []
            } else {
                command.append(line)
            }
        }
        return examples
    }

    /// The value at `path` (`members[0].resident_id`) of a JSON value, if there is one.
    static func value(at path: String, in json: Any) -> Any? {
        var current: Any? = json
        for part in path.split(separator: ".") {
            let name = part.prefix { $0 != "[" }
            if !name.isEmpty { current = (current as? [String: Any])?[String(name)] }
            for index in part.matches(of: /\[(\d+)\]/).map({ Int($0.1)! }) {
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }

    @Test func theGuidesExamplesAnswerAsItSays() async throws {
        let examples = try Self.examples()
        #expect(examples.count >= 12, "\(examples)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-guide-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (registry, tokens) = try await OpenAPIContractTests.county(in: folder, on: "sqlite", roles: ["county-administrator", "department"])
        let (server, port) = try await ServerProcess.start(registry)
        defer { server.terminate(); server.waitUntilExit() }
        for example in examples {
            // The status on a line of its own after the answer.
            let run = try await Tool.run("/usr/bin/env", [
                "DIXIAN=http://127.0.0.1:\(port)", "TOKEN=\(tokens[0])", "DEPARTMENT_TOKEN=\(tokens[1])",
                "bash", "-c", example.command + " -w '\\n%{http_code}'",
            ])
            let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
            let status = Int(lines.last ?? "")
            let body = lines.dropLast().joined(separator: "\n")
            #expect(run.status == 0 && status == example.status, "\(example.command)\n→ \(run.output)")
            let json = try? JSONSerialization.jsonObject(with: Data(body.utf8))
            #expect(json.flatMap { Self.value(at: example.field, in: $0) } != nil, "\(example.command)\n→ no \(example.field) in \(body)")
        }
    }
}
