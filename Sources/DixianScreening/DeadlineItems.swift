import DixianCore
import DixianPlugins
import Synchronization

/// The deadline items a run gathers beside its findings, so that the due list can be read
/// instead of computed (issue 23): the plugin's deadlines on every batch the workers screen.
/// A deadline that raises, returns nonsense or is stopped on any batch, or parameters the
/// deadlines need but the plugin lacks, leave the items incomplete: the run then stores none
/// (`items` is nil) and `dixian due` computes the list as before, naming the failures. The
/// run names them too (`failures`), so that it is marked incomplete.
final class DeadlineItems: Sendable {
    private let running: Bool
    private struct State {
        var items: [DeadlineItem] = []
        var complete = true
        /// By deadline id (or the batch's stop): how many households failed, and the first message.
        var failures: [String: (count: Int, first: String)] = [:]
        var failureOrder: [String] = []

        mutating func note(_ key: String, _ message: String) {
            complete = false
            if let existing = failures[key] {
                failures[key] = (existing.count + 1, existing.first)
            } else {
                failures[key] = (1, message)
                failureOrder.append(key)
            }
        }
    }
    private let state = Mutex(State())

    /// Items gathered when `running`; none otherwise.
    init(running: Bool) { self.running = running }

    /// Runs the deadlines of `declarations` on `views` with `runtime` and keeps their items;
    /// returns the wake-up dates of `views` by position (`DeadlineOutcome.wakes`), each the day
    /// after `asOf` when the deadlines failed.
    func add(_ views: [HouseholdView], with runtime: PluginRuntime, declarations: [DeadlineDeclaration], asOf: LocalDate)
        -> [Int: LocalDate]
    {
        guard running, !declarations.isEmpty else { return [:] }
        let outcome: DeadlineOutcome
        do {
            outcome = try runtime.deadlines(views)
        } catch {
            state.withLock { $0.note("", "the deadlines were stopped on a batch of \(views.count) households: \(error)") }
            return Self.tomorrow(of: views, asOf)
        }
        guard outcome.failures.isEmpty else {
            state.withLock { state in
                for failure in outcome.failures {
                    state.note(declarations[failure.check].declaration.id,
                               "\(failure.message) (household \(views[failure.subject].household.number))")
                }
            }
            return Self.tomorrow(of: views, asOf)
        }
        let items = outcome.items.map { DeadlineItem($0, of: views[$0.subject], deadline: declarations[$0.deadline]) }
        state.withLock { $0.items += items }
        return outcome.wakes
    }

    /// The day after `asOf` for every one of `views`: when households whose deadlines failed are asked again.
    private static func tomorrow(of views: [HouseholdView], _ asOf: LocalDate) -> [Int: LocalDate] {
        let tomorrow = asOf.adding(days: 1)
        return Dictionary(uniqueKeysWithValues: views.indices.map { ($0, tomorrow) })
    }

    /// Every item gathered, or nil if the deadlines did not run on every household.
    var items: [DeadlineItem]? {
        guard running else { return nil }
        return state.withLock { $0.complete ? $0.items : nil }
    }

    /// The failures, one line per deadline (or per stop of a batch), as a run lists them.
    var failures: [String] {
        state.withLock { state in
            state.failureOrder.map { key in
                let (count, first) = state.failures[key]!
                let what = key.isEmpty ? "the deadlines" : "deadline \(key)"
                return count == 1 ? "\(what) failed once: \(first)" : "\(what) failed \(count) times; the first: \(first)"
            }
        }
    }
}
