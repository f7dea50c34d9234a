import Foundation
import GRDB
import Testing

@testable import DixianSQLite

/// The lists handed to SQLite's `json_each` are written without JSONEncoder: any text comes
/// back from `json_each` as it went in, quotes, backslashes, control characters and Chinese included.
struct JSONArrayTests {
    @Test func everyTextComesBackFromJSONEachAsItWentIn() throws {
        let texts = ["620621100201001", "", "引号\"与\\反斜杠", "tab\tnew\nline\u{1}\u{1F}", "民勤县", "/斜杠/"]
        let json = SQLiteRegistry.jsonArray(texts)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] == texts)
        let read = try DatabaseQueue().read { db in try String.fetchAll(db, sql: "SELECT value FROM json_each(?) ORDER BY key", arguments: [json]) }
        #expect(read == texts)
        #expect(SQLiteRegistry.jsonArray([]) == "[]")
        #expect(SQLiteRegistry.jsonArray(["1", "2"]) == #"["1","2"]"#)
    }
}
