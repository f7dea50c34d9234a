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

    /// A state.
    public init(pluginID: String, runID: Int64, fingerprint: String, asOf: LocalDate, area: String?, deadlines: Bool) {
        self.pluginID = pluginID
        self.runID = runID
        self.fingerprint = fingerprint
        self.asOf = asOf
        self.area = area
        self.deadlines = deadlines
    }

    /// True when the findings of `area` (nil: all) are current for a screening on `asOf` with
    /// `fingerprint`: screened on that date, with those rules, over an area that holds it.
    public func covers(area requested: String?, asOf date: LocalDate, fingerprint print: String) -> Bool {
        guard asOf == date, fingerprint == print else { return false }
        guard let area else { return true }
        return requested?.hasPrefix(area) ?? false
    }

    /// The state once run `id` (`run`, over `households` or when nil its whole area, with
    /// `fingerprint`; `deadlines` when it kept the deadline items of all it screened) is
    /// recorded over `previous`. A whole run makes its own state, keeping the wider area of a
    /// previous state of the same date and rules. A run of some households keeps a previous
    /// state of its date and rules; otherwise its plugin's findings are of mixed dates, and
    /// there is no state (nil) until the next whole run.
    public static func after(_ run: ScreeningRun, id: Int64, fingerprint: String, households: [String]?, deadlines: Bool,
                             previous: CurrentState?) -> CurrentState? {
        let same = previous.flatMap { $0.asOf == run.asOf && $0.fingerprint == fingerprint ? $0 : nil }
        if households == nil {
            if let same, same.covers(area: run.area, asOf: run.asOf, fingerprint: fingerprint) {
                return CurrentState(pluginID: run.pluginID, runID: id, fingerprint: fingerprint, asOf: run.asOf,
                                    area: same.area, deadlines: same.deadlines && deadlines)
            }
            return CurrentState(pluginID: run.pluginID, runID: id, fingerprint: fingerprint, asOf: run.asOf, area: run.area,
                                deadlines: deadlines)
        }
        guard var same else { return nil }
        same.runID = id
        same.deadlines = same.deadlines && deadlines
        return same
    }
}
