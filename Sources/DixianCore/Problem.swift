/// An entry in the problem ledger (问题台账): found, assigned, fixed and closed
/// (建立台账、拉条挂账、督办落实、办结销号).
public struct Problem: Hashable, Sendable {
    /// The problem's identifier in the registry.
    public var id: Int64
    /// The household it concerns, if it concerns one.
    public var householdNumber: String?
    /// Who found it (an inspection, a screening run, a department).
    public var foundBy: String
    /// When it was found.
    public var foundOn: LocalDate
    /// What is wrong.
    public var description: String
    /// The responsible unit.
    public var responsibleUnit: String
    /// The responsible person.
    public var responsiblePerson: String
    /// The measure to fix it (整改措施).
    public var measure: String
    /// The deadline (整改时限).
    public var deadline: LocalDate
    /// When it was closed, once it was.
    public var closedOn: LocalDate?
    /// The recorded fix that closed it.
    public var fix: String?

    /// A problem record.
    public init(
        id: Int64, householdNumber: String?, foundBy: String, foundOn: LocalDate, description: String,
        responsibleUnit: String, responsiblePerson: String, measure: String, deadline: LocalDate,
        closedOn: LocalDate? = nil, fix: String? = nil
    ) {
        self.id = id
        self.householdNumber = householdNumber
        self.foundBy = foundBy
        self.foundOn = foundOn
        self.description = description
        self.responsibleUnit = responsibleUnit
        self.responsiblePerson = responsiblePerson
        self.measure = measure
        self.deadline = deadline
        self.closedOn = closedOn
        self.fix = fix
    }
}
