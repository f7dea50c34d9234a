import ArgumentParser
import DixianCore
import DixianPlugins
import DixianSQLite
import DixianWorkflow
import Foundation
import LuaHost

/// What every workflow command takes: the registry, the plugin whose guards judge and whose
/// language the messages follow, and who acts.
struct WorkflowOptions: ParsableArguments {
    @OptionGroup var registry: StoreOptions

    @Option(help: .shown(.workflowOptionsPlugin))
    var plugin: String = DixianConfiguration.current.plugin ?? ""

    @Option(help: .shown(.workflowOptionsActor))
    var actor: String = ProcessInfo.processInfo.userName

    @OptionGroup var sandbox: SandboxOptions
    @OptionGroup var plugins: PluginSearchOptions

    /// The registry and a workflow on it guarded by the plugin.
    func open() throws -> (workflow: Workflow, plugin: PluginManifest) {
        let chain = try plugins.chain(of: plugin)
        let runtime = try PluginRuntime(chain: chain, state: try LuaState(limits: sandbox.limits))
        return (Workflow(store: try registry.open(), guards: runtime, user: actor, today: DateOption.today.date), chain[chain.count - 1])
    }

    /// Runs `body` with the workflow; a refusal is printed in the language of the run
    /// (`CommandLanguage`) and exits with status 2.
    func perform(_ body: (Workflow, _ zh: Bool) async throws -> String) async throws {
        let (workflow, _) = try open()
        let zh = CommandLanguage.current == .chinese
        do {
            print(try await body(workflow, zh).terminalEscaped)
        } catch let error as WorkflowError {
            printError(error.text(in: CommandLanguage.current).terminalEscaped)
            throw ExitCode(2)
        }
    }
}

/// A date option: `YYYY-MM-DD`, or today when not given.
struct DateOption: ExpressibleByArgument {
    let date: LocalDate

    init?(argument: String) {
        guard let date = LocalDate(iso: argument) else { return nil }
        self.date = date
    }

    init(_ date: LocalDate) { self.date = date }

    /// Today in the machine's time zone.
    static var today: DateOption { DateOption(LocalDate.today) }

    var defaultValueDescription: String { date.description }
}

extension DiscoveryChannel: ExpressibleByArgument {}
extension RiskType: ExpressibleByArgument {}
extension MonitoredKind: ExpressibleByArgument {}
extension EliminationStage: ExpressibleByArgument {}
extension MeasureType: ExpressibleByArgument {}
extension VisitorRole: ExpressibleByArgument {}
extension DueOutput.Format: ExpressibleByArgument {}

extension OfficialTerm {
    /// The term from the command line: its identifier or its Chinese name.
    public init?(argument: String) { self.init(term: argument) }
}
