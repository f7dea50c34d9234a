import DixianCore
import DixianPostgres
import DixianTestSupport
import Foundation
import Testing

/// Issue 22's connections: the URL's `sslmode`, `pool_size` and `pool_timeout`, an unknown
/// parameter refused, a pool that stays busy failing clearly instead of hanging, and a server
/// that goes away mid-command leaving nothing of the command behind.
@Suite struct PostgresConnectionTests {
    /// `url` with `query` appended.
    static func url(_ url: String, _ query: String) -> String { url + (url.contains("?") ? "&" : "?") + query }

    /// Ends every other connection to `url`'s database, as an administrator's
    /// pg_terminate_backend (or a server restart) would.
    static func terminateOthers(_ url: String) throws {
        #expect(try PostgresRegistryTests.psql(url, """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """))
    }

    /// The store error `body` throws.
    static func storeError(_ body: () throws -> Void) -> PostgresStoreError? {
        do {
            try body()
            return nil
        } catch {
            return error as? PostgresStoreError
        }
    }

    @Test func anUnknownSSLModeOrParameterOrAPoolOutOfRangeIsRefusedByName() throws {
        let cases: [(query: String, says: String)] = [
            ("sslmode=verify-ca", "sslmode 'verify-ca'"),
            ("sslmode=allow", "sslmode 'allow'"),
            ("sslmode=requir", "sslmode 'requir'"),
            ("ssl_mode=require", "unknown parameter 'ssl_mode'"),
            ("connect_timeout=3", "unknown parameter 'connect_timeout'"),
            ("pool_size=0", "pool_size must be a whole number from 1 to 100, not '0'"),
            ("pool_size=ten", "not 'ten'"),
            ("pool_timeout=-1", "pool_timeout must be"),
            ("sslmode=require&sslrootcert=/tmp/x.pem", "sslrootcert is used only with sslmode=verify-full"),
            ("sslmode=disable&sslmode=require", "gives 'sslmode' twice"),
        ]
        for (query, says) in cases {
            // Refused before any connection: the port is closed.
            let error = Self.storeError { _ = try PostgresRegistry(url: Self.url("postgres://dixian:secret@127.0.0.1:1/none", query)) }
            #expect(error?.kind == .invalidURL, "\(query): \(String(describing: error))")
            #expect(error?.message.contains(says) == true, "\(query): \(error?.message ?? "no error")")
            #expect(error?.message.contains("secret") != true)
        }
        let unreachable = Self.storeError { _ = try PostgresRegistry(url: "postgres://dixian@127.0.0.1:1/none?sslmode=disable") }
        #expect(unreachable?.kind == .unreachable)
        #expect(unreachable?.message.contains("cannot connect to the PostgreSQL server 127.0.0.1:1/none") == true, "\(String(describing: unreachable))")
    }

    @Test func requireFailsClearlyOnAServerWithoutTLSAndPreferAndDisableConnect() async throws {
        let url = try TestPostgres.newDatabase()
        for mode in ["require", "verify-full"] {
            let error = Self.storeError { _ = try PostgresRegistry(url: Self.url(url, "sslmode=\(mode)")) }
            #expect(error?.kind == .tls, "\(mode): \(String(describing: error))")
            #expect(error?.message.contains("does not accept TLS") == true, "\(mode): \(error?.message ?? "")")
        }
        for mode in ["prefer", "disable"] {
            let registry = try PostgresRegistry(url: Self.url(url, "sslmode=\(mode)"))
            try await registry.apply([.insert(.household(Fixtures.household))], as: "test")
            #expect(try await registry.household(number: Fixtures.household.number) != nil)
            try await registry.apply([.delete(.household(Fixtures.household))], as: "test")
        }
    }

    @Test func aPoolOfOneThatStaysBusyFailsWithinItsTimeout() async throws {
        let url = try TestPostgres.newDatabase()
        let registry = try PostgresRegistry(url: Self.url(url, "pool_size=1&pool_timeout=0.5"))
        try await registry.apply([.insert(.household(Fixtures.household))], as: "test")

        // A synchronous caller that needs a second connection while the only one is held.
        let started = ContinuousClock.now
        var nested: PostgresStoreError?
        try registry.forEachRecord(in: .household) { _ in
            nested = Self.storeError { _ = try registry.partitions(area: nil, size: 10) }
        }
        let waited = ContinuousClock.now - started
        #expect(nested?.kind == .poolExhausted)
        #expect(nested?.message.hasPrefix("the only connection to 127.0.0.1:") == true, "\(String(describing: nested))")
        #expect(nested?.message.contains("within 0.5 s") == true)
        #expect(waited >= .milliseconds(450) && waited < .seconds(5), "\(waited)")

        // A caller in Swift concurrency, while another thread holds the connection.
        let holding = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? registry.forEachRecord(in: .household) { _ in
                holding.signal()
                done.wait()
            }
        }
        holding.wait()
        do {
            _ = try await registry.household(number: Fixtures.household.number)
            Issue.record("a second connection was given beyond pool_size=1")
        } catch let error as PostgresStoreError {
            #expect(error.kind == .poolExhausted, "\(error)")
        }
        done.signal()
        // Given back, the connection serves the next caller.
        #expect(try await registry.household(number: Fixtures.household.number) != nil)

