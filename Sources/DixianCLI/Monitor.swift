import ArgumentParser
import DixianCore
import DixianWorkflow

extension Dixian {
    /// `dixian monitor`: the monitoring lifecycle of a household, one transition per command.
    struct Monitor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.monitorAbstract.shown,
            discussion: CommandHelp.monitorDiscussion.shown,
            subcommands: [Report.self, Verify.self, Answer.self, Approve.self, Eliminate.self, FollowUp.self,
                          SendBack.self, Relabel.self]
        )

        /// Options every transition on an existing episode takes.
        struct EpisodeOptions: ParsableArguments {
            @Option(help: .shown(.episodeID))
            var episode: Int64

            @Option(help: .shown(.episodeOptionsOn))
            var on: DateOption = .today

            @Option(help: .shown(.episodeOptionsBy))
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
            static let configuration = CommandConfiguration(abstract: CommandHelp.monitorReportAbstract.shown)

            @Option(help: .shown(.householdNumber))
            var household: String

            @Option(help: .shown(.reportChannel))
            var channel: DiscoveryChannel

            @Option(help: .shown(.reportOn))
            var on: DateOption = .today

            @Option(help: .shown(.reportBy))
            var by: String?

            @Option(help: .shown(.reportNotes))
            var notes = ""

            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    let id = try await workflow.report(household: household, channel: channel, on: on.date,
                                                       by: by ?? options.actor, notes: notes)
                    return CommandMessage.episodeOpened(id, household: household, channel: channel.rawValue, channelName: channel.chineseName,
                                                        on: on.date).shown
                }
            }
        }

        struct Verify: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.monitorVerifyAbstract.shown)
            @Option(help: .shown(.verifyNotes)) var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.verify(notes: notes)) }
        }

        struct Answer: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: CommandHelp.answerAbstract.shown)
            @Flag(exclusivity: .exclusive, help: .shown(.answerDecision)) var decision: Decision
            @Option(help: .shown(.answerReasons)) var reasons = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.answer(accepted: decision == .accepted, reasons: reasons)) }

            enum Decision: String, EnumerableFlag {
                case accepted, rejected
            }
        }

        struct Approve: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.approveAbstract.shown)
            @Option(name: .customLong("risk"), help: .shown(.approveRisks)) var risks: [RiskType] = []
            @Option(help: .shown(.approveKind)) var kind: MonitoredKind
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.approve(riskTypes: Set(risks), kind: kind)) }
        }

        struct Eliminate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: CommandHelp.eliminateAbstract.shown,
                discussion: CommandHelp.eliminateDiscussion.shown)
            @Option(help: .shown(.eliminateStage)) var stage: EliminationStage
            @Option(help: .shown(.eliminateNotes)) var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.eliminate(stage, notes: notes)) }
        }

        struct FollowUp: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "follow-up", abstract: CommandHelp.followUpAbstract.shown)
            @Option(help: .shown(.followUpNotes)) var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.followUp(notes: notes)) }
        }

        struct SendBack: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "send-back", abstract: CommandHelp.sendBackAbstract.shown)
            @Option(help: .shown(.sendBackReasons)) var reasons: String
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.sendBack(reasons: reasons)) }
        }

        struct Relabel: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.relabelAbstract.shown)
            @Option(name: .customLong("risk"), help: .shown(.relabelRisks)) var risks: [RiskType] = []
            @Option(help: .shown(.relabelNotes)) var notes = ""
            @OptionGroup var episode: EpisodeOptions
            func run() async throws { try await episode.take(.relabel(riskTypes: Set(risks), notes: notes)) }
        }
    }
}
