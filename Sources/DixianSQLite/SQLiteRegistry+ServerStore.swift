import DixianCore

extension SQLiteRegistry: ServerStore {}
