import DixianTestSupport
import Foundation
import Testing

/// An export killed with SIGKILL while it writes leaves the previous export in its folder
/// whole: the files are written into a hidden folder beside it, which replaces it only when
/// every file is written.
@Suite(.serialized)
struct ExportInterruptionTests {
    @Test func killedExportLeavesThePreviousExportWhole() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-export-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        let out = folder.appendingPathComponent("out")
        let generated = try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "20000", "--out", county, "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        let first = try await DixianProcess.run(["export", "--db", db, "--out", out.path])
        #expect(first.status == 0, "\(first.errorOutput)")
        let previous = try Self.files(in: out)
        let members = try #require(previous["members.csv"]).count
        #expect(members > 2 << 20)

        // Watched on a thread of its own: the wait polls every half millisecond.
        let killed = try await offThePool {
            var killed = false
            for _ in 1...3 where !killed {
                let process = Process()
                process.executableURL = DixianProcess.executable
                process.environment = DixianTestEnvironment.isolated
                process.arguments = ["export", "--db", db, "--out", out.path, "--unmasked", "--actor", "test"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                // Kill it once a members.csv it writes has 1 MiB but not all of its rows: in the
                // hidden folder, or (as exports once did) in the export's own folder, truncated.
                let deadline = Date().addingTimeInterval(60)
                while Date() < deadline, process.isRunning, !Self.writingMembers(beside: out, wholeSize: members) { usleep(500) }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                killed = process.terminationReason == .uncaughtSignal
            }
            return killed
        }
        #expect(killed, "the export finished before it could be killed, three times")
        #expect(try Self.files(in: out) == previous, "the previous export is not whole")

        // The next export finishes, and removes the hidden folder the killed one left.
        let again = try await DixianProcess.run(["export", "--db", db, "--out", out.path, "--unmasked", "--actor", "test"])
        #expect(again.status == 0, "\(again.errorOutput)")
        #expect(try Self.files(in: out).keys == previous.keys)
        #expect(try Self.files(in: out) != previous)  // ID numbers in full now
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") } == [])
    }

    /// Whether an export is writing members.csv beside or into `out` and has written more than
    /// 1 MiB of it but less than `wholeSize` bytes.
    static func writingMembers(beside out: URL, wholeSize: Int) -> Bool {
        let parent = out.deletingLastPathComponent()
        let hidden = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(".\(out.lastPathComponent).partial-") }
            .map { parent.appendingPathComponent($0) }
        for folder in hidden + [out] {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("members.csv").path)[.size] as? Int) ?? 0
            if size > 1 << 20 && size < wholeSize { return true }
        }
        return false
    }

    /// The files of `folder` by name.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}
