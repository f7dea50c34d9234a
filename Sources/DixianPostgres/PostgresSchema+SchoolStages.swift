import DixianCore

/// Migration v5: the one vocational school stage (`vocational`, 中职 or 高职) becomes two,
/// `secondary-vocational` (中职) and `higher-vocational` (高职/大专), so that rules can tell a
/// secondary school from a 全日制普通高校 (seed 001 名词解释3②).
extension PostgresSchema {
    /// The member table's `school_stage` CHECK as v1 created it: frozen, so that v1 builds today
    /// the table it built then, and v5 has the same constraint to replace.
    static let schoolStagesBeforeV5 =
        "school_stage IN ('preschool', 'primary', 'junior-secondary', 'senior-secondary', 'vocational', 'tertiary')"

    /// The actor of the audit entries that record v5's changes to members.
    static let vocationalStagesActor = "migration v5: 中职 and 高职 told apart"

    /// Swaps the member table's `school_stage` CHECK for one of today's stages. A member recorded
    /// `vocational` becomes `secondary-vocational`: the conservative reading, it makes no one
    /// a 全日制普通高校 student who may not be one (a 高职 student read as 中职 may be missed by
    /// Ningxia's 名词解释3② until the record is corrected; Minqin's 六必查 counts both), and the
    /// registry cannot tell which one it holds. The change goes through the audit trigger (as
    /// made by `vocationalStagesActor`), so each member's trail shows it and the chain stays sealed.
    static var vocationalStages: String {
        """
        SELECT set_config('dixian.actor', '\(vocationalStagesActor)', true);
        ALTER TABLE member DROP CONSTRAINT member_school_stage_check;
        UPDATE member SET school_stage = 'secondary-vocational' WHERE school_stage = 'vocational';
        ALTER TABLE member ADD CONSTRAINT member_school_stage_check \(oneOf("school_stage", SchoolStage.self));
        SELECT set_config('dixian.actor', '', true);
        """
    }
}
