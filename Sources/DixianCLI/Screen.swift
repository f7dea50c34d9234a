import ArgumentParser
import DixianCore
import DixianPlugins
import DixianScreening
import DixianSQLite
import Foundation

extension Dixian {
    /// `dixian screen`: run a county plugin's checks over the registry.
    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.screenAbstract.shown,
            discussion: CommandHelp.screenDiscussion.shown
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: .shown(.screenPlugin))
        var plugin: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: .shown(.screenAsOf))
        var asOf: String

        @Option(help: .shown(.areaPrefix))
        var area: String?

        @Option(help: .shown(.tableJSONOrCSV))
        var format: ScreeningOutput.Format = .table

        @Option(help: .shown(.outputFile))
        var out: String?

        @Option(help: .shown(.screenLimit))
        var limit = 20

        @Option(help: .shown(.screenWorkers))
        var workers = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: .shown(.screenActor))
        var actor: String = ProcessInfo.processInfo.userName

        @Flag(help: .shown(.screenVerify))
        var verify = false

        @Flag(help: .shown(.screenChanged))
        var changed = false

        @OptionGroup var sandbox: SandboxOptions
        @OptionGroup var plugins: PluginSearchOptions

        func validate() throws {
            guard LocalDate(iso: asOf) != nil else { throw ValidationError(CommandMessage.notADate(option: "--as-of", value: asOf).shown) }
            if let area, !(2...12).contains(area.count) || !area.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ValidationError(CommandMessage.notAnAreaCode(area).shown)
            }
            if verify && changed { throw ValidationError(CommandMessage.verifyOrChanged.shown) }
            guard workers > 0 else { throw ValidationError(CommandMessage.mustBePositive(option: "--workers").shown) }
        }

        func run() throws {
            let chain = try plugins.chain(of: plugin)
            let manifest = chain[chain.count - 1]
            let store = try registry.open()
            let engine = ScreeningEngine(chain: chain, options: .init(
                asOf: LocalDate(iso: asOf)!, area: area, actor: actor, workers: workers, limits: sandbox.limits))
            if verify {
                let verification = try ProgressLine.showing(.screening) { try engine.verify(on: store, progress: $0) }
                print(verification.report(plugin: manifest), terminator: "")
                if !verification.isClean { throw ExitCode(1) }
                return
            }
            let outcome = try ProgressLine.showing(.screening) { progress in
                try changed ? engine.runChanged(on: store, progress: progress) : engine.run(on: store, progress: progress)
            }
            let run = outcome.run
            let output = ScreeningOutput(
                run: run, checks: outcome.declarations.checks + outcome.declarations.assetChecks, plugin: manifest)
            try OutputFile.write(to: out) { write in
                try output.write(format, from: store, limit: limit, to: write)
            }
            if out != nil || format != .table { printError(output.summary()) }
            if let households = outcome.households {
                printError(CommandMessage.rescreened(households.count, advanced: outcome.advanced).shown)
            }
            if !run.isComplete { throw ExitCode(3) }
        }
    }
}

extension ScreeningOutput.Format: ExpressibleByArgument {}

/// Standard output or a file, written in pieces.
enum OutputFile {
    static func write(to path: String?, _ body: ((String) throws -> Void) throws -> Void) throws {
        guard let path else {
            try body { text in FileHandle.standardOutput.write(Data(text.utf8)) }
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError(CommandMessage.cannotWrite(path).shown)
        }
        defer { try? handle.close() }
        var buffer = Data()
        try body { text in
            buffer.append(contentsOf: text.utf8)
            if buffer.count > 1 << 16 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
    }
}
