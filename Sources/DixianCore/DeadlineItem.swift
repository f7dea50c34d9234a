/// A deadline's item for one household as a plugin gave it on an assessment date: work the
/// household still owes, or work done after its due date. A screening run keeps these current
/// beside the findings (issue 23), so that the due list is a query.
public struct DeadlineItem: Hashable, Sendable {
    /// The deadline's id.
    public var deadlineID: String
    /// The deadline's title.
    public var title: String
    /// The household.
    public var householdNumber: String
    /// Its 9-digit township code.
    public var townshipCode: String
    /// The responsible unit.
    public var responsible: String
    /// The responsible person, if the deadline named one.
    public var person: String?
    /// When it is due.
    public var dueOn: LocalDate
    /// When the work was done, after `dueOn`; nil for work still owed.
    public var doneOn: LocalDate?
    /// What is due, in the plugin's language.
    public var message: String

    /// An item.
    public init(deadlineID: String, title: String, householdNumber: String, townshipCode: String, responsible: String,
                person: String?, dueOn: LocalDate, doneOn: LocalDate?, message: String) {
        self.deadlineID = deadlineID
        self.title = title
        self.householdNumber = householdNumber
        self.townshipCode = townshipCode
        self.responsible = responsible
        self.person = person
        self.dueOn = dueOn
        self.doneOn = doneOn
        self.message = message
    }
}
