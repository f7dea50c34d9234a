import DixianCore
import Foundation
import GRDB

/// Migration v9: the one vocational school stage (`vocational`, 中职 or 高职) becomes two,
/// `secondary-vocational` (中职) and `higher-vocational` (高职/大专), so that rules can tell a
/// secondary school from a 全日制普通高校 (seed 001 名词解释3②).
extension RegistrySchema {
    /// The member table's `school_stage` CHECK as v1 created it and v2 kept it: frozen, so that
    /// those migrations build today the table they built then, and v9 has the same table to change.
    static let schoolStagesBeforeV9 =
        "school_stage IN ('preschool', 'primary', 'junior-secondary', 'senior-secondary', 'vocational', 'tertiary')"

    /// The actor of the audit entries that record v9's changes to members.
    static let vocationalStagesActor = "migration v9: 中职 and 高职 told apart"

    /// Rebuilds the member table with the stages of today in its CHECK (SQLite cannot change a
    /// CHECK in place), as the table stands, whatever columns the migrations before this one gave
    /// it: its stored definition with the CHECK swapped, its rows copied, its indexes and triggers
    /// (the audit trail's among them) created again from their stored SQL.
    ///
    /// A member recorded `vocational` becomes `secondary-vocational`: the conservative reading,
    /// it makes no one a 全日制普通高校 student who may not be one (a 高职 student read as 中职 may
    /// be missed by Ningxia's 名词解释3② until the record is corrected; Minqin's 六必查 counts
    /// both), and the registry cannot tell which one it holds. Each such change is written to the
    /// audit trail (an update by `vocationalStagesActor`) and sealed, so that a member's trail
    /// shows it and the county can find the members to check again.
    static func separateVocationalStages(_ db: Database) throws {
        guard let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'member'"),
              let body = create.firstIndex(of: "("),
              create.components(separatedBy: schoolStagesBeforeV9).count == 2
        else {
            throw DatabaseError(message: "v9 cannot find the member table's school_stage CHECK of before v9 (\(schoolStagesBeforeV9))")
        }
        let rebuilt = "CREATE TABLE member_v9 "
            + create[body...].replacingOccurrences(of: schoolStagesBeforeV9, with: oneOf("school_stage", SchoolStage.self))
        let kept = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'member' AND sql IS NOT NULL
            ORDER BY type, name
            """)
        let columns = try db.columns(in: "member").map(\.name)
        let mapped = columns.map { $0 == "school_stage" ? "CASE school_stage WHEN 'vocational' THEN 'secondary-vocational' ELSE school_stage END" : $0 }
        let start = try AuditSeal.lastEntry(db)
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: """
            \(rebuilt);
            INSERT INTO member_v9 (\(columns.joined(separator: ", "))) SELECT \(mapped.joined(separator: ", ")) FROM member;
            """)
        try AuditTrail.auditRebuild(
            ofTable: "member", into: "member_v9", changed: "O.school_stage = 'vocational'", actor: vocationalStagesActor, in: db)
        try db.execute(sql: """
            DROP TABLE member;
            ALTER TABLE member_v9 RENAME TO member;
            \(kept.map { $0 + ";" }.joined(separator: "\n"))
            """)
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        try AuditSeal.seal(after: start, in: db)
    }
}
