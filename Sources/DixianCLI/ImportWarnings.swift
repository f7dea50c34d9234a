import ArgumentParser
import DixianCore
import DixianInterchange
import DixianWorkflow
import Foundation

extension Dixian.Import {
    /// `dixian import warnings FILE`: a department's pushed warnings.
    struct Warnings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a department's warnings: each is matched to a member by ID number and becomes a verification task.",
            discussion: """
                FILE is a CSV (or an XLSX workbook, first sheet) with the columns department 预警部门, resident_id 身份证号, received_on 预警日期 and \
                reason 预警原因 (docs/data-format.md). Either every row is kept or, if any row is bad, nothing is \
                and every bad row is listed (exit status 1). Warnings naming no member of the registry are kept \
                and listed as unmatched, never dropped; each warning stays open for the township until \
                dixian warning close records its result.
                """
        )

        @Argument(help: "The department's CSV file.")
        var file: String

        @OptionGroup var options: WorkflowOptions

        @Flag(help: "List every unmatched warning (default: the first 20).")
        var allUnmatched = false

        func run() async throws {
            let pushed: [(line: Int, warning: DepartmentWarning)]
            do {
                pushed = try DepartmentPush.read(URL(fileURLWithPath: file))
            } catch let rejection as ImportRejected {
                try rejection.exit()
            }
            try await options.perform { workflow, zh in
                let result = try await workflow.importWarnings(pushed)
                let unmatched = result.unmatched
                var lines = [zh
                    ? "已导入预警\(result.entries.count)条：匹配到农户\(result.matchedCount)条，未匹配\(unmatched.count)条（均已建立乡镇核实任务）"
                    : "imported \(result.entries.count) warnings: \(result.matchedCount) matched, \(unmatched.count) unmatched (each is a verification task)"]
                for entry in unmatched.prefix(allUnmatched ? unmatched.count : 20) {
                    let warning = entry.warning
                    lines.append("  \(file):\(entry.line)  \(zh ? "预警" : "warning") \(warning.id)  \(warning.residentID.masked)  "
                        + "\(warning.department.chineseName)  \(warning.reason)")
                }
                if !allUnmatched && unmatched.count > 20 {
                    lines.append(zh ? "  ……全部未匹配记录请加 --all-unmatched" : "  ... (all of them: --all-unmatched)")
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
