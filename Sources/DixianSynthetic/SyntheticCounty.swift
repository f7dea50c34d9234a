import DixianCore
import DixianInterchange
import Foundation

/// A synthetic county in the interchange format: the county's real code and townships, valid
/// ID numbers, plausible households, members, incomes, guarantees, monitoring, assistance and
/// assets. Most households are general, some lifted out, a few percent monitored. The same
/// geography, size and seed always give the same files.
public struct SyntheticCounty: Sendable {
    /// The county.
    public let geography: CountyGeography
    /// How many households.
    public let households: Int
    /// The seed.
    public let seed: UInt64

    /// The day the synthetic registry describes.
    public static let asOf = LocalDate(year: 2024, month: 6, day: 30)!

    /// A county of `households` households generated from `seed`.
    public init(geography: CountyGeography, households: Int, seed: UInt64) {
        precondition(households > 0, "a county has households")
        self.geography = geography
        self.households = households
        self.seed = seed
    }

    /// Writes the county into `directory` in canonical form and returns the rows per file.
    @discardableResult
    public func write(to directory: URL) throws -> [(file: String, rows: Int)] {
        let writer = try InterchangeWriter(directory: directory, maskIDNumbers: false)
        var generator = HouseholdGenerator(geography: geography, seed: seed)
        let villagesPerTownship = max(1, min(999, (households + geography.townships.count * 400 - 1)
                                                    / (geography.townships.count * 400)))
        let villageCount = geography.townships.count * villagesPerTownship
        for village in 0..<villageCount {
            let share = households / villageCount + (village < households % villageCount ? 1 : 0)
            guard share > 0 else { continue }
            let code = geography.townshipCode(village / villagesPerTownship) + (village % villagesPerTownship + 1).zeroPadded(3)
            for sequence in 1...share {
                for (record, size) in generator.household(number: code + sequence.zeroPadded(4), villageCode: code) {
                    try writer.write(record, householdSize: size)
                }
            }
            for record in generator.assets(villageCode: code) {
                try writer.write(record)
            }
        }
        return try writer.close()
    }
}
