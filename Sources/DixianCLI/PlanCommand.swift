import ArgumentParser
import DixianCore
import DixianWorkflow

extension Dixian {
    /// `dixian plan`: 一户一策 plans and their measures.
    struct PlanCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: CommandHelp.planAbstract.shown,
            subcommands: [Make.self, Adjust.self, Measure.self, Done.self]
        )

        struct Make: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.makeAbstract.shown)
            @Option(help: .shown(.episodeID)) var episode: Int64
            @Option(help: .shown(.dateDefaultToday)) var on: DateOption = .today
            @Option(help: .shown(.makeBy)) var by: String?
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.makePlan(episode: episode, on: on.date, by: by ?? options.actor)
                    return CommandMessage.planMade(id, episode: episode, on: on.date).shown
                }
            }
        }

        struct Adjust: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.adjustAbstract.shown)
            @Option(help: .shown(.planID)) var plan: Int64
            @Option(help: .shown(.dateDefaultToday)) var on: DateOption = .today
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    try await workflow.adjustPlan(plan, on: on.date)
                    return CommandMessage.planAdjusted(plan, on: on.date).shown
                }
            }
        }

        struct Measure: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.measureAbstract.shown)
            @Option(help: .shown(.planID)) var plan: Int64
            @Option(help: .shown(.measureType))
            var type: MeasureType
            @Option(help: .shown(.measureDescription)) var description: String
            @Option(help: .shown(.measureUnit)) var unit: String
            @Option(help: .shown(.measurePerson)) var person: String
            @Option(help: .shown(.measureStarts)) var starts: DateOption = .today
            @Option(help: .shown(.measureDue)) var due: DateOption
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.addMeasure(DixianCore.Measure(
                        id: 0, planID: plan, type: type, description: description, responsibleUnit: unit,
                        responsiblePerson: person, startsOn: starts.date, dueOn: due.date))
                    return CommandMessage.measureAdded(id, plan: plan, due: due.date).shown
                }
            }
        }

        struct Done: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.doneAbstract.shown)
            @Option(help: .shown(.doneMeasure)) var measure: Int64
            @Option(help: .shown(.dateDefaultToday)) var on: DateOption = .today
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    try await workflow.completeMeasure(measure, on: on.date)
                    return CommandMessage.measureDone(measure, on: on.date).shown
                }
            }
        }
    }

    /// `dixian visit`: visits to households.
    struct VisitCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "visit", abstract: CommandHelp.visitAbstract.shown, subcommands: [Record.self])

        struct Record: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.recordAbstract.shown)
            @Option(help: .shown(.householdNumber)) var household: String
            @Option(help: .shown(.dateDefaultToday)) var on: DateOption = .today
            @Option(help: .shown(.recordVisitor)) var visitor: String
            @Option(help: .shown(.recordRole)) var role: VisitorRole
            @Option(help: .shown(.recordNotes)) var notes = ""
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.recordVisit(DixianCore.Visit(
                        id: 0, householdNumber: household, visitedOn: on.date, visitor: visitor, role: role, notes: notes))
                    return CommandMessage.visitRecorded(id, household: household, role: role.rawValue, roleName: role.chineseName,
                                                        visitor: visitor, on: on.date).shown
                }
            }
        }
    }
}
