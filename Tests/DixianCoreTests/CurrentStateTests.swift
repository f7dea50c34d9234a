import DixianCore
import Testing

/// How a plugin's current state moves on (issue 23): a later date is reached by re-screening
/// the woken households only over the state's own area, and households screened ahead of the
/// state keep a wake-up date that any move of it reaches.
struct CurrentStateTests {
    let state = CurrentState(pluginID: "minqin", runID: 7, fingerprint: "f", asOf: LocalDate(iso: "2024-06-30")!, area: "620621",
                             deadlines: true, wakesOn: LocalDate(iso: "2024-08-01")!)

    @Test func aLaterDateIsReachedOnlyOverTheStatesOwnAreaWithTheSameRules() {
        let next = LocalDate(iso: "2024-07-01")!
        #expect(state.advances(to: next, area: "620621", fingerprint: "f"))
        #expect(!state.advances(to: next, area: "620621101", fingerprint: "f"), "a township would leave the county behind")
        #expect(!state.advances(to: next, area: "620621", fingerprint: "g"), "other rules")
        #expect(!state.advances(to: state.asOf, area: "620621", fingerprint: "f"), "the same date")
        #expect(!state.advances(to: LocalDate(iso: "2024-08-01")!, area: "620621", fingerprint: "f"), "a parameter changes on 08-01")
    }

    @Test func householdsScreenedAheadOfTheStateWakeTheDayAfterIt() {
        let ahead = LocalDate(iso: "2024-07-05")!
        let wakes = state.wakes(["1": LocalDate(iso: "2024-09-01")!, "3": LocalDate(iso: "2024-07-01")!],
                                ofChosen: ["1", "2", "3"], screenedOn: ahead)
        #expect(wakes == ["1": LocalDate(iso: "2024-07-01")!, "2": LocalDate(iso: "2024-07-01")!, "3": LocalDate(iso: "2024-07-01")!])
        let same = ["1": LocalDate(iso: "2024-09-01")!]
        #expect(state.wakes(same, ofChosen: ["1"], screenedOn: state.asOf) == same)
    }
}
