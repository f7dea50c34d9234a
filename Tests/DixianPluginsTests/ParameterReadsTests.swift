@testable import DixianPlugins
import Testing

/// Which parameters a script reads: only through the API's ways, and never in a comment.
struct ParameterReadsTests {
    @Test func theAPIsWaysOfReadingAParameterAreSeen() {
        let code = """
            local line = ctx.params.monitoring_line
            local share = ctx.params['income_drop_share'] + ctx.params["grading"].yellow_margin
            local earlier = ctx.param('plan_deadline_days', '2023-01-01')
            """
        #expect(ParameterReads.read(in: code) == ["monitoring_line", "income_drop_share", "grading", "plan_deadline_days"])
    }

    @Test func aFieldOfTheSameNameOrANameInACommentIsNotARead() {
        let code = ParameterReads.code(of: """
            local age = m.age -- ctx.params.age_line is the county's
            --[[ a block comment: ctx.params.age_line
            and ctx.param('other') ]]
            --[==[ ctx.params.level_two ]==]
            local text = 'not -- a comment: ctx.params.in_string'
            return ctx.params.kept
            """)
        #expect(ParameterReads.read(in: code) == ["in_string", "kept"])
        #expect(!code.contains("age_line") && !code.contains("other") && !code.contains("level_two"))
    }
}
