/// What a plugin's current findings and deadline items were screened with, as of when and
/// over which area (issue 23): the record that lets `dixian screen --changed` re-screen only
/// what changed, and `dixian due` read the stored items instead of running the deadlines.
public struct CurrentState: Hashable, Sendable {
    /// The plugin.
    public var pluginID: String
    /// The run that last made the state what it is.
    public var runID: Int64
    /// The plugin chain's fingerprint (`PluginManifest.fingerprint(of:)`).
    public var fingerprint: String
    /// The assessment date every current finding and item of `area` was screened on.
    public var asOf: LocalDate
    /// The area (village-code prefix) a whole run screened; nil for the plugin's whole area.
    public var area: String?
    /// Whether the deadline items of `area` are current too (the deadlines ran on every
    /// household; no parameter they need was missing).
    public var deadlines: Bool
    /// The first date on which every household of `area` must be screened again, whatever its
    /// own wake-up date: a parameter's next dated value, or the day after a run some check or
    /// deadline failed in. Nil when no such date is known.
    public var wakesOn: LocalDate?
    /// The audit entry after which a change to an asset is not yet screened: read before the
    /// last run that screened the area's assets began. Assets belong to no household, so no
    /// household's mark stands for them.
    public var assetsSince: Int64

    /// A state.
    public init(pluginID: String, runID: Int64, fingerprint: String, asOf: LocalDate, area: String?, deadlines: Bool,
                wakesOn: LocalDate? = nil, assetsSince: Int64 = 0) {
        self.pluginID = pluginID
        self.runID = runID
        self.fingerprint = fingerprint
        self.asOf = asOf
        self.area = area
        self.deadlines = deadlines
        self.wakesOn = wakesOn
        self.assetsSince = assetsSince
    }

    /// True when the state can be moved on to `date` by re-screening only the households woken
    /// or changed since (`dixian screen --changed` on a later day): the same rules, the same
    /// area (a narrower one would leave the rest of the state's area behind on the old date),
    /// an earlier date, and no date in between on which everything must be screened again.
    public func advances(to date: LocalDate, area requested: String?, fingerprint print: String) -> Bool {
        asOf < date && fingerprint == print && (wakesOn.map { date < $0 } ?? true) && area == requested
    }

    /// True when the findings of `area` (nil: all) are current for a screening on `asOf` with
    /// `fingerprint`: screened on that date, with those rules, over an area that holds it.
    public func covers(area requested: String?, asOf date: LocalDate, fingerprint print: String) -> Bool {
        guard asOf == date, fingerprint == print else { return false }
        guard let area else { return true }
        return requested?.hasPrefix(area) ?? false
    }

    /// The state once run `id` (`run`, over `households` or when nil its whole area, with
    /// `fingerprint`; `deadlines` when it kept the deadline items of all it screened; `wakesOn`
    /// the date everything must be screened again by, after this run; `since` the audit entry
    /// read before it began) is recorded over `previous`. A whole run makes its own state,
    /// keeping the wider area of a previous state of the same date and rules. A run that
    /// `advances` (the households woken or changed since `previous` and every asset, on its
    /// date or a later one: see `advances(to:area:fingerprint:)`) moves `previous` on to its
    /// date. A run of some households keeps a previous state of its rules and of its
    /// date or an earlier one (their own answers are then of a later date, as the next
    /// advancing run would make them); otherwise its plugin's findings are of mixed dates, and
    /// there is no state (nil) until the next whole run.
    public static func after(_ run: ScreeningRun, id: Int64, fingerprint: String, households: [String]?, advances: Bool = false,
                             since: Int64 = 0, deadlines: Bool, wakesOn: LocalDate?, previous: CurrentState?) -> CurrentState? {
        let same = previous.flatMap { $0.asOf == run.asOf && $0.fingerprint == fingerprint ? $0 : nil }
        if households == nil {
            if let same, same.covers(area: run.area, asOf: run.asOf, fingerprint: fingerprint) {
                // A narrower area's run screened only its own assets: the wider state's mark stays.
                return CurrentState(pluginID: run.pluginID, runID: id, fingerprint: fingerprint, asOf: run.asOf,
                                    area: same.area, deadlines: same.deadlines && deadlines, wakesOn: Self.earlier(same.wakesOn, wakesOn),
                                    assetsSince: same.area == run.area ? since : same.assetsSince)
            }
            return CurrentState(pluginID: run.pluginID, runID: id, fingerprint: fingerprint, asOf: run.asOf, area: run.area,
                                deadlines: deadlines, wakesOn: wakesOn, assetsSince: since)
        }
        if advances, var moved = previous, moved.fingerprint == fingerprint,
           moved.asOf == run.asOf ? moved.covers(area: run.area, asOf: run.asOf, fingerprint: fingerprint)
                                  : moved.advances(to: run.asOf, area: run.area, fingerprint: fingerprint) {
            moved.runID = id
            moved.deadlines = moved.deadlines && deadlines
            moved.wakesOn = moved.asOf == run.asOf ? Self.earlier(moved.wakesOn, wakesOn) : wakesOn
            moved.asOf = run.asOf
            moved.assetsSince = moved.area == run.area ? since : moved.assetsSince
            return moved
        }
        guard var kept = previous, kept.fingerprint == fingerprint, kept.asOf <= run.asOf else { return nil }
        kept.runID = id
        kept.deadlines = kept.deadlines && deadlines
        kept.wakesOn = Self.earlier(kept.wakesOn, wakesOn)
        return kept
    }

    /// The wake-up dates to keep for `households`, chosen and screened on `date` with `wakes`,
    /// while this state stays on an earlier date (`after` keeps it): each no later than the day
    /// after the state's date, so that moving the state on to any later date, one before `date`
    /// included, screens them again on that date. The same `wakes` otherwise.
    public func wakes(_ wakes: [String: LocalDate], ofChosen households: [String], screenedOn date: LocalDate) -> [String: LocalDate] {
        guard asOf < date else { return wakes }
        let cap = asOf.adding(days: 1)
        var capped = wakes
        for household in households { capped[household] = min(wakes[household] ?? cap, cap) }
        return capped
    }

    /// The earlier of two dates, either of which may be missing.
    private static func earlier(_ a: LocalDate?, _ b: LocalDate?) -> LocalDate? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }
}
