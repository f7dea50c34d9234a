import DixianCore

// The key of the place file (layout: Layout+Places.swift). A place refers to no record: its
// parent is its code's prefix, which may be named by a later file or never.

extension Place: InterchangeRecord {
    var key: String { code }
    var references: [Reference] { [] }
}
