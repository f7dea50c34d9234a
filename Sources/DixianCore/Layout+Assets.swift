// The layouts of the asset ledger: assets formed by assistance projects, their yearly income,
// and how that income was distributed.

extension Asset: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, project, assetClass, value, villageCode, custodian, ownershipRegistered, status, formedOn, statusSince

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true)
            case .project: FieldDescription("project", "项目名称", .text)
            case .assetClass: FieldDescription("asset_class", "资产类别", .term(AssetClass.self))
            case .value: FieldDescription("value", "资产价值", .money)
            case .villageCode: FieldDescription("village_code", "村级区划代码", .text)
            case .custodian: FieldDescription("custodian", "管护主体", .text, .optional)
            case .ownershipRegistered: FieldDescription("ownership_registered", "是否确权登记", .flag)
            case .status: FieldDescription("status", "使用状态", .term(AssetStatus.self))
            case .formedOn: FieldDescription("formed_on", "形成日期", .date)
            case .statusSince: FieldDescription("status_since", "状态起始日期", .date, .optional)
            }
        }
    }

    public static let layout = makeLayout(table: "asset", file: "assets.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .project: .text(project)
        case .assetClass: .text(assetClass.rawValue)
        case .value: .money(value)
        case .villageCode: .text(villageCode)
        case .custodian: .optional(custodian)
        case .ownershipRegistered: .flag(ownershipRegistered)
        case .status: .text(status.rawValue)
        case .formedOn: .date(formedOn)
        case .statusSince: .optional(statusSince)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let village = try row.text(Field.villageCode)
        guard Area(villageCode: village) != nil else {
            throw FieldError(column: "village_code", .notAVillageCode(village))
        }
        let formed = try row.date(Field.formedOn)
        let since = try row.optionalDate(Field.statusSince)
        if let since, since < formed {
            throw FieldError(column: "status_since", .statusBeforeFormation(since, formed: formed))
        }
        self.init(id: try row.identifier(Field.id), project: try row.text(Field.project), assetClass: try row.term(Field.assetClass),
                  value: try row.money(Field.value), villageCode: village, custodian: try row.optionalText(Field.custodian),
                  ownershipRegistered: try row.flag(Field.ownershipRegistered), status: try row.term(Field.status),
                  formedOn: formed, statusSince: since)
    }
}

extension AssetIncome: DescribedRecord {
    public enum Field: Int, RecordField {
        case assetID, year, income

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .assetID: FieldDescription("asset_id", "资产编号", .identifier, key: true)
            case .year: FieldDescription("year", "年度", .integer(2000...2100), key: true)
            case .income: FieldDescription("income", "收益", .money)
            }
        }
    }

    public static let layout = makeLayout(table: "asset_income", file: "asset_incomes.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .assetID: .integer(assetID)
        case .year: .integer(year)
        case .income: .money(income)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        self.init(assetID: try row.identifier(Field.assetID), year: try row.integer(Field.year), income: try row.money(Field.income))
    }
}

extension AssetDistribution: DescribedRecord {
    public enum Field: Int, RecordField {
        case assetID, year, purpose, amount

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .assetID: FieldDescription("asset_id", "资产编号", .identifier, key: true)
            case .year: FieldDescription("year", "年度", .integer(2000...2100), key: true)
            case .purpose: FieldDescription("purpose", "用途", .text, key: true)
            case .amount: FieldDescription("amount", "金额", .money)
            }
        }
    }

    public static let layout = makeLayout(table: "asset_distribution", file: "asset_distributions.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .assetID: .integer(assetID)
        case .year: .integer(year)
        case .purpose: .text(purpose)
        case .amount: .money(amount)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        self.init(assetID: try row.identifier(Field.assetID), year: try row.integer(Field.year),
                  purpose: try row.text(Field.purpose), amount: try row.money(Field.amount))
    }
}
