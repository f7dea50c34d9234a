import ArgumentParser
import DixianCore
import DixianInterchange
import DixianWorkflow
import Foundation

extension Dixian.Import {
    /// `dixian import warnings FILE`: a department's pushed warnings.
    struct Warnings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.warningsAbstract.shown,
            discussion: CommandHelp.warningsDiscussion.shown
        )

        @Argument(help: .shown(.warningsFile))
        var file: String

        @OptionGroup var options: WorkflowOptions

        @Flag(help: .shown(.warningsAllUnmatched))
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
                var lines = [CommandMessage.warningsImported(result.entries.count, matched: result.matchedCount, unmatched: unmatched.count).shown]
                for entry in unmatched.prefix(allUnmatched ? unmatched.count : 20) {
                    let warning = entry.warning
                    lines.append(CommandMessage.unmatchedWarning(file: file, line: entry.line, id: warning.id, residentID: warning.residentID.masked,
                                                                 department: warning.department.chineseName, reason: warning.reason).shown)
                }
                if !allUnmatched && unmatched.count > 20 {
                    lines.append(CommandMessage.moreUnmatched.shown)
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
