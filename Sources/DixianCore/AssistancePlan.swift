/// A 一户一策 assistance plan for a monitored household.
public struct AssistancePlan: Hashable, Sendable {
    /// The plan's identifier in the registry.
    public var id: Int64
    /// The household.
    public var householdNumber: String
    /// The monitoring episode the plan answers, if recorded.
    public var episodeID: Int64?
    /// When the plan was made.
    public var madeOn: LocalDate
    /// When it was last adjusted, if it was.
    public var adjustedOn: LocalDate?

    /// A plan record.
    public init(id: Int64, householdNumber: String, episodeID: Int64? = nil, madeOn: LocalDate, adjustedOn: LocalDate? = nil) {
        self.id = id
        self.householdNumber = householdNumber
        self.episodeID = episodeID
        self.madeOn = madeOn
        self.adjustedOn = adjustedOn
    }
}

/// One measure of an assistance plan.
public struct Measure: Hashable, Sendable {
    /// The measure's identifier in the registry.
    public var id: Int64
    /// The plan it belongs to.
    public var planID: Int64
    /// The kind of help.
    public var type: MeasureType
    /// What is to be done.
    public var description: String
    /// The responsible unit (责任单位).
    public var responsibleUnit: String
    /// The responsible person (责任人).
    public var responsiblePerson: String
    /// When it starts.
    public var startsOn: LocalDate
    /// When it is due.
    public var dueOn: LocalDate
    /// When it was done, once it was.
    public var doneOn: LocalDate?

    /// A measure record.
    public init(
        id: Int64, planID: Int64, type: MeasureType, description: String, responsibleUnit: String,
        responsiblePerson: String, startsOn: LocalDate, dueOn: LocalDate, doneOn: LocalDate? = nil
    ) {
        self.id = id
        self.planID = planID
        self.type = type
        self.description = description
        self.responsibleUnit = responsibleUnit
        self.responsiblePerson = responsiblePerson
        self.startsOn = startsOn
        self.dueOn = dueOn
        self.doneOn = doneOn
    }
}

/// A visit to a household (入户走访).
public struct Visit: Hashable, Sendable {
    /// The visit's identifier in the registry.
    public var id: Int64
    /// The household.
    public var householdNumber: String
    /// When.
    public var visitedOn: LocalDate
    /// Who visited.
    public var visitor: String
    /// In which role.
    public var role: VisitorRole
    /// What the visitor recorded.
    public var notes: String

    /// A visit record.
    public init(id: Int64, householdNumber: String, visitedOn: LocalDate, visitor: String, role: VisitorRole, notes: String = "") {
        self.id = id
        self.householdNumber = householdNumber
        self.visitedOn = visitedOn
        self.visitor = visitor
        self.role = role
        self.notes = notes
    }
}