        // A waiter is served when the connection comes back within the timeout.
        let patient = try PostgresRegistry(url: Self.url(url, "pool_size=1&pool_timeout=20"))
        let held = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? patient.forEachRecord(in: .household) { _ in
                held.signal()
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
        held.wait()
        #expect(try await patient.household(number: Fixtures.household.number) != nil)
    }

    @Test func aServerGoneMidTransactionKeepsNothingAndSaysSo() async throws {
        let url = try TestPostgres.newDatabase()
        let registry = try PostgresRegistry(url: url)
        do {
            try await registry.apply(as: "test") { apply in
                try apply(.insert(.household(Fixtures.household)))
                try apply(.insert(.member(Fixtures.head)))   // the household's row is sent with this one
                try Self.terminateOthers(url)
                try apply(.insert(.member(Fixtures.spouse)))
                try apply(.update(.household(Fixtures.household)))
            }
            Issue.record("a transaction whose connection was ended reported success")
        } catch let error as PostgresStoreError {
            #expect(error.kind == .connectionLost, "\(error)")
            #expect(error.message.contains("the connection to the PostgreSQL server 127.0.0.1:"), "\(error.message)")
            #expect(error.message.contains("the command's changes were not kept"), "\(error.message)")
        }
        try await Task.sleep(for: .milliseconds(300))
        let again = try PostgresRegistry(url: url)
        #expect(try await again.household(number: Fixtures.household.number) == nil)
        #expect(try await again.members(ofHousehold: Fixtures.household.number).isEmpty)
        // The registry itself goes on, on a new connection.
        #expect(try await registry.household(number: Fixtures.household.number) == nil)
        try await registry.apply([.insert(.household(Fixtures.household))], as: "test")
        #expect(try await again.household(number: Fixtures.household.number) != nil)
    }

    @Test func aSessionHoldsItsChangesUntilCommitAndDropsThemOtherwise() async throws {
        let url = try TestPostgres.newDatabase()
        let session = try PostgresRegistry.session(url: url), other = try PostgresRegistry(url: url)
        let number = Fixtures.household.number
        try await session.apply([.insert(.household(Fixtures.household)), .insert(.member(Fixtures.head))], as: "县管理员:测试")
        #expect(session.uncommittedChanges == 1)
        #expect(try await session.household(number: number) != nil)
        #expect(try session.view(ofHousehold: number, asOf: Fixtures.reportDay)?.members.count == 1)
        #expect(try await other.household(number: number) == nil)

        // A refused change undoes itself only; so does a failed read.
        await #expect(throws: RegistryStoreError.self) {
            try await session.apply([.insert(.member(Fixtures.spouse)), .insert(.household(Fixtures.household))], as: "县管理员:测试")
        }
        await #expect(throws: RegistryStoreError.self) { _ = try await session.records(in: .household, where: "nope", equals: "x") }
        #expect(session.uncommittedChanges == 1)
        #expect(try await session.members(ofHousehold: number).count == 1)
        var records = 0
        try session.forEachRecord(in: .member) { _ in records += 1 }
        try session.forEachRecord(in: .member) { _ in records += 1 }
        #expect(records == 2)

        try session.commit()
        #expect(session.uncommittedChanges == 0)
        #expect(try await other.household(number: number) != nil)
        #expect(try await other.auditTrail(ofHousehold: number).map(\.actor) == ["县管理员:测试", "县管理员:测试"])

        var moved = Fixtures.household
        moved.helper = "王帮扶"
        try await session.apply([.update(.household(moved))], as: "县管理员:测试")
        #expect(try await session.household(number: number)?.helper == "王帮扶")
        try session.rollback()
        #expect(session.uncommittedChanges == 0)
        #expect(try await session.household(number: number)?.helper == "李帮扶")

