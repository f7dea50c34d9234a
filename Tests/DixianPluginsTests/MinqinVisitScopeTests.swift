import DixianPlugins
import Foundation
import Testing

/// Minqin's visit check and its due list read the same parameters: a county that lists the
/// villages with a resident work team (resident_team_villages) gets neither a finding nor a due
/// item for the team's visits elsewhere (issue 18). Specs cannot set a parameter, so a plugin
/// extending Minqin does.
@Suite(.serialized)
struct MinqinVisitScopeTests {
    let plugins = TemporaryPlugins()

    @Test func aMonitoredHouseholdOutsideTheTeamsVillagesOwesTheTeamNothing() throws {
        defer { plugins.remove() }
        try plugins.write("minqin-villages", extends: "minqin", [
            "parameters.lua": "dixian.parameter('resident_team_villages', { override = true, value = { '620621100201' } })",
            "spec/visits.lua": """
                dixian.spec('monitored in 620621101001, no team visit in May, its helper visited each quarter', {
                  as_of = '2024-06-30',
                  household = {
                    category = 'monitored', monitored_kind = 'marginal', members = { { age = 40 } },
                    incomes = { { year = 2023, wage = 40000 } },
                    episodes = { { reported_on = '2024-01-02', identified_on = '2024-01-10', risk_types = { 'illness' } } },
                    plans = { { made_on = '2024-01-15' } },
                    visits = { { visited_on = '2024-03-02', role = 'helper' }, { visited_on = '2024-04-02', role = 'helper' } },
                  },
                  excludes = { 'minqin.visit-frequency' },
                  due = {},
                })
                """,
        ])
        let catalog = plugins.catalog
        let results = try PluginSpecRunner.run(chain: catalog.chain(for: catalog.plugin("minqin-villages")))
        #expect(results.count == 1)
        for result in results where !result.passed {
            Issue.record("\(result.location) \(result.name): \(result.problems.map(\.english).joined(separator: "; "))")
        }
    }
}
