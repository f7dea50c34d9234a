import DixianCore
import DixianPlugins
import Synchronization

/// The generator's internal odds, set so that the county it draws meets its profile's
/// figures: a pilot county is drawn, measured (CountyStatistics) and the odds corrected by
/// how far each figure missed, a few times over. Everything the profile does not fix stays
/// as drawn: the pilot only scales.
struct Calibration: Sendable {
    var monitoredGivenRisk = 0.12, monitoredOtherwise = 0.005
    var liftedGivenRisk = 0.3, liftedOtherwise = 0.2
    var tekunGivenEligible = 0.3
    var allowanceFactor = 1.0
    var eliminatedGivenNotMonitored = 0.02
    var pending = 0.0008
    /// 留守: no public county figure; a twentieth of households.
    var leftBehind = 0.05
    var boyShare = 0.51
    var elderlyHeads = 0.3
    var minorChildren = 0.5
    var disabilityScale = 0.04
    var migrantGivenAble = 0.4
    var uninsured = 0.005
    /// 控辍保学 keeps dropouts at a handful in a county (动态清零): one child in a thousand.
    var dropout = 0.001
    /// 危房 and 饮水 gaps found by a spring survey after years of 动态清零: one in two thousand.
    var unsafeHousing = 0.0005, unsafeWater = 0.0005
    var fallShare = 0.08
    var incomeScale = 12_000.0

    /// How much likelier a disability is at `age` than on average: rising steeply with age,
    /// as the 2006 national sample survey found.
    func disabilityRate(age: Int) -> Double {
        let relative = switch age {
        case ..<15: 0.2
        case ..<45: 0.5
        case ..<60: 1.0
        case ..<75: 2.2
        default: 3.6
        }
        return min(0.9, disabilityScale * relative)
    }

    /// The odds for `profile`, from pilot counties of growing size (the rarest figures, a
    /// percent of households, need the largest to be measured well), drawn with a seed of
    /// their own: the same profile always gets the same odds, so they are worked out once per
    /// process and county.
    static func calibrated(for profile: CountyProfile, geography: CountyGeography) -> Calibration {
        let key = geography.id + "\u{0}" + String(describing: profile)
        if let known = cache.withLock({ $0[key] }) { return known }
        var calibration = Calibration()
        calibration.uninsured = 1 - profile.target(.medicalInsurance)
        calibration.fallShare = profile.target(.incomeFell)
        for (round, size) in [3000, 6000, 12000, 24000].enumerated() {
            var generator = HouseholdGenerator(geography: geography, profile: profile, calibration: calibration,
                                               seed: 0x5EED_0000 &+ UInt64(round))
            var statistics = CountyStatistics()
            var eligible = 0, persons = 0
            let village = geography.townshipCode(0) + "001"
            for sequence in 0..<size {
                if sequence % 400 == 0 { generator.villageStaff = VillageStaff(using: &generator.random) }
                let number = village + (sequence % 9999 + 1).zeroPadded(4)
                var members: [Member] = []
                for (record, size) in generator.household(number: number, villageCode: village) {
                    statistics.add(record, householdSize: size)
                    if case .member(let member) = record { members.append(member) }
                }
                persons += members.count
                if HouseholdGenerator.tekunEligible(members) { eligible += members.count }
            }
            calibration.correct(by: statistics, toward: profile)
            // 特困 is rare: its odds come from the share of people who could have it, not
            // from the few drawn.
            calibration.tekunGivenEligible = min(0.95, profile.target(.extremePoverty) * Double(persons) / Double(max(eligible, 1)))
        }
        cache.withLock { $0[key] = calibration }
        return calibration
    }

    private static let cache = Mutex<[String: Calibration]>([:])

    /// Scales each odd by how far its figure missed in `statistics`.
    private mutating func correct(by statistics: CountyStatistics, toward profile: CountyProfile) {
        func ratio(_ figure: CalibratedFigure) -> Double {
            let measured = statistics.value(figure), target = profile.target(figure)
            return measured > 0 ? min(3, max(1.0 / 3, target / measured)) : 2
        }
        let monitored = ratio(.monitoredHouseholds)
        monitoredGivenRisk = min(0.9, monitoredGivenRisk * monitored)
        monitoredOtherwise = min(0.9, monitoredOtherwise * monitored)
        let lifted = ratio(.liftedHouseholds)
        liftedGivenRisk = min(0.95, liftedGivenRisk * lifted)
        liftedOtherwise = min(0.95, liftedOtherwise * lifted)
        eliminatedGivenNotMonitored = min(0.5, eliminatedGivenNotMonitored * ratio(.eliminatedHouseholds))
        pending = profile.target(.monitoredHouseholds) * 0.06
        allowanceFactor *= ratio(.minimumLivingAllowance)
        elderlyHeads = min(0.95, max(0.02, elderlyHeads + 2 * (profile.target(.elderly) - statistics.value(.elderly))))
        minorChildren = min(0.98, max(0.02, minorChildren + 3 * (profile.target(.children) - statistics.value(.children))))
        let targetBoys = profile.target(.sexRatio) / (100 + profile.target(.sexRatio))
        let measuredBoys = statistics.value(.sexRatio) / (100 + statistics.value(.sexRatio))
        boyShare = min(0.7, max(0.3, boyShare + 3 * (targetBoys - measuredBoys)))
        disabilityScale *= ratio(.disability)
        migrantGivenAble = min(0.95, migrantGivenAble * ratio(.wageWork))
        incomeScale *= ratio(.incomeMedian)
        fallShare = min(0.5, fallShare * ratio(.incomeFell))
    }
}
