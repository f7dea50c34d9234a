/// Where each header cell of a table goes: a column's upper headers merged across the columns
/// that share them, and a column's own header spanning down to the last header row. Seed 002's
/// ledger has two header rows: 收入状况 over 家庭年收入, 收入主要来源 and 收入是否稳定, and 户主姓名
/// over both rows.
public struct HeaderLayout: Hashable, Sendable {
    /// One header cell, covering rows `firstRow...lastRow` and columns `firstColumn...lastColumn`
    /// (0-based, counted from the first header row and the first column).
    public struct Cell: Hashable, Sendable {
        /// Its text.
        public var title: String
        /// The first header row it covers.
        public var firstRow: Int
        /// The last header row it covers.
        public var lastRow: Int
        /// The first column it covers.
        public var firstColumn: Int
        /// The last column it covers.
        public var lastColumn: Int

        /// Whether it covers more than one cell.
        public var isMerged: Bool { firstRow != lastRow || firstColumn != lastColumn }
    }

    /// How many header rows the table has.
    public let depth: Int
    /// The header cells, by row and then column.
    public let cells: [Cell]

    /// The layout of `columns`.
    public init(_ columns: [SheetColumn]) {
        let depth = (columns.map(\.groups.count).max() ?? 0) + 1
        var cells: [Cell] = []
        for row in 0..<depth {
            var column = 0
            while column < columns.count {
                let groups = columns[column].groups
                if row < groups.count {
                    // A group header: as far right as the columns share the groups down to this row.
                    let path = groups[...row]
                    var last = column
                    while last + 1 < columns.count, columns[last + 1].groups.count > row,
                        columns[last + 1].groups[...row] == path
                    {
                        last += 1
                    }
                    cells.append(Cell(title: groups[row], firstRow: row, lastRow: row, firstColumn: column, lastColumn: last))
                    column = last + 1
                } else {
                    if row == groups.count {
                        cells.append(Cell(title: columns[column].title, firstRow: row, lastRow: depth - 1,
                                          firstColumn: column, lastColumn: column))
                    }
                    column += 1
                }
            }
        }
        self.depth = depth
        self.cells = cells
    }
}
