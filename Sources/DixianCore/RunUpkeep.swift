/// What a screening run keeps current beside its findings (issue 23), handed to the store once
/// the run has screened everything (`ScreeningRunStore.recordScreening`).
public struct RunUpkeep: Sendable {
    /// The deadline items of the households screened; nil when the deadlines did not run on
    /// every one of them (the due list is then computed afresh).
    public var deadlineItems: [DeadlineItem]?
    /// The wake-up date of each household screened: the first date on which its findings or
    /// deadline items may change with nothing changed in the registry (what its checks read of
    /// the date, its members' next birthdays). A household left out has none.
    public var wakes: [String: LocalDate]
    /// The first date on which every household must be screened again (see
    /// `CurrentState.wakesOn`), nil when none is known.
    public var wakesOn: LocalDate?

    /// The upkeep of a run.
    public init(deadlineItems: [DeadlineItem]?, wakes: [String: LocalDate] = [:], wakesOn: LocalDate? = nil) {
        self.deadlineItems = deadlineItems
        self.wakes = wakes
        self.wakesOn = wakesOn
    }
}
