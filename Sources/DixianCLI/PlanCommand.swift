import ArgumentParser
import DixianCore
import DixianWorkflow

extension Dixian {
    /// `dixian plan`: 一户一策 plans and their measures.
    struct PlanCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Make and adjust 一户一策 plans, add measures and mark them done.",
            subcommands: [Make.self, Adjust.self, Measure.self, Done.self]
        )

        struct Make: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make the plan of an identified episode (制定帮扶计划).")
            @Option(help: "The monitoring episode's id.") var episode: Int64
            @Option(help: "The date (default: today).") var on: DateOption = .today
            @Option(help: "Who made it (default: the actor).") var by: String?
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.makePlan(episode: episode, on: on.date, by: by ?? options.actor)
                    return zh ? "已制定帮扶计划\(id)（监测记录\(episode)，\(on.date)）" : "made plan \(id) (episode \(episode), \(on.date))"
                }
            }
        }

        struct Adjust: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record the plan's yearly adjustment (动态调整).")
            @Option(help: "The plan's id.") var plan: Int64
            @Option(help: "The date (default: today).") var on: DateOption = .today
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    try await workflow.adjustPlan(plan, on: on.date)
                    return zh ? "帮扶计划\(plan)已于\(on.date)调整" : "plan \(plan) adjusted on \(on.date)"
                }
            }
        }

        struct Measure: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a measure to a plan.")
            @Option(help: "The plan's id.") var plan: Int64
            @Option(help: "industry, employment, education, medical, housing, drinking-water, credit, social-security, public-welfare-post, other.")
            var type: MeasureType
            @Option(help: "What is to be done.") var description: String
            @Option(help: "The responsible unit (责任单位).") var unit: String
            @Option(help: "The responsible person (责任人).") var person: String
            @Option(help: "When it starts (default: today).") var starts: DateOption = .today
            @Option(help: "When it is due.") var due: DateOption
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.addMeasure(DixianCore.Measure(
                        id: 0, planID: plan, type: type, description: description, responsibleUnit: unit,
                        responsiblePerson: person, startsOn: starts.date, dueOn: due.date))
                    return zh ? "已添加帮扶措施\(id)（帮扶计划\(plan)，\(due.date)前完成）" : "added measure \(id) to plan \(plan), due \(due.date)"
                }
            }
        }

        struct Done: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Mark a measure done.")
            @Option(help: "The measure's id.") var measure: Int64
            @Option(help: "The date (default: today).") var on: DateOption = .today
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    try await workflow.completeMeasure(measure, on: on.date)
                    return zh ? "帮扶措施\(measure)已于\(on.date)完成" : "measure \(measure) done on \(on.date)"
                }
            }
        }
    }

    /// `dixian visit`: visits to households.
    struct VisitCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "visit", abstract: "Record visits to households (入户走访).", subcommands: [Record.self])

        struct Record: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record one visit.")
            @Option(help: "The household number.") var household: String
            @Option(help: "The date (default: today).") var on: DateOption = .today
            @Option(help: "Who visited.") var visitor: String
            @Option(help: "In which role: helper, resident-team, village-cadre, township-staff.") var role: VisitorRole
            @Option(help: "What the visitor recorded.") var notes = ""
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.recordVisit(DixianCore.Visit(
                        id: 0, householdNumber: household, visitedOn: on.date, visitor: visitor, role: role, notes: notes))
                    return zh ? "已记录走访\(id)（户\(household)，\(role.chineseName)\(visitor)，\(on.date)）"
                        : "recorded visit \(id) (household \(household), \(role.rawValue) \(visitor), \(on.date))"
                }
            }
        }
    }
}
