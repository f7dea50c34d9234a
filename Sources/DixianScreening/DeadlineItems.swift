import DixianCore
import DixianPlugins
import Synchronization

/// The deadline items a run gathers beside its findings, so that the due list can be read
/// instead of computed (issue 23): the plugin's deadlines on every batch the workers screen.
/// A deadline that raises, returns nonsense or is stopped on any batch, or parameters the
/// deadlines need but the plugin lacks, leave the items incomplete: the run then stores none
/// (`items` is nil) and `dixian due` computes the list as before, naming the failures.
final class DeadlineItems: Sendable {
    private let running: Bool
    private let state = Mutex<(items: [DeadlineItem], complete: Bool)>(([], true))

    /// Items gathered when `running`; none otherwise.
    init(running: Bool) { self.running = running }

    /// Runs the deadlines of `declarations` on `views` with `runtime` and keeps their items;
    /// returns the wake-up dates of `views` by position (`DeadlineOutcome.wakes`), each the day
    /// after `asOf` when the deadlines failed.
    func add(_ views: [HouseholdView], with runtime: PluginRuntime, declarations: [DeadlineDeclaration], asOf: LocalDate)
        -> [Int: LocalDate]
    {
        guard running, !declarations.isEmpty else { return [:] }
        guard let outcome = try? runtime.deadlines(views), outcome.failures.isEmpty else {
            state.withLock { $0.complete = false }
            let tomorrow = asOf.adding(days: 1)
            return Dictionary(uniqueKeysWithValues: views.indices.map { ($0, tomorrow) })
        }
        let items = outcome.items.map { DeadlineItem($0, of: views[$0.subject], deadline: declarations[$0.deadline]) }
        state.withLock { $0.items += items }
        return outcome.wakes
    }

    /// Every item gathered, or nil if the deadlines did not run on every household.
    var items: [DeadlineItem]? {
        guard running else { return nil }
        return state.withLock { $0.complete ? $0.items : nil }
    }
}
