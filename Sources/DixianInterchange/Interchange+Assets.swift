import DixianCore

extension Asset: InterchangeRecord {
    static let file = "assets.csv"
    static let columns = [
        Column("id", "编号"), Column("project", "项目名称"), Column("asset_class", "资产类别"), Column("value", "资产价值"),
        Column("village_code", "村级区划代码"), Column("custodian", "管护主体", required: false),
        Column("ownership_registered", "是否确权登记"), Column("status", "使用状态"), Column("formed_on", "形成日期"),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        let village = try row.text("village_code")
        guard Area(villageCode: village) != nil else {
            throw FieldError(column: "village_code", reason: "'\(village)' is not a 12-digit village code")
        }
        self.init(id: try row.identifier("id"), project: try row.text("project"), assetClass: try row.term("asset_class"),
                  value: try row.money("value"), villageCode: village, custodian: row.optionalText("custodian"),
                  ownershipRegistered: try row.flag("ownership_registered"), status: try row.term("status"),
                  formedOn: try row.date("formed_on"))
    }

    var fields: [String] {
        [String(id), project, assetClass.rawValue, value.description, villageCode, custodian ?? "",
         ownershipRegistered.field, status.rawValue, formedOn.description]
    }

    var key: String { String(id) }
    var references: [Reference] { [] }
}

extension AssetIncome: InterchangeRecord {
    static let file = "asset_incomes.csv"
    static let columns = [Column("asset_id", "资产编号"), Column("year", "年度"), Column("income", "收益")]

    init(reading row: FieldReader) throws(FieldError) {
        self.init(assetID: try row.identifier("asset_id"), year: try row.integer("year", in: 2000...2100),
                  income: try row.money("income"))
    }

    var fields: [String] { [String(assetID), String(year), income.description] }
    var key: String { "\(assetID)/\(year)" }
    var references: [Reference] { [Reference(file: Asset.file, key: String(assetID), column: "asset_id")] }
}

extension AssetDistribution: InterchangeRecord {
    static let file = "asset_distributions.csv"
    static let columns = [
        Column("asset_id", "资产编号"), Column("year", "年度"), Column("purpose", "用途"), Column("amount", "金额"),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        self.init(assetID: try row.identifier("asset_id"), year: try row.integer("year", in: 2000...2100),
                  purpose: try row.text("purpose"), amount: try row.money("amount"))
    }

    var fields: [String] { [String(assetID), String(year), purpose, amount.description] }
    var key: String { "\(assetID)/\(year)/\(purpose)" }
    var references: [Reference] { [Reference(file: Asset.file, key: String(assetID), column: "asset_id")] }
}
