import Foundation
import DixianCore

extension HouseholdGenerator {
    /// The two complete years before the reference day whose incomes the counties' checks read.
    static let incomeYears = [SyntheticCounty.asOf.year - 2, SyntheticCounty.asOf.year - 1]

    /// A year's income before it is written: what the household earns, and what it is given.
    private struct Year {
        var year: Int
        var earned: Double
        var wageShare: Double
        var welfarePosts: Double
        var pensions: Double
        var allowance: Double
        var other: Double
        var property: Double

        var net: Double { earned + welfarePosts + pensions + allowance + other + property }
    }

    /// Incomes that follow from the household: wages from the members who work (away for
    /// months, or locally), farming from the rest of its labour, pensions for the old, 低保
    /// topping up what a poor household earns to the standard, 特困 support for those without
    /// anyone to work. Non-monitored households stay above the monitoring line (those below
    /// it are monitored, which is what the line is for) unless the household is one of the
    /// profile's missed cases; monitored ones lie around it; incomes grow by about the
    /// county's rate, and fall for a minority, more often after illness or hardship.
    mutating func makeIncomes(_ household: Household, _ draft: HouseholdGenerator.Draft) -> [IncomeRecord] {
        let members = draft.members, size = Double(members.count)
        let units = members.reduce(0.0) { total, member in
            switch member.laborCapacity {
            case .full: total + 1
            case .partial: total + (member.publicWelfarePost ? 0 : 0.35)
            case .none: total
            }
        }
        let wageWorkers = Double(members.filter { $0.migrantWorkMonths > 0 || $0.localWork }.count)
        let posts = Double(members.filter(\.publicWelfarePost).count)
        let level: Double = switch draft.category {
        case .general: draft.flags.contains(.minimumLivingAllowance) ? 0.55 : 1
        case .lifted: draft.flags.contains(.minimumLivingAllowance) ? 0.5 : 0.8
        case .monitored: 0.55
        }
        let latest = units * level * calibration.incomeScale * Foundation.exp(0.45 * random.normal())
        let growth = yearlyGrowth(draft)
        let elderly = Double(members.filter { $0.age(on: asOf) >= 60 }.count)
        var years = Self.incomeYears.map { year in
            Year(year: year, earned: year == asOf.year - 1 ? latest : latest / growth,
                 wageShare: units > 0 ? min(0.9, wageWorkers / units) : 0, welfarePosts: posts * 6000,
                 pensions: elderly * Double(profile.pension(year)), allowance: 0,
                 other: units > 0 ? Double(random.int(200...1200)) : Double(random.int(0...400)),
                 property: Double(random.int(0...600)))
        }
        // The per-capita income each year must reach, or stay under, against the line of the year after it.
        let lines = years.map { Double(profile.monitoringLine($0.year + 1)) }
        switch (draft.category, draft.kind, draft.history) {
        case (.monitored, .suddenHardship, _):
            // A normal year, then the blow: income halves.
            setLatest(&years, perCapita: lines[1] * random.double(0.45...0.95), size: size, growth: random.double(0.35...0.6))
        case (.monitored, _, _):
            setLatest(&years, perCapita: lines[1] * random.double(0.72...1.3), size: size, growth: growth)
        case (_, _, .pending(let status)):
            setLatest(&years, perCapita: lines[1] * (status == .rejected ? random.double(1.05...1.4) : random.double(0.8...1.15)),
                      size: size, growth: growth)
        case _ where draft.missed:
            setLatest(&years, perCapita: lines[1] * random.double(0.7...0.97), size: size, growth: growth)
        default:
            let margin = draft.history == .eliminated ? 1.12 : 1.04
            for index in years.indices where years[index].net / size < lines[index] * margin {
                raise(&years, index, to: lines[index] * random.double(margin...(margin + 0.3)) * size)
            }
            // Raising one year must not make a growing income fall.
            if growth >= 1 && years[1].net < years[0].net * growth { raise(&years, 1, to: years[0].net * growth) }
        }
        // 低保 tops up to the standard, and never by less than a third of it; 特困 support is
        // at least 1.3 times it (国发〔2016〕14号), and no less than the line.
        for index in years.indices {
            let standard = Double(profile.allowanceStandard(years[index].year)) * size
            if draft.flags.contains(.extremePovertySupport) {
                years[index].allowance = max(1.3 * standard, lines[index] * random.double(1.04...1.25) * size - years[index].net)
            } else if draft.flags.contains(.minimumLivingAllowance) {
                years[index].allowance = max(standard / 3, standard - years[index].net)
            }
        }
        let ill = members.filter { $0.health == .seriousIllness }.count
        let chronic = members.filter { $0.health == .chronicIllness }.count
        let students = members.filter { [.seniorSecondary, .secondaryVocational, .higherVocational, .tertiary].contains($0.schoolStage) }.count
        let heavy = draft.category == .monitored
        return years.map { year in
            let wage = year.earned * year.wageShare + year.welfarePosts
            let operating = year.earned * (1 - year.wageShare)
            return IncomeRecord(
                householdNumber: household.number, year: year.year,
                wage: Money(yuan: Int64(wage.rounded())), operating: Money(yuan: Int64((operating * 1.6).rounded())),
                property: Money(yuan: Int64(year.property)),
                transfer: Money(yuan: Int64((year.pensions + year.allowance + year.other).rounded())),
                productionCosts: Money(yuan: Int64((operating * 0.6).rounded())),
                medicalSpending: Money(yuan: Int64(ill * random.int(heavy ? 9000...40000 : 2000...9000)
                                                  + chronic * random.int(300...2500))),
                educationSpending: Money(yuan: Int64(students * random.int(1500...6000))))
        }
    }

