import ArgumentParser
import DixianInterchange
import DixianPlugins
import DixianReports
import DixianScreening
import DixianSQLite
import Foundation

extension Dixian {
    /// `dixian import`: interchange files, or a department's pushed warnings, into the registry.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.importAbstract.shown,
            subcommands: [Files.self, Warnings.self],
            defaultSubcommand: Files.self
        )
    }
}

extension Dixian.Import {
    /// `dixian import [files] PATH`: interchange files into the registry, all or nothing.
    struct Files: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.filesAbstract.shown,
            discussion: CommandHelp.filesDiscussion.shown
        )

        @Argument(help: .shown(.filesPath))
        var path: String

        @OptionGroup var registry: StoreOptions

        @Option(help: .shown(.actorDefaultSystemUser))
        var actor: String = ProcessInfo.processInfo.userName

        @Flag(help: .shown(.filesDryRun))
        var dryRun = false

        @Option(help: .shown(.filesPlugin))
        var plugin: String? = DixianConfiguration.current.plugin

        @OptionGroup var sandbox: SandboxOptions
        @OptionGroup var plugins: PluginSearchOptions

        func run() async throws {
            let source = try RegistryImport(path: URL(fileURLWithPath: path))
            do {
                let report: ImportReport
                var rescreen: (() -> Void)?
                let firstImport = registry.postgresURL == nil && registry.sqlitePath.map { !FileManager.default.fileExists(atPath: $0) } == true
                if dryRun {
                    // Checked against the registry, or for a first import against none (an empty
                    // one, removed afterwards): a dry run never creates the registry.
                    report = try await source.validate(against: firstImport ? try SQLiteRegistry() : try registry.open())
                } else if firstImport, let db = registry.sqlitePath {
                    // A first import builds the registry in a file of its own (SQLiteRegistry.build).
                    report = try await ProgressLine.showing(.importing) { progress in
                        try await SQLiteRegistry.build(at: db) { try await source.apply(to: $0, as: actor, progress: progress) }
                    }
                } else {
                    let store = try registry.open(creating: true)
                    // A plugin that does not load does not stop the import: its households then wait for
                    // dixian screen --changed, as the message says.
                    var chain: [PluginManifest]?
                    do {
                        chain = try plugin.map { try plugins.chain(of: $0) }
                    } catch {
                        printError(CommandMessage.rescreenFailed(FailureText.of(error, in: CommandLanguage.current) ?? "\(error)")
                            .shown.terminalEscaped)
                    }
                    let before = try store.lastAuditID()
                    report = try await ProgressLine.showing(.importing) { try await source.apply(to: store, as: actor, progress: $0) }
                    if let chain {
                        // Once the import is committed, its households are re-screened as a workflow command's are.
                        rescreen = { [actor, sandbox] in
                            LiveScreening.rescreenAfterCommand(changedAfter: before, in: store, chain: chain, actor: actor,
                                                               limits: sandbox.limits)
                        }
                    }
                }
                guard report.problems.isEmpty else { throw ImportRejected(report: report) }
                if !dryRun, let plugin, let chain = try? plugins.chain(of: plugin) {
                    // The county and its townships are named from the plugin's geography where no places file named them.
                    try await PlaceNames.recordGeography(of: chain, in: try registry.open(), as: actor)
                }
                print(CommandMessage.imported(dryRun: dryRun, rows: report.totalRows, files: report.rowCounts.map { "\($0.file) \($0.rows)" }).shown)
                rescreen?()
            } catch let rejection as ImportRejected {
                try rejection.exit()
            }
        }
    }
}

extension ImportRejected {
    /// Lists every problem on standard error and exits with status 1.
    func exit() throws -> Never {
        for problem in report.problems { printError(problem.text(in: CommandLanguage.current)) }
        printError(CommandMessage.importRefused(problems: report.problems.count).shown)
        throw ExitCode.failure
    }
}
