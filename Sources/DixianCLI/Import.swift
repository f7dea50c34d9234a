import ArgumentParser
import DixianInterchange
import DixianSQLite
import Foundation

extension Dixian {
    /// `dixian import`: interchange files, or a department's pushed warnings, into the registry.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import interchange CSV files, or a department's warnings, into the registry.",
            subcommands: [Files.self, Warnings.self],
            defaultSubcommand: Files.self
        )
    }
}

extension Dixian.Import {
    /// `dixian import [files] PATH`: interchange files into the registry, all or nothing.
    struct Files: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import interchange files (CSV or XLSX) into the registry, all or nothing (the default).",
            discussion: """
                PATH is a folder of interchange files (households.csv, members.csv, ...) or one of \
                them; docs/data-format.md describes them. A table may come as an XLSX workbook of the \
                same name and columns instead (households.xlsx, first sheet; lines are its row \
                numbers). Either every row is imported, or nothing \
                is changed and every bad row is listed with its file, line, column and reason \
                (exit status 1).
                """
        )

        @Argument(help: "A folder of interchange files, or one file.")
        var path: String

        @OptionGroup var registry: StoreOptions

        @Option(help: "Who the changes are made by, for the audit trail (default: the system user).")
        var actor: String = ProcessInfo.processInfo.userName

        @Flag(help: "Check the files and list every problem, without changing the registry.")
        var dryRun = false

        func run() async throws {
            let source = try RegistryImport(path: URL(fileURLWithPath: path))
            do {
                let report: ImportReport
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
                    report = try await ProgressLine.showing(.importing) { try await source.apply(to: store, as: actor, progress: $0) }
                }
                guard report.problems.isEmpty else { throw ImportRejected(report: report) }
                let counts = report.rowCounts.map { "\($0.file) \($0.rows)" }.joined(separator: ", ")
                print("\(dryRun ? "checked" : "imported") \(report.totalRows) rows: \(counts)")
            } catch let rejection as ImportRejected {
                try rejection.exit()
            }
        }
    }
}

extension ImportRejected {
    /// Lists every problem on standard error and exits with status 1.
    func exit() throws -> Never {
        for problem in report.problems { printError(problem.description) }
        printError("\(report.problems.count) problems; nothing was imported")
        throw ExitCode.failure
    }
}
