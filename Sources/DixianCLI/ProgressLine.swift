import DixianCore
import Foundation
import Synchronization

/// A long job's progress on standard error: the count done so far and the rate, redrawn in
/// place at most a few times a second, and cleared when the job ends. Only on a terminal:
/// when standard error is a file or a pipe it writes nothing, so logs and scripts see only
/// what the command prints at the end. Fed from any thread by `advance(by:)`, the library's
/// progress callback.
final class ProgressLine: Sendable {
    private struct State {
        var count = 0
        var lastDrawn: ContinuousClock.Instant?
        var drawn = false
    }

    private let job: ProgressTexts.Job
    private let language: Language
    private let output: Int32
    private let started = ContinuousClock.now
    private let state = Mutex(State())

    /// How long the line waits before it is redrawn.
    static let interval = Duration.milliseconds(200)

    /// A progress line for `job` in `language` on `output` (standard error), or nil when that
    /// is not a terminal.
    init?(_ job: ProgressTexts.Job, language: Language, output: Int32 = STDERR_FILENO) {
        guard isatty(output) == 1 else { return nil }
        self.job = job
        self.language = language
        self.output = output
    }

    /// Runs `body` with a progress callback for `job` in `language` (nil when standard error is
    /// not a terminal), and clears the line when it ends, however it ends.
    static func showing<T>(_ job: ProgressTexts.Job, in language: Language = ProgressTexts.language,
                           _ body: (_ progress: (@Sendable (Int) -> Void)?) throws -> T) rethrows -> T {
        let line = ProgressLine(job, language: language)
        defer { line?.finish() }
        return try body(line?.callback)
    }

    /// `showing(_:in:_:)` for a job that awaits.
    static func showing<T>(_ job: ProgressTexts.Job, in language: Language = ProgressTexts.language,
                           _ body: (_ progress: (@Sendable (Int) -> Void)?) async throws -> T) async rethrows -> T {
        let line = ProgressLine(job, language: language)
        defer { line?.finish() }
        return try await body(line?.callback)
    }

    /// `advance(by:)`, as the library's progress callback.
    private var callback: @Sendable (Int) -> Void {
        { [self] done in advance(by: done) }
    }

    /// Counts `done` more households or records, and redraws the line if it is time.
    func advance(by done: Int) {
        let now = ContinuousClock.now
        let text: String? = state.withLock { state in
            state.count += done
            if let last = state.lastDrawn, now - last < Self.interval { return nil }
            state.lastDrawn = now
            state.drawn = true
            return line(state.count, at: now)
        }
        if let text { write("\r" + text + "\u{1B}[K") }
    }

    /// Clears the line, before the command prints what it did.
    func finish() {
        if state.withLock({ $0.drawn }) { write("\r\u{1B}[K") }
    }

    private func line(_ count: Int, at now: ContinuousClock.Instant) -> String {
        let elapsed = now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int((Double(count) / seconds).rounded()) : 0
        return ProgressTexts.line(job, count: Self.grouped(count), rate: Self.grouped(rate), language)
    }

    /// `number` with a comma between each group of three digits (12,000).
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in _ = Foundation.write(output, buffer.baseAddress, buffer.count) }
    }
}
