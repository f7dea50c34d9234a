import Foundation

/// A deployment's settings, read from a `dixian.toml` so that commands need not repeat `--db`,
/// `--plugin` and the server's options (docs/operations.md lists every key). The commands take
/// these values only as defaults: a flag, and `DIXIAN_POSTGRES` or `DIXIAN_PLUGIN_PATH`, win.
struct DixianConfiguration: Sendable, Equatable {
    /// The file the settings were read from; nil when there was none.
    var file: URL?
    /// The registry's SQLite file, absolute.
    var registry: String?
    /// The registry's PostgreSQL URL (its password may be left to `DIXIAN_POSTGRES`).
    var postgres: String?
    /// The county plugin a command uses when `--plugin` is not given: an installed plugin's id,
    /// or (when it holds a `/`) a plugin's folder, absolute.
    var plugin: String?
    /// Folders of plugins, absolute, searched after `--plugin-dir` and `DIXIAN_PLUGIN_PATH`.
    var pluginFolders: [String] = []
    /// What `dixian serve` takes that a deployment sets once.
    var server = Server()

    /// The `[server]` table: defaults for `dixian serve`'s options of the same names.
    struct Server: Sendable, Equatable {
        /// `--host`: the address to listen on.
        var address: String?
        var port: Int?
        var publicURL: String?
        var selfReportLimit: Int?
        var idleTimeout: Int?
        var maxConnections: Int?
        /// `--rescreen-hour`: when the daily re-screening runs (Beijing time), -1 for never.
        var rescreenHour: Int?
    }
}

extension DixianConfiguration {
    /// The file's name in the working folder and in the system folder.
    static let fileName = "dixian.toml"
    /// The system folder, unless `DIXIAN_SYSTEM_CONFIG_DIR` names another (for tests and packagers).
    static let systemFolder = "/etc/dixian"

    /// This run's settings, read once: from `--config FILE` or `DIXIAN_CONFIG`, else
    /// `./dixian.toml` (when `FileTrust` trusts it), else `/etc/dixian/dixian.toml`; empty when there is no such file. A file
    /// that is refused is reported by `Dixian.main` before any command runs, so a command
    /// never sees this empty in place of a broken file.
    static let current: DixianConfiguration = (try? loaded.get()) ?? DixianConfiguration()

    /// This run's settings, or why its file was refused.
    static let loaded = Result { () throws(ConfigurationError) -> DixianConfiguration in
        let given = try ConfigurationArgument.split(Array(CommandLine.arguments.dropFirst())).file
        return try load(given: given, environment: ProcessInfo.processInfo.environment,
                        workingFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }

    /// The settings for a run given `--config given` (or nil), in `environment`, from `workingFolder`.
    /// The working folder's file, which no one named, is read only if `FileTrust` trusts it.
    static func load(given: String?, environment: [String: String], workingFolder: URL) throws(ConfigurationError) -> DixianConfiguration {
        guard let file = locate(given: given, environment: environment, workingFolder: workingFolder) else { return DixianConfiguration() }
        if named(given: given, environment: environment) == nil,
           file.deletingLastPathComponent().standardizedFileURL.path == workingFolder.standardizedFileURL.path,
           let trusted = FileTrust.read(file, user: geteuid()) {
            switch trusted {
            case .success(let data): return try parse(data, file: file)
            case .failure(let distrust): throw ConfigurationError(file: file.path, reason: .untrusted(distrust))
            }
        }
        return try read(file)
    }

    /// The file `--config` or `DIXIAN_CONFIG` names, as given.
    static func named(given: String?, environment: [String: String]) -> String? {
        given ?? environment["DIXIAN_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The file a run reads: the one named by `--config` or `DIXIAN_CONFIG` (whether or not it
    /// exists: reading it then says it does not), else the first of the working folder's and the
    /// system folder's that exists.
    static func locate(given: String?, environment: [String: String], workingFolder: URL) -> URL? {
        if let named = named(given: given, environment: environment) {
            return URL(fileURLWithPath: named, relativeTo: URL(fileURLWithPath: workingFolder.path, isDirectory: true)).standardizedFileURL
        }
        let system = environment["DIXIAN_SYSTEM_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? systemFolder
        return [workingFolder, URL(fileURLWithPath: system, isDirectory: true)]
            .map { $0.appendingPathComponent(fileName).standardizedFileURL }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The settings in `file`.
    static func read(_ file: URL) throws(ConfigurationError) -> DixianConfiguration {
        guard FileManager.default.fileExists(atPath: file.path) else { throw ConfigurationError(file: file.path, reason: .notFound) }
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw ConfigurationError(file: file.path, reason: .unreadable(error.localizedDescription)) }
        return try parse(data, file: file)
    }

    /// The settings `data`, the contents of `file`, hold.
    static func parse(_ data: Data, file: URL) throws(ConfigurationError) -> DixianConfiguration {
        guard let text = String(data: data, encoding: .utf8) else { throw ConfigurationError(file: file.path, reason: .notUTF8) }
        return try DixianConfiguration(toml: text, file: file)
    }
}
