import DixianCore

extension DeadlineItem {
    /// The item `item` of deadline `deadline` gave for household `view`.
    public init(_ item: DeadlineOutcome.Item, of view: HouseholdView, deadline: DeadlineDeclaration) {
        self.init(
            deadlineID: deadline.declaration.id, title: deadline.declaration.title, householdNumber: view.household.number,
            townshipCode: view.household.area.townshipCode, responsible: item.responsible ?? deadline.responsible,
            person: item.person.flatMap { $0.isEmpty ? nil : $0 }, dueOn: item.dueOn, doneOn: item.doneOn, message: item.message)
    }
}
