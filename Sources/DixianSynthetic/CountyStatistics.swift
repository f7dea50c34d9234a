import DixianCore

/// The calibrated figures of a generated county, measured from its records as they are
/// written: the generator calibrates itself with them, the demo prints them beside the
/// profile's targets, and the statistical tests hold them to the targets.
public struct CountyStatistics: Sendable {
    private var households = 0, persons = 0, lifted = 0, monitored = 0, eliminated = 0
    private var children = 0, elderly = 0, males = 0, disabled = 0, allowancePersons = 0, tekunPersons = 0
    private var liftedPeople = 0, liftedInsured = 0, wageWorkers = 0
    private var liftedWithIncome = 0, liftedFell = 0
    private var generalIncomes: [Double] = [], generalGrowth: [Double] = []
    private var current: (household: Household, size: Int, incomes: [Int: Double])?
    private var lastEliminated: String?

    public init() {}

    /// Counts `record`, one of a household's records in the order the generator writes them.
    public mutating func add(_ record: RegistryRecord, householdSize: Int? = nil) {
        switch record {
        case .household(let household):
            finishHousehold()
            let size = householdSize ?? 0
            current = (household, size, [:])
            households += 1
            persons += size
            if household.category == .lifted || household.monitoredKind == .unstable { lifted += 1 }
            if household.category == .monitored { monitored += 1 }
            if household.flags.contains(.minimumLivingAllowance) { allowancePersons += size }
            if household.flags.contains(.extremePovertySupport) { tekunPersons += size }
        case .member(let member):
            let age = member.age(on: SyntheticCounty.asOf)
            if age <= 14 { children += 1 }
            if age >= 60 { elderly += 1 }
            if member.residentID.sex == .male { males += 1 }
            if member.disabilityGrade != nil { disabled += 1 }
            if current?.household.category != .general {
                liftedPeople += 1
                if member.medicalInsurance { liftedInsured += 1 }
            }
            if current?.household.category != .general && (member.migrantWorkMonths > 0 || member.localWork) { wageWorkers += 1 }
        case .income(let income):
            guard let size = current?.size, size > 0 else { return }
            current?.incomes[income.year] = Double(income.netIncome.fen) / 100 / Double(size)
        case .monitoringEpisode(let episode) where episode.status == .eliminated && lastEliminated != episode.householdNumber:
            lastEliminated = episode.householdNumber
            eliminated += 1
        default:
            break
        }
    }

    private mutating func finishHousehold() {
        guard let current else { return }
        let years = HouseholdGenerator.incomeYears
        guard let latest = current.incomes[years[1]], let before = current.incomes[years[0]] else { return }
        let household = current.household
        if household.category == .general && household.flags.isDisjoint(with: [.minimumLivingAllowance, .extremePovertySupport]) {
            generalIncomes.append(latest)
            if before > 0 { generalGrowth.append(latest / before - 1) }
        }
        if household.category == .lifted {
            liftedWithIncome += 1
            if latest < before { liftedFell += 1 }
        }
        self.current = nil
    }

    /// The measured value of `figure`, in the units of its target.
    public func value(_ figure: CalibratedFigure) -> Double {
        var copy = self
        copy.finishHousehold()
        return copy.measured(figure)
    }

    private func measured(_ figure: CalibratedFigure) -> Double {
        func share(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
        switch figure {
        case .liftedHouseholds: return share(lifted, households)
        case .monitoredHouseholds: return share(monitored, households)
        case .eliminatedHouseholds: return share(eliminated, households)
        case .householdSize: return share(persons, households)
        case .children: return share(children, persons)
        case .elderly: return share(elderly, persons)
        case .sexRatio: return persons == males ? 0 : 100 * Double(males) / Double(persons - males)
        case .disability: return share(disabled, persons)
        case .minimumLivingAllowance: return share(allowancePersons, persons)
        case .extremePoverty: return share(tekunPersons, persons)
        case .incomeMedian: return Self.median(generalIncomes)
        case .incomeGrowth: return Self.median(generalGrowth)
        case .incomeFell: return share(liftedFell, liftedWithIncome)
        case .medicalInsurance: return share(liftedInsured, liftedPeople)
        case .wageWork: return share(wageWorkers, liftedPeople)
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
