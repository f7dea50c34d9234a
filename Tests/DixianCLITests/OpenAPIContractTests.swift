import DixianTestSupport
import Foundation
import Testing

/// Issue 26: the API document tells the truth, as a third-party client finds it. `dixian serve`
/// runs over a generated Minqin county (the document's examples name its first village and
/// household) on each store, and schemathesis (in `.build/python`, which `scripts/test`
/// installs) exercises every operation with every check and a fixed seed, the stateful phase
/// following the document's links (a reported risk's episode to its steps, a visit and a
/// listed household to the household's file and its edit): it must find nothing.
/// openapi-spec-validator must accept the document as served.
@Suite(.serialized)
struct OpenAPIContractTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// The schemathesis of `.build/python`, beside the interpreter the tests use.
    static let schemathesis = OpenPyXL.python.deletingLastPathComponent().appendingPathComponent("schemathesis")
    static let installed = FileManager.default.isExecutableFile(atPath: schemathesis.path)

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-contract-\(UUID().uuidString)")

    /// A generated Minqin county in `folder`, screened as of 2024-07-01, on `backend` (sqlite or
    /// postgres), with a user of each of `roles` (county-wide): the arguments naming the
    /// registry, and the users' tokens in the order of `roles`.
    static func county(in folder: URL, on backend: String, roles: [String]) async throws -> (registry: [String], tokens: [String]) {
        let files = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        #expect(try await DixianProcess.run(["generate", "--county", "minqin", "--households", "60", "--seed", "3", "--out", files,
                                             "--plugins", RegistryCommandTests.plugins]).status == 0)
        #expect(try await DixianProcess.run(["import", files, "--db", db]).status == 0)
        var registry = ["--db", db]
        if backend == "postgres" {
            let url = try TestPostgres.newDatabase()
            #expect(try await DixianProcess.run(["copy", "--db", db, "--postgres", url]).status == 0)
            registry = ["--postgres", url]
        }
        #expect(try await DixianProcess.run(["screen", "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins,
                                             "--as-of", "2024-07-01"] + registry).status == 0)
        var tokens: [String] = []
        for role in roles {
            let added = try await DixianProcess.run(["user", "add", "--name", role, "--role", role, "--area", "620621"] + registry)
            #expect(added.status == 0)
            tokens.append(added.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (registry, tokens)
    }

    @Test(.enabled(if: installed, "schemathesis is not in .build/python: scripts/test installs it (pip install schemathesis openapi-spec-validator)"),
          arguments: ["sqlite", "postgres"])
    func schemathesisFindsNothingTheDocumentDoesNotSay(_ backend: String) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (registry, tokens) = try await Self.county(in: folder, on: backend, roles: ["county-administrator"])
        let (server, port) = try await ServerProcess.start(registry)
        defer { server.terminate(); server.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"

        let validated = try await Tool.run(OpenPyXL.python.path, ["-c", """
            import json, sys, urllib.request
            from openapi_spec_validator import validate
            validate(json.load(urllib.request.urlopen(sys.argv[1])))
            print('valid')
            """, base + "/openapi.json"])
        #expect(validated.status == 0 && validated.output.contains("valid"), Comment(rawValue: validated.output))

        // Hooks teach it the resident-id format; the configuration, the statuses a rule of the
        // workflow (422) or a missing If-Match (428) answers. Run in the test's folder, so that
        // nothing it writes is left behind.
        let run = try await Tool.run("/usr/bin/env", [
            "--chdir=" + folder.path, "SCHEMATHESIS_HOOKS=schemathesis_hooks", "PYTHONPATH=" + Self.fixtures.path,
            Self.schemathesis.path, "--config-file", Self.fixtures.appendingPathComponent("schemathesis.toml").path,
            "run", base + "/openapi.json", "--checks", "all", "--seed", "1", "--max-examples", "25", "--workers", "1",
            "--header", "Authorization: Bearer \(tokens[0])", "--generation-database", "none", "--no-color",
        ])
        let summary = run.output.split(separator: "\n").filter { line in
            line.contains("API Links:") || line.contains(#/\d+ generated, /#) || line.contains(/^=+ .* in [\d.]+s =+$/)
        }.map { $0.trimmingCharacters(in: .whitespaces.union(["="])) }
        print("schemathesis on \(backend): \(summary.joined(separator: " | "))")
        #expect(run.status == 0, Comment(rawValue: run.output))
        #expect(run.output.contains("passed") && !run.output.contains("failure"), Comment(rawValue: String(run.output.suffix(3000))))
        // The stateful phase went through the document's links (create, then read and act).
        let links = run.output.firstMatch(of: /API Links:\s+(\d+) covered/).map { Int($0.1) ?? 0 } ?? 0
        #expect(run.output.contains("✅ Stateful") && links >= 5, Comment(rawValue: String(run.output.prefix(3000))))
    }
}
