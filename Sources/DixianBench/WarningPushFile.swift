import DixianCore
import Foundation
import GRDB

/// Writes the department push the warnings benchmark imports: `matched` warnings about members
/// of the registry (every k-th member by ID number) and `unmatched` about residents it does not
/// hold (ID numbers of another county), interleaved, with the counts an import must report.
enum WarningPushFile {
    static func write(database: String, matched: Int, unmatched: Int, to path: String) throws {
        let queue = try DatabaseQueue(path: database)
        let members = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM member") ?? 0 }
        guard members >= matched else { throw BenchError("the registry has \(members) members, fewer than \(matched)") }
        let step = max(1, members / max(matched, 1))
        var known: [String] = []
        known.reserveCapacity(matched)
        try queue.read { db in
            let ids = try String.fetchCursor(db, sql: "SELECT resident_id FROM member ORDER BY household_number, resident_id")
            var index = 0
            while let id = try ids.next(), known.count < matched {
                if index % step == 0 { known.append(id) }
                index += 1
            }
        }
        let departments = ["医保", "民政", "教育", "残联", "住建", "水利", "人社"]
        let reasons = ["个人自付医疗费用较高", "新纳入低保", "义务教育阶段辍学", "新办残疾证", "住房安全鉴定为C级", "饮水水量不足", "失业登记"]
        var text = "预警部门,身份证号,预警日期,预警原因\n"
        text.reserveCapacity((matched + unmatched) * 64)
        let total = matched + unmatched
        var next = (known: 0, stranger: 0)
        for row in 0..<total {
            let takeStranger = next.stranger < unmatched && (next.known >= matched || row % 4 == 3)
            let id: String
            if takeStranger {
                let birth = LocalDate(year: 1950, month: 1, day: 1)!.adding(days: next.stranger % 20_000)
                id = try ResidentID(areaCode: "620622", birthDate: birth, sequence: next.stranger / 20_000 + 1).rawValue
                next.stranger += 1
            } else {
                id = known[next.known]
                next.known += 1
            }
            text += "\(departments[row % departments.count]),\(id),2024-06-28,\(reasons[row % reasons.count])\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print("matched \(matched), unmatched \(unmatched)")
    }
}

/// A benchmark that cannot run as asked.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
