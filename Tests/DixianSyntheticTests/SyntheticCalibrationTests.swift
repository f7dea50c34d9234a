import DixianCore
import DixianSynthetic
import DixianTestSupport
import Foundation
import Testing

/// Each shipped county, drawn at 10,000 households with a fixed seed, meets the figures its
/// profile cites, within the tolerance stated per figure, and its households are consistent
/// with themselves.
struct SyntheticCalibrationTests {
    static let households = 10_000

    /// A generated county's records, kept for the consistency checks.
    struct County {
        var profile: CountyProfile
        var statistics = CountyStatistics()
        var households: [Household] = []
        var members: [String: [Member]] = [:]
        var incomes: [String: [IncomeRecord]] = [:]
        var surveys: [String: GuaranteeSurvey] = [:]
        var monitored: Set<String> = []
        var pending: Set<String> = []
    }

    /// The county drawn on a thread of its own (`offThePool`): it computes for tens of seconds.
    static func county(_ id: String) async throws -> County {
        try await offThePool { try drawn(id) }
    }

    static func drawn(_ id: String) throws -> County {
        let synthetic = try SyntheticCounty.load(plugin: id, from: [SyntheticCountyTests.plugins], households: households, seed: 1)
        var county = County(profile: synthetic.profile)
        try synthetic.generate { record, size in
            county.statistics.add(record, householdSize: size)
            switch record {
            case .household(let household): county.households.append(household)
            case .member(let member): county.members[member.householdNumber, default: []].append(member)
            case .income(let income): county.incomes[income.householdNumber, default: []].append(income)
            case .guaranteeSurvey(let survey): county.surveys[survey.householdNumber] = survey
            case .monitoringEpisode(let episode) where episode.status != .eliminated: county.pending.insert(episode.householdNumber)
            default: break
            }
        }
        return county
    }

    /// How far a measured figure may lie from its target: shares within a tenth of the target
    /// (of its complement, near one) or three standard errors of a sample of `n`, whichever is
    /// wider; the rest as stated.
    static func tolerance(_ figure: CalibratedFigure, target: Double, statistics: CountyStatistics) -> Double {
        switch figure {
        case .householdSize: return 0.03 * target
        case .sexRatio: return 3
        case .incomeMedian: return 0.05 * target
        case .incomeGrowth: return 0.01
        case .children, .elderly: return 0.02
        default:
            let persons = Double(households) * statistics.value(.householdSize)
            let perPerson: Set<CalibratedFigure> = [.disability, .minimumLivingAllowance, .extremePoverty, .medicalInsurance, .wageWork]
            var n = perPerson.contains(figure) ? persons : Double(households)
            if figure == .incomeFell { n *= statistics.value(.liftedHouseholds) }
            if figure == .medicalInsurance || figure == .wageWork { n = persons * statistics.value(.liftedHouseholds) }
            // A tenth of the share or of its complement, whichever is smaller (99.5% insured may
            // not pass as 90%), or three standard errors.
            return max(0.1 * min(target, 1 - target), 3 * (target * (1 - target) / max(n, 1)).squareRoot())
        }
    }

    @Test(arguments: ["minqin", "xiaoxian", "binxian", "yanchi"])
    func everyCalibratedFigureIsWithinToleranceOfItsCitedTarget(county id: String) async throws {
        let county = try await Self.county(id)
        for name in CalibratedFigure.allCases {
            let figure = county.profile.figure(name)
            let measured = county.statistics.value(name)
            let allowed = Self.tolerance(name, target: figure.value, statistics: county.statistics)
            #expect(abs(measured - figure.value) <= allowed,
                    "\(id) \(name.rawValue): \(measured) is not within \(allowed) of \(figure.value) (\(figure.source))")
            #expect(county.profile.sources[figure.source] != nil)
        }
    }

    @Test(arguments: ["minqin", "xiaoxian", "binxian", "yanchi"])
    func householdsAreConsistentWithThemselves(county id: String) async throws {
        let county = try await Self.county(id)
        let asOf = SyntheticCounty.asOf
        func perCapita(_ household: Household) -> Double? {
            guard let members = county.members[household.number], let latest = county.incomes[household.number]?.max(by: { $0.year < $1.year })
            else { return nil }
            return Double(latest.netIncome.fen) / 100 / Double(members.count)
        }
        var allowance: [Double] = [], general: [Double] = []
        var belowLine = 0
        let line = Double(county.profile.monitoringLine(asOf.year))
        for household in county.households {
            let members = county.members[household.number] ?? []
            // 特困: no one able to work in the household.
            if household.flags.contains(.extremePovertySupport) {
                #expect(members.allSatisfy { $0.laborCapacity == .none }, "\(household.number) is 特困 with someone able to work")
                #expect(members.count <= 2)
            }
            if household.flags.contains(.noMemberAbleToWork) {
                #expect(members.allSatisfy { $0.laborCapacity == .none })
            }
            if let income = perCapita(household) {
                if household.flags.contains(.minimumLivingAllowance) { allowance.append(income) }
                if household.category == .general && household.flags.isDisjoint(with: [.minimumLivingAllowance, .extremePovertySupport]) {
                    general.append(income)
                }
                if household.category != .monitored && !county.pending.contains(household.number) && income < line { belowLine += 1 }
            }
            // Every child of compulsory age is at school, or recorded as out of it; at 15, in
            // junior or senior secondary school.
            for member in members {
                let age = member.age(on: asOf)
                if (6...15).contains(age) {
                    #expect(member.schoolStage != nil && member.schoolStatus != nil, "\(member.residentID) is \(age) without a school stage")
                }
                if age == 15 {
                    #expect([SchoolStage.juniorSecondary, .seniorSecondary].contains(member.schoolStage))
                }
                if member.schoolStatus == .droppedOut { #expect(member.schoolStage?.isCompulsory == true) }
            }
            // The survey agrees with the members.
            if let survey = county.surveys[household.number] {
                #expect(survey.basicMedical == members.allSatisfy(\.medicalInsurance))
                #expect(survey.compulsoryEducation == !members.contains { $0.schoolStatus == .droppedOut })
            }
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        #expect(!allowance.isEmpty && median(allowance) < median(general), "低保 households are poorer than general ones")
        // Below the line and not monitored: the profile's missed cases, not thousands.
        let missed = county.profile.missedShare * Double(Self.households)
        #expect(Double(belowLine) <= 3 * missed + 10, "\(belowLine) households below the line are not monitored")
        // Dropouts: a handful in a county.
        let dropouts = county.members.values.joined().filter { $0.schoolStatus == .droppedOut }.count
        #expect(dropouts <= 12)
    }
}
