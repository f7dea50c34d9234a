import DixianCore
import Testing

/// Money is exact: parsed from yuan text, summed in fen, printed back the same way.
struct MoneyTests {
    @Test(arguments: [("7800", 780_000), ("7800.5", 780_050), ("7800.05", 780_005), ("-12.30", -1_230), ("0", 0)])
    func yuanTextParses(text: String, fen: Int64) {
        #expect(Money(yuan: text)?.fen == fen)
    }

    @Test(arguments: ["", "-", "12.", ".5", "1.234", "1e3", "12,000", "１２", "12 ", "--1"])
    func malformedYuanTextIsRefused(text: String) {
        #expect(Money(yuan: text) == nil)
    }

    @Test func printsAsYuanAndRoundTrips() {
        for text in ["7800", "7800.50", "-12.05", "0.01", "0"] {
            #expect(Money(yuan: text)?.description == text)
        }
        #expect(Money(yuan: "7800.5")?.description == "7800.50")
    }

    @Test func netIncomeFollowsTheCommonFormula() {
        let income = IncomeRecord(
            householdNumber: "1", year: 2024, wage: Money(yuan: 24000), operating: Money(yuan: 6000),
            property: .zero, transfer: Money(yuan: 3600), productionCosts: Money(yuan: 2400))
        #expect(income.netIncome == Money(yuan: 31200))
        #expect(income.perCapitaNetIncome(size: 4) == Money(yuan: 7800))
    }
}

/// Official terms read either as their identifier or as the Chinese name on the forms.
struct OfficialTermTests {
    @Test func termsReadInEitherLanguage() {
        #expect(HouseholdCategory(term: "脱贫户") == .lifted)
        #expect(HouseholdCategory(term: "monitored") == .monitored)
        #expect(MonitoredKind(term: "突发严重困难户") == .suddenHardship)
        #expect(RiskType(term: "因安全饮水") == .drinkingWater)
        #expect(RiskType(term: "因病致贫") == nil)
        #expect(RiskType.allCases.count == 11)
    }

    @Test func identifiersAndNamesAreUnique() {
        func check<T: OfficialTerm>(_: T.Type) {
            #expect(Set(T.allCases.map(\.rawValue)).count == T.allCases.count)
            #expect(Set(T.allCases.map(\.chineseName)).count == T.allCases.count)
        }
        check(HouseholdCategory.self); check(MonitoredKind.self); check(LaborCapacity.self)
        check(HealthCondition.self); check(SchoolStage.self); check(SchoolStatus.self); check(RiskType.self)
        check(DiscoveryChannel.self); check(MonitoringStatus.self); check(Department.self)
        check(MeasureType.self); check(VisitorRole.self); check(AssetClass.self); check(AssetStatus.self)
    }

    @Test func areaLevelsArePrefixesOfTheVillageCode() throws {
        let area = try #require(Area(villageCode: "620621100201", group: "三组"))
        #expect(area.countyCode == "620621")
        #expect(area.townshipCode == "620621100")
        #expect(area.isWithin("6206"))
        #expect(Area(villageCode: "62062110020") == nil)
    }
}

/// Amounts as long as anyone types never trap: too many digits is a refusal, zeros past the
/// second decimal are read.
struct MoneyParsingLimitsTests {
    @Test(arguments: ["99999999999999999999", "-99999999999999999999", "1000000000000000", String(repeating: "9", count: 10_000)])
    func tooManyWholeDigitsAreRefusedAsTooLargeWithoutTrapping(text: String) {
        #expect(Money.parse(yuan: text) == .tooLarge)
        #expect(Money(yuan: text) == nil)
    }

    @Test func fifteenWholeDigitsAndLeadingZerosAreRead() {
        #expect(Money(yuan: "999999999999999.99")?.fen == 99_999_999_999_999_999)
        #expect(Money(yuan: "0000000000000000000012.5")?.fen == 1_250)
    }

    @Test func decimalsPastTheSecondAreReadOnlyWhenTheyAreZeros() {
        #expect(Money.parse(yuan: "0.99999999999999999999") == .tooManyDecimals)
        #expect(Money.parse(yuan: "1.234") == .tooManyDecimals)
        #expect(Money(yuan: "7800.50000000000000000000000")?.fen == 780_050)
        #expect(Money(yuan: "12.000")?.fen == 1_200)
    }
}
