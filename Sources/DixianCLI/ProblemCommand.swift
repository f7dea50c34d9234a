import ArgumentParser
import DixianCore
import DixianWorkflow

extension Dixian {
    /// `dixian problem`: the problem ledger (问题台账).
    struct ProblemCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "problem",
            abstract: CommandHelp.problemAbstract.shown,
            subcommands: [Open.self, FromRun.self, Close.self]
        )

        struct Open: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.openAbstract.shown)
            @Option(help: .shown(.openHousehold)) var household: String?
            @Option(name: .customLong("found-by"), help: .shown(.openFoundBy)) var foundBy: String
            @Option(help: .shown(.openOn)) var on: DateOption = .today
            @Option(help: .shown(.openDescription)) var description: String
            @Option(help: .shown(.responsibleUnit)) var unit: String
            @Option(help: .shown(.openPerson)) var person: String
            @Option(help: .shown(.openMeasure)) var measure: String
            @Option(help: .shown(.openDeadline)) var deadline: DateOption
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.openProblem(Problem(
                        id: 0, householdNumber: household, foundBy: foundBy, foundOn: on.date, description: description,
                        responsibleUnit: unit, responsiblePerson: person, measure: measure, deadline: deadline.date))
                    return CommandMessage.problemOpened(id, deadline: deadline.date).shown
                }
            }
        }

        struct FromRun: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "from-run",
                abstract: CommandHelp.fromRunAbstract.shown,
                discussion: CommandHelp.fromRunDiscussion.shown)
            @Argument(help: .shown(.fromRunRun)) var run: Int64
            @Option(name: .customLong("check"), help: .shown(.fromRunChecks)) var checks: [String] = []
            @Option(help: .shown(.fromRunDays)) var days = 30
            @Option(help: .shown(.responsibleUnit)) var unit: String
            @Option(help: .shown(.fromRunPerson)) var person: String
            @Option(help: .shown(.fromRunMeasure)) var measure: String
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let count = try await workflow.openProblems(
                        fromRun: run, checks: Set(checks), days: days, unit: unit, person: person, measure: measure)
                    return CommandMessage.problemsFromRun(count: count, run: run).shown
                }
            }
        }

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.problemCloseAbstract.shown)
            @Argument(help: .shown(.closeProblem)) var problem: Int64
            @Option(help: .shown(.closeFix)) var fix: String
            @Option(help: .shown(.dateDefaultToday)) var on: DateOption = .today
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    try await workflow.closeProblem(problem, fix: fix, on: on.date)
                    return CommandMessage.problemClosed(problem, on: on.date).shown
                }
            }
        }
    }

    /// `dixian warning`: department warnings awaiting verification.
    struct WarningCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "warning",
            abstract: CommandHelp.warningAbstract.shown,
            subcommands: [Close.self]
        )

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: CommandHelp.warningCloseAbstract.shown)
            @Argument(help: .shown(.closeWarning)) var warning: Int64
            @Option(help: .shown(.closeResult)) var result: String
            @Option(help: .shown(.dateDefaultToday)) var on: DateOption = .today
            @Flag(help: .shown(.closeReport)) var report = false
            @Option(help: .shown(.closeBy)) var by: String?
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let episode = try await workflow.closeWarning(
                        warning, result: result, on: on.date, reportBy: report ? (by ?? options.actor) : nil)
                    return CommandMessage.warningClosed(warning, episode: episode).shown
                }
            }
        }
    }
}