        // A session released without commit() leaves nothing.
        do {
            let dropped = try PostgresRegistry.session(url: url)
            try await dropped.apply([.update(.household(moved))], as: "县管理员:测试")
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await other.household(number: number)?.helper == "李帮扶")
        try await other.apply([.update(.household(moved))], as: "another")   // not blocked by a dropped session's locks
    }

    /// A session's transaction outlives each call, so every cursor a call opens is closed by
    /// it: reading a run's findings twice in a session with a change pending works twice.
    @Test func aSessionReadsARunsFindingsTwiceWithAChangePending() async throws {
        let session = try PostgresRegistry.session(url: try TestPostgres.newDatabase())
        try await session.apply([.insert(.household(Fixtures.household))], as: "县管理员:测试")
        for _ in 0..<2 {
            var findings = 0
            try session.forEachFinding(ofRun: 1) { _ in findings += 1 }
            #expect(findings == 0)
        }
        try session.rollback()
    }

    /// A write session holds the audit lock until it commits: another writer waits for it five
    /// seconds at most and then fails as busy (retryable: the server answers 503), as on SQLite.
    @Test func aWriterBehindASessionFailsAsBusyInsteadOfWaitingForEver() async throws {
        let url = try TestPostgres.newDatabase()
        let session = try PostgresRegistry.session(url: url), other = try PostgresRegistry(url: url)
        try await session.apply([.insert(.household(Fixtures.household))], as: "县管理员:测试")
        var second = Fixtures.household
        second.number = String(Fixtures.household.number.dropLast()) + "9"
        do {
            try await other.apply([.insert(.household(second))], as: "another")
            Issue.record("a writer went through while a session held the audit lock")
        } catch let error as PostgresStoreError {
            #expect(error.isRetryable, "\(error)")
        }
        try session.rollback()
        try await other.apply([.insert(.household(second))], as: "another")
    }

    /// A URL that does not parse (a bare % in the password) is shown without its password.
    @Test func anUnparseableURLIsShownWithoutItsPassword() {
        let shown = PostgresRegistry.location(of: "postgres://dixian:se%cr et@127.0.0.1:5432/county")
        #expect(!shown.contains("se%cr"), "\(shown)")
        #expect(shown.hasPrefix("postgres://dixian:***@"))
    }

    @Test func aSessionWhoseConnectionIsLostSaysItsChangesAreGoneAndGoesOn() async throws {
        let url = try TestPostgres.newDatabase()
        let session = try PostgresRegistry.session(url: url)
        try await session.apply([.insert(.household(Fixtures.household))], as: "县管理员:测试")
        try Self.terminateOthers(url)
        try await Task.sleep(for: .milliseconds(300))
        do {
            _ = try await session.household(number: Fixtures.household.number)
            Issue.record("a session whose connection was ended went on as if nothing happened")
        } catch let error as PostgresStoreError {
            #expect(error.kind == .connectionLost)
            #expect(error.message.contains("the session's changes not yet committed were not kept"), "\(error.message)")
        }
        #expect(session.uncommittedChanges == 0)
        #expect(try await session.household(number: Fixtures.household.number) == nil)
        try await session.apply([.insert(.household(Fixtures.household))], as: "县管理员:测试")
        try session.commit()
        #expect(try await PostgresRegistry(url: url).household(number: Fixtures.household.number) != nil)
    }

    /// A private server with TLS on, its certificate self-signed for 127.0.0.1.
    static let tlsTools = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
        && FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/15/bin/initdb")

    @Test(.enabled(if: tlsTools)) func requireConnectsToATLSServerAndVerifyFullRefusesItsSelfSignedCertificate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("server.crt").path, key = folder.appendingPathComponent("server.key").path
        try TestPostgres.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        if getuid() == 0 { try TestPostgres.run("/bin/chown", ["postgres", key, certificate]) }
        try TestPostgres.run("/bin/chmod", ["600", key])
        let server = folder.appendingPathComponent("server").path
        let port = 30000 + Int(getpid() % 20000)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/postgres").path
        let started = try TestPostgres.run(script, ["start", server, String(port)], environment: [
            "DIXIAN_POSTGRES_OPTIONS": "-c fsync=off -c ssl=on -c ssl_cert_file=\(certificate) -c ssl_key_file=\(key)",
        ])
        defer { _ = try? TestPostgres.run(script, ["stop", server]) }
        let url = started.trimmingCharacters(in: .whitespacesAndNewlines)

        let encrypted = try PostgresRegistry(url: Self.url(url, "sslmode=require"))
        try await encrypted.apply([.insert(.household(Fixtures.household))], as: "test")
        #expect(try await encrypted.household(number: Fixtures.household.number) != nil)
        #expect(try await PostgresRegistry(url: Self.url(url, "sslmode=prefer")).household(number: Fixtures.household.number) != nil)

        let refused = Self.storeError { _ = try PostgresRegistry(url: Self.url(url, "sslmode=verify-full")) }
        #expect(refused?.kind == .tls, "\(String(describing: refused))")
        #expect(refused?.message.contains("TLS with the PostgreSQL server 127.0.0.1:\(port)/dixian failed") == true,
                "\(refused?.message ?? "")")
        // Trusting the certificate, verify-full connects: the chain and the host name check out.
        let trusted = try PostgresRegistry(url: Self.url(url, "sslmode=verify-full&sslrootcert=\(certificate)"))
        #expect(try await trusted.household(number: Fixtures.household.number) != nil)
    }
}
