import DixianCore
import Synchronization

/// The wake-up dates a run gathers beside its findings (issue 23): for each household screened,
/// the earliest of what its checks and deadlines read of the date (`BatchOutcome.wakes`) and
/// its members' next birthdays (a view counts ages on its date). `dixian screen --changed` on a
/// later day re-screens the households woken by then instead of the whole area.
final class WakeDates: Sendable {
    private let found = Mutex<[String: LocalDate]>([:])

    /// Adds the wake-up dates of `views`, screened on `asOf`: `checks` and `deadlines` by
    /// 0-based position in `views`.
    func add(_ views: [HouseholdView], asOf: LocalDate, checks: [Int: LocalDate], deadlines: [Int: LocalDate]) {
        var batch: [(String, LocalDate)] = []
        batch.reserveCapacity(views.count)
        for (index, view) in views.enumerated() {
            var wake = view.members.lazy.compactMap { $0.nextBirthday(after: asOf) }.min()
            for date in [checks[index], deadlines[index]] {
                if let date, wake.map({ date < $0 }) ?? true { wake = date }
            }
            if let wake { batch.append((view.household.number, wake)) }
        }
        found.withLock { found in
            for (household, wake) in batch { found[household] = wake }
        }
    }

    /// Every household's wake-up date gathered.
    var wakes: [String: LocalDate] { found.withLock { $0 } }
}
