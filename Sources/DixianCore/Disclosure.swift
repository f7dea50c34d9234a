/// A disclosure of personal data: ID numbers written out in full (an unmasked export), by
/// whom, when and where to. Kept apart from the change trail, append-only.
public struct Disclosure: Hashable, Sendable {
    /// When, in UTC, to the millisecond; set by the store.
    public var at: String
    /// Who asked for it.
    public var actor: String
    /// What was disclosed (`unmasked export`).
    public var action: String
    /// Where it went (the folder or file written).
    public var destination: String
    /// How many records it held.
    public var records: Int

    /// A disclosure (the store sets `at` when it records it).
    public init(at: String = "", actor: String, action: String, destination: String, records: Int) {
        self.at = at
        self.actor = actor
        self.action = action
        self.destination = destination
        self.records = records
    }
}
