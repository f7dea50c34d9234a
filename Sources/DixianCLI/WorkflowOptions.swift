import ArgumentParser
import DixianCore
import DixianPlugins
import DixianScreening
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

    /// The registry and a workflow on it guarded by the plugin, and the plugin chain. The
    /// workflow acts in the role of the registry's user whose name is `actor` (`dixian user
    /// add`), so that the plugin's role table (`dixian.permit`) refuses at the command line what
    /// it refuses that user in the server; any other actor is the county office working on its
    /// own registry, which acts as the county administrator.
    func open() async throws -> (workflow: Workflow, plugin: PluginManifest, chain: [PluginManifest]) {
        let chain = try plugins.chain(of: plugin)
        let runtime = try PluginRuntime(chain: chain, state: try LuaState(limits: sandbox.limits))
        let store = try registry.open()
        let role = try await store.user(named: actor)?.role ?? .countyAdministrator
        return (Workflow(store: store, guards: runtime, user: actor, today: DateOption.today.date, role: role),
                chain[chain.count - 1], chain)
    }

    /// Runs `body` with the workflow; a refusal is printed in the language of the run
    /// (`CommandLanguage`) and exits with status 2. Once the change is committed, the
    /// households it changed are re-screened as of today (`rescreen`).
    func perform(_ body: (Workflow, _ zh: Bool) async throws -> String) async throws {
        let (workflow, _, chain) = try await open()
        let zh = CommandLanguage.current == .chinese
        let before = try workflow.store.lastAuditID()
        do {
            print(try await body(workflow, zh).terminalEscaped)
        } catch let error as WorkflowError {
            printError(error.text(in: CommandLanguage.current).terminalEscaped)
            throw ExitCode(2)
        }
        rescreen(changedAfter: before, in: workflow.store, chain: chain)
    }

    /// Re-screens, as of today, the households changed since audit entry `before` (see
    /// `LiveScreening.rescreenAfterCommand`).
    func rescreen(changedAfter before: Int64, in store: some RegistryStore & HouseholdViewSource & ScreeningRunStore,
                  chain: [PluginManifest]) {
        LiveScreening.rescreenAfterCommand(changedAfter: before, in: store, chain: chain, actor: actor, limits: sandbox.limits)
    }
}

extension LiveScreening {
    /// Re-screens, as of today, the households a command changed after audit entry `before`
    /// (issue 23), so that their findings and deadline items follow the change as they do in
    /// the server (`rescreenChanged`); when they are too many, or the re-screening fails (the
    /// change itself stands), they wait for `dixian screen --changed`, which is said on stderr.
    static func rescreenAfterCommand(changedAfter before: Int64, in store: some RegistryStore & HouseholdViewSource & ScreeningRunStore,
                                     chain: [PluginManifest], actor: String, limits: LuaLimits) {
        do {
            let outcome = try LiveScreening(chain: chain, limits: limits)
                .rescreenChanged(after: before, on: DateOption.today.date, actor: actor, in: store)
            if case .deferred(let count) = outcome { printError(CommandMessage.rescreenDeferred(count).shown) }
        } catch {
            printError(CommandMessage.rescreenFailed(FailureText.of(error, in: CommandLanguage.current) ?? "\(error)").shown.terminalEscaped)
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
