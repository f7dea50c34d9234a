import DixianCore
import GRDB

extension Asset: RegistryRow {
    static let table = "asset"
    static let columns = [
        "id", "project", "asset_class", "value_fen", "village_code", "custodian", "ownership_registered", "status",
        "formed_on",
    ]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, project, assetClass.rawValue, value.fen, villageCode, custodian, ownershipRegistered, status.rawValue,
                   formedOn.description)
    }

    init(row: Row) throws {
        self.init(
            id: row["id"], project: row["project"], assetClass: try row.term("asset_class", in: Self.table),
            value: row.money("value_fen"), villageCode: row["village_code"], custodian: row["custodian"],
            ownershipRegistered: row["ownership_registered"], status: try row.term("status", in: Self.table),
            formedOn: try row.date("formed_on", in: Self.table))
    }
}

extension AssetIncome: RegistryRow {
    static let table = "asset_income"
    static let columns = ["asset_id", "year", "income_fen"]
    static let keyCount = 2

    func addColumns(to values: inout ColumnValues) { values.add(assetID, year, income.fen) }

    init(row: Row) throws {
        self.init(assetID: row["asset_id"], year: row["year"], income: row.money("income_fen"))
    }
}

extension AssetDistribution: RegistryRow {
    static let table = "asset_distribution"
    static let columns = ["asset_id", "year", "purpose", "amount_fen"]
    static let keyCount = 3

    func addColumns(to values: inout ColumnValues) { values.add(assetID, year, purpose, amount.fen) }

    init(row: Row) throws {
        self.init(assetID: row["asset_id"], year: row["year"], purpose: row["purpose"], amount: row.money("amount_fen"))
    }
}
