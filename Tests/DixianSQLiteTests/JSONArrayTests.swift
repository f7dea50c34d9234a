import Foundation
import Testing

@testable import DixianSQLite

/// The lists handed to SQLite's `json_each` are written without JSONEncoder: any text comes
/// back as it went in, quotes, backslashes, control characters and Chinese included.
struct JSONArrayTests {
    @Test func everyTextComesBackAsItWentIn() throws {
        let texts = ["620621100201001", "", "引号\"与\\反斜杠", "tab\tnew\nline\u{1}", "民勤县"]
        let json = SQLiteRegistry.jsonArray(texts)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] == texts)
        #expect(SQLiteRegistry.jsonArray([]) == "[]")
        #expect(SQLiteRegistry.jsonArray(["1", "2"]) == #"["1","2"]"#)
    }
}
