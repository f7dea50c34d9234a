/// A store whose audit trail is chained: each entry carries the hash of its predecessor's
/// hash and its own content, so that an entry changed, removed, added or moved behind the
/// store's back (raw SQL, a dropped trigger) breaks the chain where it was done.
public protocol AuditChainStore: Sendable {
    /// Walks the whole trail in order and says whether the chain holds, or where it first breaks.
    func verifyAuditTrail() async throws -> AuditVerification
}

/// What `AuditChainStore.verifyAuditTrail()` found.
public enum AuditVerification: Hashable, Sendable {
    /// Every entry is in place and untouched.
    case intact(entries: Int)
    /// The first entry where the chain breaks, after `entriesBefore` good ones.
    case broken(AuditChainBreak, entriesBefore: Int)
}

/// The first entry of a trail where the chain breaks, and what is wrong there.
public struct AuditChainBreak: Hashable, Sendable, CustomStringConvertible {
    /// What was done to the trail, as far as the chain can tell.
    public enum Kind: String, Sendable {
        /// The entry's fields are not those it was written with.
        case changedContent = "changed content"
        /// Entries before this one were removed.
        case deletedEntry = "deleted entry"
        /// The entry was not written by Dixian (no hash, or a chain that does not lead to it).
        case insertedEntry = "inserted entry"
        /// The entry was moved: it is dated before the entry before it.
        case reordered
    }

    /// The entry's id.
    public var id: Int64
    /// Its time, as stored.
    public var at: String
    /// Its table, as stored.
    public var table: String
    /// What is wrong.
    public var kind: Kind
    /// Why, in a sentence.
    public var detail: String

    public init(id: Int64, at: String, table: String, kind: Kind, detail: String) {
        self.id = id
        self.at = at
        self.table = table
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "entry \(id) (\(at), \(table)): \(kind.rawValue): \(detail)" }
}

/// The audit chain's rules, the same for every store: what of an entry is hashed, and how a
/// walk through the trail in id order finds the first break. The hash function (SHA-256) is
/// the store's, since the core imports nothing.
public struct AuditChain {
    /// One entry as stored, with the chain's record of it (nil: none).
    public struct Entry {
        public var id: Int64
        public var at: String
        public var actor: String
        public var table: String
        public var key: String
        public var householdNumber: String?
        public var action: String
        public var before: String?
        public var after: String?
        /// The predecessor's hash recorded when the entry was sealed.
        public var previous: [UInt8]?
        /// The entry's hash recorded when it was sealed.
        public var hash: [UInt8]?

        public init(id: Int64, at: String, actor: String, table: String, key: String, householdNumber: String?,
                    action: String, before: String?, after: String?, previous: [UInt8]? = nil, hash: [UInt8]? = nil) {
            self.id = id
            self.at = at
            self.actor = actor
            self.table = table
            self.key = key
            self.householdNumber = householdNumber
            self.action = action
            self.before = before
            self.after = after
            self.previous = previous
            self.hash = hash
        }

        /// What the chain hashes after the predecessor's hash: every field but the id, each
        /// as a marker byte (0: NULL, 1: text), a 4-byte big-endian length and its UTF-8 bytes,
        /// so that no two different entries read the same.
        public var content: [UInt8] {
            var bytes: [UInt8] = []
            for field in [at, actor, table, key, householdNumber, action, before, after] as [String?] {
                guard let field else {
                    bytes.append(0)
                    continue
                }
                let utf8 = Array(field.utf8)
                bytes.append(1)
                for shift in [24, 16, 8, 0] { bytes.append(UInt8(truncatingIfNeeded: utf8.count >> shift)) }
                bytes += utf8
            }
            return bytes
        }
    }

    /// SHA-256 of its input.
    public let sha256: ([UInt8]) -> [UInt8]
    /// The hash of the last entry walked ([] before the first).
    private var last: (id: Int64, at: String, table: String, hash: [UInt8])?
    /// How many entries were walked and found good.
    public private(set) var count = 0

    public init(sha256: @escaping ([UInt8]) -> [UInt8]) { self.sha256 = sha256 }

    /// The hash of an entry with `content` following one whose hash is `previous`.
    public func hash(previous: [UInt8], content: [UInt8]) -> [UInt8] { sha256(previous + content) }

    /// For an entry whose content does not match its own hash: the id of the entry (among
    /// `seals`, the chain's records of its neighbours) whose hash its content does match, if
    /// any: the entry was moved from there.
    public func movedFrom(_ entry: Entry, among seals: [(id: Int64, previous: [UInt8], hash: [UInt8])]) -> Int64? {
        let content = entry.content
        return seals.first { $0.id != entry.id && hash(previous: $0.previous, content: content) == $0.hash }?.id
    }

    /// Takes the next entry in id order: nil if the chain holds up to it, or what is wrong there.
    public mutating func check(_ entry: Entry) -> AuditChainBreak? {
        func broken(_ kind: AuditChainBreak.Kind, _ detail: String) -> AuditChainBreak {
            AuditChainBreak(id: entry.id, at: entry.at, table: entry.table, kind: kind, detail: detail)
        }
        guard let previous = entry.previous, let stored = entry.hash else {
            return broken(.insertedEntry, "it has no hash: it was not written by Dixian")
        }
        if hash(previous: previous, content: entry.content) != stored {
            if let last, entry.at < last.at {
                return broken(.reordered, "it is dated before entry \(last.id) (\(last.at)), which comes before it")
            }
            return broken(.changedContent, "its fields are not those it was written with")
        }
        let expected = last?.hash ?? []
        if previous != expected {
            let after = last.map { "entry \($0.id)" } ?? "the start of the trail"
            if let last, entry.id == last.id + 1, previous.isEmpty == false {
                return AuditChainBreak(id: last.id, at: last.at, table: last.table, kind: .insertedEntry,
                                       detail: "entry \(entry.id) was written after another entry: this one was put in between")
            }
            return broken(.deletedEntry, "the entry written before it is no longer there after \(after)")
        }
        last = (entry.id, entry.at, entry.table, stored)
        count += 1
        return nil
    }
}
