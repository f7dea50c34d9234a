import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program run to its end, with what it printed and how it ended.
public struct ChildProcess: Sendable {
    /// Its exit status, or the number of the signal that killed it.
    public let status: Int32
    /// Whether it was killed by a signal rather than exiting.
    public let signalled: Bool
    /// The most memory this one child held: its `VmHWM` (`/proc/PID/status`), read every
    /// `samplingInterval` while it ran, the last time at most that long before it exited; the
    /// mark only rises, so what it misses is the growth of those last milliseconds.
    ///
    /// Neither `getrusage(RUSAGE_CHILDREN)` nor the child's own `ru_maxrss` (from `wait4`) will
    /// do: the first is the largest of every child the test process has waited for (tests in
    /// parallel start browsers and servers), and the second starts, at `exec`, from the peak of
    /// the test process itself (Linux keeps the larger of the old and the new image's mark).
    public let peakResidentBytes: Int
    /// What it wrote to standard output and standard error.
    public let output: String, errorOutput: String

    /// The most memory this process has held, in bytes.
    ///
    /// Tests run in parallel in this process, so a rise in it bounds what one test took only
    /// from above.
    public static func peakResidentBytesOfThisProcess() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// Runs `program` with `arguments` and waits for it.
    ///
    /// Spawned with `posix_spawn` and waited for with `waitpid`: Foundation's `Process` can miss
    /// the exit of a child while tests start in parallel, and wait for ever (and a server the
    /// program starts would hold a pipe open). `environment` is merged over this process's
    /// unless `inherit` is false, when it is the whole environment.
    public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:],
                           inherit: Bool = true) throws -> ChildProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("out").path, errorPath = folder.appendingPathComponent("err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let base = inherit ? ProcessInfo.processInfo.environment : [:]
        let variables = base.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var child = pid_t()
        let spawned = posix_spawn(&child, program, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw ChildProcessError(message: "\(program) could not be started: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var peak = 0
        while true {
            let waited = waitpid(child, &status, WNOHANG)
            if waited == child { break }
            guard waited == 0 || errno == EINTR else {
                throw ChildProcessError(message: "\(program) could not be waited for: \(String(cString: strerror(errno)))")
            }
            peak = max(peak, Self.highWaterMark(of: child) ?? 0)
            usleep(samplingInterval)
        }
        // The wait status's layout (<sys/wait.h>): the low seven bits are the killing signal, or 0
        // for an exit whose status is the next byte.
        let signal = status & 0x7F
        return ChildProcess(
            status: signal == 0 ? (status >> 8) & 0xFF : signal, signalled: signal != 0,
            peakResidentBytes: peak,
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            errorOutput: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }

    /// How often a running child's memory is read, in microseconds.
    public static let samplingInterval: UInt32 = 2_000

    /// The `VmHWM` of process `pid` in bytes; nil once it has exited (or never was).
    static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }
}

/// A program could not be started or waited for.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
