import ArgumentParser
import DixianCore
import DixianWorkflow

extension Dixian {
    /// `dixian problem`: the problem ledger (问题台账).
    struct ProblemCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "problem",
            abstract: "Open problems in the ledger, turn screening findings into problems, and close them with their fix.",
            subcommands: [Open.self, FromRun.self, Close.self]
        )

        struct Open: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Open one problem (an inspection result, say).")
            @Option(help: "The household it concerns, if any.") var household: String?
            @Option(name: .customLong("found-by"), help: "Who found it (an inspection, a department).") var foundBy: String
            @Option(help: "When it was found (default: today).") var on: DateOption = .today
            @Option(help: "What is wrong.") var description: String
            @Option(help: "The responsible unit.") var unit: String
            @Option(help: "The responsible person.") var person: String
            @Option(help: "The measure to fix it (整改措施).") var measure: String
            @Option(help: "The deadline (整改时限).") var deadline: DateOption
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.openProblem(Problem(
                        id: 0, householdNumber: household, foundBy: foundBy, foundOn: on.date, description: description,
                        responsibleUnit: unit, responsiblePerson: person, measure: measure, deadline: deadline.date))
                    return zh ? "已建立问题\(id)，整改时限\(deadline.date)" : "opened problem \(id), due \(deadline.date)"
                }
            }
        }

        struct FromRun: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "from-run",
                abstract: "Turn the household findings of a screening run into problems, one per finding.",
                discussion: "A finding already open in the ledger for the same household is not entered twice. "
                    + "The responsible person is the household's helper, or --person where it has none.")
            @Argument(help: "The screening run's id (dixian screen prints it).") var run: Int64
            @Option(name: .customLong("check"), help: "Only findings of this check (repeatable; default: all).") var checks: [String] = []
            @Option(help: "Days from the run's date to the deadline.") var days = 30
            @Option(help: "The responsible unit.") var unit: String
            @Option(help: "The responsible person where a household has no helper.") var person: String
            @Option(help: "The measure to fix them.") var measure: String
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let count = try await workflow.openProblems(
                        fromRun: run, checks: Set(checks), days: days, unit: unit, person: person, measure: measure)
                    return zh ? "由筛查\(run)建立问题\(count)条" : "opened \(count) problems from screening run \(run)"
                }
            }
        }

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Close a problem with the fix that was made (办结销号).")
            @Argument(help: "The problem's id.") var problem: Int64
            @Option(help: "The fix that was made.") var fix: String
            @Option(help: "The date (default: today).") var on: DateOption = .today
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    try await workflow.closeProblem(problem, fix: fix, on: on.date)
                    return zh ? "问题\(problem)已于\(on.date)办结" : "problem \(problem) closed on \(on.date)"
                }
            }
        }
    }

    /// `dixian warning`: department warnings awaiting verification.
    struct WarningCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "warning",
            abstract: "Close the township's verification of a department warning (import them with dixian import warnings).",
            subcommands: [Close.self]
        )

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record the verification result; with --report, also open a monitoring episode for the household.")
            @Argument(help: "The warning's id.") var warning: Int64
            @Option(help: "The verification result (核实结果).") var result: String
            @Option(help: "The date (default: today).") var on: DateOption = .today
            @Flag(help: "The household is at risk: open a monitoring episode (channel department-warning).") var report = false
            @Option(help: "Who reports it (default: the actor).") var by: String?
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let episode = try await workflow.closeWarning(
                        warning, result: result, on: on.date, reportBy: report ? (by ?? options.actor) : nil)
                    let opened = episode.map { zh ? "，已建立监测记录\($0)" : "; opened episode \($0)" } ?? ""
                    return (zh ? "预警\(warning)已核实办结" : "warning \(warning) verified and closed") + opened
                }
            }
        }
    }
}
