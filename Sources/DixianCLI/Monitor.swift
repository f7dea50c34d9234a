import ArgumentParser
import DixianCore
import DixianWorkflow

extension Dixian {
    /// `dixian monitor`: the monitoring lifecycle of a household, one transition per command.
    struct Monitor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a household through monitoring: report, verify, answer, approve, eliminate, follow up.",
            discussion: """
                Each command is one dated, attributed transition of a monitoring episode, checked against \
                the lifecycle (docs/workflows.md) and the plugin's guards, and audited. A refused transition \
                is explained in the plugin's language and changes nothing (exit status 2).
                """,
            subcommands: [Report.self, Verify.self, Answer.self, Approve.self, Eliminate.self, FollowUp.self,
                          SendBack.self, Relabel.self]
        )

        /// Options every transition on an existing episode takes.
        struct EpisodeOptions: ParsableArguments {
            @Option(help: "The monitoring episode's id.")
            var episode: Int64

            @Option(help: "The date of the step (YYYY-MM-DD; default: today).")
            var on: DateOption = .today

            @Option(help: "Who took the step (default: the actor).")
            var by: String?

            @OptionGroup var options: WorkflowOptions

            /// Takes `action` and describes the episode's new state.
            func take(_ action: MonitoringAction) async throws {
                try await options.perform { workflow, zh in
                    let episode = try await workflow.take(action, episode: episode, on: on.date, by: by ?? options.actor)
                    return zh
                        ? "监测记录\(episode.id)（户\(episode.householdNumber)）：\(action.transition.chineseName)，现为“\(episode.status.chineseName)”（\(on.date)）"
                        : "episode \(episode.id) (household \(episode.householdNumber)): \(action.transition.rawValue), now \(episode.status.rawValue) (\(on.date))"
                }
            }
        }

        struct Report: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Report a risk: open a monitoring episode (报告).")

            @Option(help: "The household number.")
            var household: String

            @Option(help: "How the risk came to light: self-report, cadre-visit, department-warning, township-check.")
            var channel: DiscoveryChannel

            @Option(help: "The date of the report (YYYY-MM-DD; default: today).")
            var on: DateOption = .today

            @Option(help: "Who reported or took the report (default: the actor).")
            var by: String?

            @Option(help: "What was reported.")
            var notes = ""

            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.report(household: household, channel: channel, on: on.date,
                                                       by: by ?? options.actor, notes: notes)
                    return zh ? "已建立监测记录\(id)（户\(household)，\(channel.chineseName)，\(on.date)）"
                        : "opened episode \(id) (household \(household), \(channel.rawValue), \(on.date))"
                }
            }
        }

        struct Verify: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record the township's verification (核实).")
            @Option(help: "What the verification found.") var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.verify(notes: notes)) }
        }

        struct Answer: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Feed the result back (反馈): accepted for approval, or rejected with written reasons.")
            @Flag(exclusivity: .exclusive, help: "Whether the household meets the standard.") var decision: Decision
            @Option(help: "The written reasons (required when rejected).") var reasons = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.answer(accepted: decision == .accepted, reasons: reasons)) }

            enum Decision: String, EnumerableFlag {
                case accepted, rejected
            }
        }

        struct Approve: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Approve identification (审批认定) with risk types and kind.")
            @Option(name: .customLong("risk"), help: "A risk type (repeatable): illness, schooling, housing, ...") var risks: [RiskType] = []
            @Option(help: "Which of the 三类户: unstable, marginal, sudden-hardship.") var kind: MonitoredKind
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.approve(riskTypes: Set(risks), kind: kind)) }
        }

        struct Eliminate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a step of risk elimination, in order; the plugin's guards are asked first.",
                discussion: "Stages: household-check 入户核实, public-review 民主评议和公示, village-review 村级评议, "
                    + "county-approval 县级审核批准和公告 (the risk is eliminated from this step).")
            @Option(help: "The stage of the procedure.") var stage: EliminationStage
            @Option(help: "What the step found or decided.") var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.eliminate(stage, notes: notes)) }
        }

        struct FollowUp: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "follow-up", abstract: "Record a follow-up (回头看) of an eliminated household.")
            @Option(help: "What the follow-up found.") var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.followUp(notes: notes)) }
        }

        struct SendBack: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "send-back", abstract: "Send an eliminated household back to monitoring (回退).")
            @Option(help: "The written reasons.") var reasons: String
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.sendBack(reasons: reasons)) }
        }

        struct Relabel: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Label a new risk (再标注) on an identified or eliminated household.")
            @Option(name: .customLong("risk"), help: "A new risk type (repeatable).") var risks: [RiskType] = []
            @Option(help: "What happened.") var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.relabel(riskTypes: Set(risks), notes: notes)) }
        }
    }
}
