// The layout of the place table: the county, its townships and villages, with names and the
// village-level facts.

extension Place: DescribedRecord {
    public enum Field: Int, RecordField {
        case code, name, level, parentCode, disasterOn, disaster, notes

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .code: FieldDescription("code", "行政区划代码", .text, key: true, aliases: ["区划代码"])
            case .name: FieldDescription("name", "名称", .text, aliases: ["地名"])
            case .level: FieldDescription("level", "级别", .term(PlaceLevel.self))
            // The code's prefix, written for the reader; a file may leave it out, and one given must agree.
            case .parentCode: FieldDescription("parent_code", "上级代码", .text, .optional, aliases: ["上级区划代码"])
            case .disasterOn: FieldDescription("disaster_on", "受灾日期", .date, .optional)
            case .disaster: FieldDescription("disaster", "受灾情况", .text, .defaulted, aliases: ["灾害类型"])
            case .notes: FieldDescription("notes", "备注", .text, .defaulted)
            }
        }
    }

    public static let layout = makeLayout(table: "place", file: "places.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .code: .text(code)
        case .name: .text(name)
        case .level: .text(level.rawValue)
        case .parentCode: .optional(parentCode)
        case .disasterOn: .optional(disasterOn)
        case .disaster: .text(disaster)
        case .notes: .text(notes)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let code = try row.text(Field.code)
        guard let codeLevel = PlaceLevel(code: code) else { throw FieldError(column: "code", .notAPlaceCode(code)) }
        let level: PlaceLevel = try row.term(Field.level)
        guard level == codeLevel else { throw FieldError(column: "level", .placeLevelMismatch(code, level: codeLevel)) }
        let disasterOn = try row.optionalDate(Field.disasterOn)
        let disaster = try row.optionalText(Field.disaster) ?? ""
        if disasterOn == nil && !disaster.isEmpty { throw FieldError(column: "disaster_on", .disasterWithoutDate) }
        self.init(code: code, name: try row.text(Field.name), level: level, disasterOn: disasterOn, disaster: disaster,
                  notes: try row.optionalText(Field.notes) ?? "")
        if let parent = try row.optionalText(Field.parentCode), parent != parentCode {
            throw FieldError(column: "parent_code", .parentCodeMismatch(parent, expected: parentCode))
        }
    }
}
