import DixianCore
import Testing

struct HouseholdNumberTests {
    @Test func aHouseholdNumberIsItsVillageCodeAndFourDigits() {
        #expect(Household.numberProblem("6206211002010001", villageCode: "620621100201") == nil)
        #expect(Household.numberProblem("6206211002010001") == nil)
    }

    @Test(arguments: ["ABC", "../../etc", "<b>1</b>", "", "620621100201001", "62062110020100011", "６２０６２１１００２０１０００１",
                      "620621100201000a"])
    func aNumberThatIsNotSixteenDigitsIsRefused(_ number: String) {
        #expect(Household.numberProblem(number)?.english.contains("is not 16 digits") == true)
    }

    @Test func aNumberOfAnotherVillageIsRefused() {
        #expect(Household.numberProblem("6206211002020001", villageCode: "620621100201")?.english
            == "household number 6206211002020001 does not begin with its village code 620621100201")
    }

    @Test func aLongNumberIsShownShortened() throws {
        let message = try #require(Household.numberProblem(String(repeating: "x", count: 10_000_000)))
        #expect(message.english.count < 120 && message.text(in: .chinese).count < 120)
    }
}
