import Foundation
import GRDB
import Testing

/// `dixian user add --password-file` sets a user's first password and `dixian user password`
/// a new one, as bcrypt hashes, never from the command line and never shown in the audit trail.
struct UserPasswordCommandTests {
    let workflow = WorkflowCommandTests()

    @Test func aPasswordFromAFileIsStoredAsABcryptHashAndTheAuditNeverHoldsIt() async throws {
        defer { try? FileManager.default.removeItem(at: workflow.folder) }
        let (db, _) = try await workflow.county()
        let file = workflow.folder.appendingPathComponent("password.txt")
        func hash() async throws -> String? {
            try await DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "SELECT password_hash FROM server_user WHERE name = 'wang'") }
        }

        try "太短了\n".write(to: file, atomically: true, encoding: .utf8)
        let short = try await DixianProcess.run(["user", "add", "--db", db, "--name", "wang", "--role", "village-cadre", "--area", "620621",
                                                 "--password-file", file.path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(short.status != 0 && short.errorOutput.contains("密码至少须有 8 个字符"), "\(short.errorOutput)")
        #expect(try await DixianProcess.run(["user", "list", "--db", db]).output.isEmpty, "nothing is written")

        try "第一个密码-2024\n".write(to: file, atomically: true, encoding: .utf8)
        let added = try await DixianProcess.run(["user", "add", "--db", db, "--name", "wang", "--role", "village-cadre", "--area", "620621",
                                                 "--password-file", file.path])
        #expect(added.status == 0, "\(added.errorOutput)")
        let first = try #require(try await hash())
        #expect(first.hasPrefix("$2") && !first.contains("第一个密码"))

        // A new token keeps the password; `user password` replaces it.
        #expect(try await DixianProcess.run(["user", "add", "--db", db, "--name", "wang", "--role", "village-cadre", "--area", "620621"]).status == 0)
        #expect(try await hash() == first)
        try "第二个密码-2025".write(to: file, atomically: true, encoding: .utf8)
        let changed = try await DixianProcess.run(["user", "password", "--db", db, "wang", "--password-file", file.path, "--actor", "县:管理员"])
        #expect(changed.status == 0, "\(changed.errorOutput)")
        let second = try #require(try await hash())
        #expect(second.hasPrefix("$2") && second != first)
        #expect(try await DixianProcess.run(["user", "password", "--db", db, "nobody", "--password-file", file.path]).status != 0)

        let trail = try await DatabaseQueue(path: db).read {
            try Row.fetchAll($0, sql: "SELECT actor, before, after FROM audit WHERE table_name = 'server_user' ORDER BY id")
        }
        #expect(trail.count == 3)
        #expect(!trail.contains { row in [first, second, "$2"].contains { ((row["before"] as String?) ?? "").contains($0) || ((row["after"] as String?) ?? "").contains($0) } })
        #expect((trail.last?["after"] as String?)?.contains("\"password_replaced\":true") == true && trail.last?["actor"] == "县:管理员")
        #expect(try await DixianProcess.run(["audit", "verify", "--db", db]).status == 0)
    }
}
