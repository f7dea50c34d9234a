import DixianCore
import GRDB

extension AssistancePlan: RegistryRow {
    static let table = "assistance_plan"
    static let columns = ["id", "household_number", "episode_id", "made_on", "adjusted_on"]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, householdNumber, episodeID, madeOn.description, adjustedOn?.description)
    }

    init(row: Row) throws {
        self.init(
            id: row["id"], householdNumber: row["household_number"], episodeID: row["episode_id"],
            madeOn: try row.date("made_on", in: Self.table), adjustedOn: try row.optionalDate("adjusted_on", in: Self.table))
    }
}

extension Measure: RegistryRow {
    static let table = "measure"
    static let columns = [
        "id", "plan_id", "type", "description", "responsible_unit", "responsible_person", "starts_on", "due_on", "done_on",
    ]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, planID, type.rawValue, description, responsibleUnit, responsiblePerson, startsOn.description,
                   dueOn.description, doneOn?.description)
    }

    init(row: Row) throws {
        self.init(
            id: row["id"], planID: row["plan_id"], type: try row.term("type", in: Self.table),
            description: row["description"], responsibleUnit: row["responsible_unit"],
            responsiblePerson: row["responsible_person"], startsOn: try row.date("starts_on", in: Self.table),
            dueOn: try row.date("due_on", in: Self.table), doneOn: try row.optionalDate("done_on", in: Self.table))
    }
}

extension Visit: RegistryRow {
    static let table = "visit"
    static let columns = ["id", "household_number", "visited_on", "visitor", "role", "notes"]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, householdNumber, visitedOn.description, visitor, role.rawValue, notes)
    }

    init(row: Row) throws {
        self.init(
            id: row["id"], householdNumber: row["household_number"], visitedOn: try row.date("visited_on", in: Self.table),
            visitor: row["visitor"], role: try row.term("role", in: Self.table), notes: row["notes"])
    }
}

extension Problem: RegistryRow {
    static let table = "problem"
    static let columns = [
        "id", "household_number", "found_by", "found_on", "description", "responsible_unit", "responsible_person",
        "measure", "deadline", "closed_on", "fix",
    ]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, householdNumber, foundBy, foundOn.description, description, responsibleUnit, responsiblePerson, measure,
                   deadline.description, closedOn?.description, fix)
    }

    init(row: Row) throws {
        self.init(
            id: row["id"], householdNumber: row["household_number"], foundBy: row["found_by"],
            foundOn: try row.date("found_on", in: Self.table), description: row["description"],
            responsibleUnit: row["responsible_unit"], responsiblePerson: row["responsible_person"],
            measure: row["measure"], deadline: try row.date("deadline", in: Self.table),
            closedOn: try row.optionalDate("closed_on", in: Self.table), fix: row["fix"])
    }
}
