import DixianCore
import DixianPlugins
import DixianInterchange
import Foundation

/// A synthetic county in the interchange format: the county's real code and townships, valid
/// ID numbers, and households, members, incomes, guarantees, monitoring, assistance and assets
/// drawn to meet the figures of the county's profile (its plugin's `profile.lua`). The same
/// county, size and seed always give the same files. Its places name the county, its
/// townships and villages (`VillageNames`).
public struct SyntheticCounty: Sendable {
    /// The county.
    public let geography: CountyGeography
    /// What it looks like.
    public let profile: CountyProfile
    /// How many households.
    public let households: Int
    /// The seed.
    public let seed: UInt64

    /// The day the synthetic registry describes.
    public static let asOf = LocalDate(year: 2024, month: 6, day: 30)!

    /// What was written: the rows per file, and the county's calibrated figures as drawn.
    public struct Output: Sendable {
        public var rows: [(file: String, rows: Int)]
        public var statistics: CountyStatistics
    }

    /// A county of `households` households generated from `seed`.
    public init(geography: CountyGeography, profile: CountyProfile, households: Int, seed: UInt64) {
        precondition(households > 0, "a county has households")
        self.geography = geography
        self.profile = profile
        self.households = households
        self.seed = seed
    }

    /// The county of plugin `id` (its geography.lua and profile.lua).
    public static func load(plugin id: String, from pluginDirectories: [URL], households: Int, seed: UInt64) throws -> SyntheticCounty {
        SyntheticCounty(geography: try CountyGeography.load(plugin: id, from: pluginDirectories),
                        profile: try CountyProfile.load(plugin: id, from: pluginDirectories), households: households, seed: seed)
    }

    /// Writes the county into `directory` in canonical form.
    @discardableResult
    public func write(to directory: URL) throws -> Output {
        let writer = try InterchangeWriter(directory: directory, maskIDNumbers: false)
        var statistics = CountyStatistics()
        try generate { record, size in
            statistics.add(record, householdSize: size)
            try writer.write(record, householdSize: size)
        }
        return Output(rows: try writer.close(), statistics: statistics)
    }

    /// Calls `body` with every record of the county in canonical order; a household's record
    /// comes with its size.
    public func generate(_ body: (RegistryRecord, Int?) throws -> Void) throws {
        let calibration = Calibration.calibrated(for: profile, geography: geography)
        var generator = HouseholdGenerator(geography: geography, profile: profile, calibration: calibration, seed: seed)
        let villagesPerTownship = max(1, min(999, (households + geography.townships.count * 400 - 1)
                                                    / (geography.townships.count * 400)))
        let villageCount = geography.townships.count * villagesPerTownship
        var names = VillageNames(seed: seed)
        var places: [String: Place] = [:]
        try body(.place(geography.places[0]), nil)
        for village in 0..<villageCount {
            let township = village / villagesPerTownship
            let code = geography.townshipCode(township) + (village % villagesPerTownship + 1).zeroPadded(3)
            if village % villagesPerTownship == 0 {
                // A township's place, then its villages', in code order, named once for the whole township.
                try body(.place(geography.places[township + 1]), nil)
                let codes = (1...villagesPerTownship).map { geography.townshipCode(township) + $0.zeroPadded(3) }
                places = Dictionary(uniqueKeysWithValues: names.villages(codes: codes).map { ($0.code, $0) })
            }
            let share = households / villageCount + (village < households % villageCount ? 1 : 0)
            guard share > 0 else { continue }
            try body(.place(places[code]!), nil)
            generator.villageStaff = VillageStaff(using: &generator.random)
            for sequence in 1...share {
                for (record, size) in generator.household(number: code + sequence.zeroPadded(4), villageCode: code) {
                    try body(record, size)
                }
            }
            for record in generator.assets(villageCode: code) {
                try body(record, nil)
            }
        }
    }
}