    /// This year's income over last year's: around the county's growth, less for a minority.
    private mutating func yearlyGrowth(_ draft: Draft) -> Double {
        let fell = calibration.fallShare * (draft.atRisk ? 2 : 1)
        if random.chance(fell) { return random.double(0.8...0.99) }
        return max(1.005, 1 + profile.target(.incomeGrowth) + 0.05 * random.normal())
    }

    /// Sets what the household earns so that its latest per-capita income is `perCapita`, and
    /// the year before's so that the latest grew by `growth` (a fall when below 1).
    private func setLatest(_ years: inout [Year], perCapita: Double, size: Double, growth: Double) {
        let last = years.count - 1
        years[last].earned = max(0, years[last].earned + perCapita * size - years[last].net)
        years[last - 1].earned = max(0, years[last].net / growth - (years[last - 1].net - years[last - 1].earned))
    }

    /// Raises year `index`'s income to `total`: more earned where the household can work, and
    /// otherwise more support (赡养费 from children away, counted as transfers).
    private func raise(_ years: inout [Year], _ index: Int, to total: Double) {
        let gap = total - years[index].net
        guard gap > 0 else { return }
        if years[index].wageShare > 0 || years[index].earned > 0 {
            years[index].earned += gap
        } else {
            years[index].other += gap
        }
    }

    /// The monthly incomes of the twelve months before the reference month (June 2023 to May
    /// 2024 for 30 June 2024), the window the counties' rolling checks read, from the latest
    /// year's income.
    mutating func makeMonthlyIncomes(_ number: String, _ income: IncomeRecord) -> [MonthlyIncome] {
        let monthly = income.netIncome.fen / 12
        return (1...12).reversed().map { back in
            let month = LocalDate(year: asOf.year, month: asOf.month, day: 1)!.adding(months: -back)
            let noise = Int64(random.int(-30...30)) * monthly / 100
            return MonthlyIncome(householdNumber: number, year: month.year, month: month.month,
                                 netIncome: Money(fen: (monthly + noise) / 100 * 100))
        }
    }
}
