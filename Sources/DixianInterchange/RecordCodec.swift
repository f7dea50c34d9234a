import DixianCore

/// Any described record (a registry record, or one an integrator or a test defines) as the
/// interchange format writes and reads it: the header, fields and reading come from its
/// `RecordLayout`, as they do for the registry's own files.
public enum RecordCodec {
    /// The header of `type`'s interchange file: its fields' names, in layout order.
    public static func header<R: DescribedRecord>(of type: R.Type) -> [String] {
        R.layout.fields.map(\.name)
    }

    /// The Chinese headers `type`'s file may be written with instead, in layout order.
    public static func chineseHeader<R: DescribedRecord>(of type: R.Type) -> [String] {
        R.layout.fields.map(\.header)
    }

    /// `record`'s fields as its interchange file writes them, in layout order (empty for an
    /// absent value; dates `YYYY-MM-DD`; amounts in yuan; flags `true`/`false`).
    public static func fields<R: DescribedRecord>(of record: R) -> [String] {
        record.values.map(\.text)
    }

    /// A record of `type` read from a row of a file whose header is `header` (the fields'
    /// names or Chinese headers, in any order), held to an import's bounds.
    /// - Throws: `FieldError` naming the field at fault.
    public static func record<R: DescribedRecord>(_ type: R.Type, header: [String], row: [String]) throws(FieldError) -> R {
        let columns = R.layout.fields.map(Column.init)
        var positions: [String: Int] = [:]
        for (position, label) in header.enumerated() {
            if let column = columns.first(where: { $0.name == label || $0.aliases.contains(label) }) { positions[column.name] = position }
        }
        return try R(reading: FieldReader(fields: row, positions: positions, layout: R.layout, bounds: .now()))
    }
}
