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
            abstract: "Run a plugin's checks over every household (and asset) in scope and record the run.",
            discussion: """
                Households are read from the registry in parallel (--workers, default: one per core), each worker \
                with its own Lua state. The run and its findings are stored in short transactions (a server keeps writing meanwhile); \
                the run is shown only once finished. \
                A check that raises, returns nonsense or exhausts the instruction budget does not stop the run: \
                it is named with its plugin file and line, the other checks' findings stand, and the run is \
                marked incomplete (exit status 3).
                """
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: "The plugin: an installed plugin's id, or a folder holding a plugin.lua.")
        var plugin: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: "The assessment date (YYYY-MM-DD): parameters in force on it, ages on it, records up to it.")
        var asOf: String

        @Option(help: "Only households whose village code starts with this area code (default: the area the plugin serves).")
        var area: String?

        @Option(help: "table, json or csv.")
        var format: ScreeningOutput.Format = .table

        @Option(help: "Write the output to this file instead of standard output.")
        var out: String?

        @Option(help: "Findings listed in the table format.")
        var limit = 20

        @Option(help: "Workers (Lua states) screening at once.")
        var workers = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Who runs the screening (recorded with the run).")
        var actor: String = ProcessInfo.processInfo.userName

        @OptionGroup var sandbox: SandboxOptions
        @OptionGroup var plugins: PluginSearchOptions

        func validate() throws {
            guard LocalDate(iso: asOf) != nil else { throw ValidationError("--as-of \(asOf) is not a date written YYYY-MM-DD") }
            if let area, !(2...12).contains(area.count) || !area.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ValidationError("--area \(area) is not an area code (2 to 12 digits)")
            }
            guard workers > 0 else { throw ValidationError("--workers must be positive") }
        }

        func run() throws {
            let chain = try plugins.chain(of: plugin)
            let manifest = chain[chain.count - 1]
            let store = try registry.open()
            let engine = ScreeningEngine(chain: chain, options: .init(
                asOf: LocalDate(iso: asOf)!, area: area, actor: actor, workers: workers, limits: sandbox.limits))
            let outcome = try ProgressLine.showing(.screening, in: manifest.language) { try engine.run(on: store, progress: $0) }
            let run = outcome.run
            let output = ScreeningOutput(
                run: run, checks: outcome.declarations.checks + outcome.declarations.assetChecks, plugin: manifest)
            try OutputFile.write(to: out) { write in
                try output.write(format, from: store, limit: limit, to: write)
            }
            if out != nil || format != .table { printError(output.summary()) }
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
            throw ValidationError("cannot write \(path)")
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
