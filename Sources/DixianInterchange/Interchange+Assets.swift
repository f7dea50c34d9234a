import DixianCore

// The keys and references of the asset ledger's files (layouts: Layout+Assets.swift).

extension Asset: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] { [] }
}

extension AssetIncome: InterchangeRecord {
    var key: String { "\(assetID)/\(year)" }
    var references: [Reference] { [Reference(file: Asset.file, key: String(assetID), column: "asset_id")] }
}

extension AssetDistribution: InterchangeRecord {
    var key: String { "\(assetID)/\(year)/\(purpose)" }
    var references: [Reference] { [Reference(file: Asset.file, key: String(assetID), column: "asset_id")] }
}
