@testable import DixianCLI
import DixianTestSupport
import Foundation
import Testing

/// dixian.toml: every key read, paths taken relative to the file, and every mistake refused
/// with the file, line and key, never ignored.
struct ConfigurationFileTests {
    let file = URL(fileURLWithPath: "/srv/county/dixian.toml")

    func parse(_ text: String) throws(ConfigurationError) -> DixianConfiguration {
        try DixianConfiguration(toml: text, file: file)
    }

    /// The error `text` is refused with.
    func refusal(_ text: String) -> ConfigurationError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyKeyIsReadAndPathsAreRelativeToTheFilesFolder() throws {
        let configuration = try parse("""
            # a county on SQLite
            registry = "data/registry.sqlite"
            plugin = "minqin"
            plugin_folders = ["plugins", "/opt/county/plugins", "../shared"]

            [server]
            address = "0.0.0.0"
            port = 9090
            public_url = "https://dixian.example.gov.cn"
            self_report_limit = 10
            idle_timeout = 60
            max_connections = 64
            """)
        #expect(configuration.file == file)
        #expect(configuration.registry == "/srv/county/data/registry.sqlite")
        #expect(configuration.postgres == nil)
        #expect(configuration.plugin == "minqin")
        #expect(configuration.pluginFolders == ["/srv/county/plugins", "/opt/county/plugins", "/srv/shared"])
        #expect(configuration.server == DixianConfiguration.Server(
            address: "0.0.0.0", port: 9090, publicURL: "https://dixian.example.gov.cn", selfReportLimit: 10, idleTimeout: 60,
            maxConnections: 64))
    }

    @Test func aPluginGivenAsAFolderIsRelativeToTheFileAndAPostgresURLIsKeptAsWritten() throws {
        let configuration = try parse("""
            postgres = "postgres://dixian@127.0.0.1:5432/county"
            plugin = "./own/minqin-health"
            server.port = 8081
            """)
        #expect(configuration.postgres == "postgres://dixian@127.0.0.1:5432/county")
        #expect(configuration.registry == nil)
        #expect(configuration.plugin == "/srv/county/own/minqin-health")
        #expect(configuration.server.port == 8081)
        #expect(configuration.server.address == nil)
    }

    @Test func anEmptyFileSetsNothing() throws {
        #expect(try parse("# nothing yet\n") == DixianConfiguration(file: file))
    }

    @Test func anUnknownKeyIsRefusedWithItsLine() {
        let error = refusal("registry = \"r.sqlite\"\n\n# the plugin\nplugn = \"minqin\"\n")
        #expect(error == ConfigurationError(file: file.path, line: 4, key: "plugn", reason: .unknownKey))
        #expect(error?.description.hasPrefix("/srv/county/dixian.toml:4: plugn: unknown key (known: registry, postgres, plugin,") == true)
    }

    @Test func anUnknownKeyOfTheServerTableIsRefusedWithItsLine() {
        #expect(refusal("plugin = \"minqin\"\n[server]\nport = 8080\n  'host' = \"0.0.0.0\"\n")
                == ConfigurationError(file: file.path, line: 4, key: "server.host", reason: .unknownKey))
        #expect(refusal("[servers]\nport = 8080\n") == ConfigurationError(file: file.path, line: 1, key: "servers", reason: .unknownKey))
    }

    @Test func aValueOfTheWrongTypeIsRefusedWithItsLineAndWhatTheKeyTakes() {
        #expect(refusal("[server]\naddress = \"127.0.0.1\"\nport = \"8080\"\n")
                == ConfigurationError(file: file.path, line: 3, key: "server.port", reason: .wrongType(expected: "an integer", found: "string")))
        #expect(refusal("registry = 1\n")
                == ConfigurationError(file: file.path, line: 1, key: "registry", reason: .wrongType(expected: "a string", found: "integer")))
        #expect(refusal("plugin = \"minqin\"\nplugin_folders = [\"a\", 2]\n")
                == ConfigurationError(file: file.path, line: 2, key: "plugin_folders",
                                      reason: .wrongType(expected: "a list of strings", found: "integer")))
        #expect(refusal("plugin_folders = \"plugins\"\n")
                == ConfigurationError(file: file.path, line: 1, key: "plugin_folders",
                                      reason: .wrongType(expected: "a list of strings", found: "string")))
        #expect(refusal("server = 8080\n")
                == ConfigurationError(file: file.path, line: 1, key: "server", reason: .wrongType(expected: "a table", found: "integer")))
        #expect(refusal("plugin = \"\"\n") == ConfigurationError(file: file.path, line: 1, key: "plugin", reason: .empty))
    }

    @Test func textThatIsNotTOMLIsRefusedWithItsLine() {
        let error = refusal("registry = \"r.sqlite\"\nplugin = minqin\n")
        #expect(error?.line == 2)
        #expect(error?.key == nil)
        guard case .syntax = error?.reason else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix("/srv/county/dixian.toml:2: not TOML") == true)
    }

    @Test func twoRegistriesAreRefused() {
        #expect(refusal("registry = \"r.sqlite\"\npostgres = \"postgres://dixian@127.0.0.1/county\"\n")
                == ConfigurationError(file: file.path, line: 2, key: "postgres", reason: .twoRegistries))
    }

    @Test func theFileIsFoundGivenThenInTheEnvironmentThenInTheWorkingFolderThenInTheSystemFolder() throws {
        let folder = TemporaryFolder("dixian-configuration")
        let working = folder.url.appendingPathComponent("work"), system = folder.url.appendingPathComponent("etc")
        for url in [working, system] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        let environment = ["DIXIAN_SYSTEM_CONFIG_DIR": system.path]
        func located(_ given: String?, _ extra: [String: String] = [:]) -> String? {
            DixianConfiguration.locate(given: given, environment: environment.merging(extra) { $1 }, workingFolder: working)?.path
        }
        #expect(located(nil) == nil)
        #expect(try DixianConfiguration.load(given: nil, environment: environment, workingFolder: working) == DixianConfiguration())

        try "plugin = \"yanchi\"\n".write(to: system.appendingPathComponent("dixian.toml"), atomically: true, encoding: .utf8)
        #expect(located(nil) == system.appendingPathComponent("dixian.toml").path)
        try "plugin = \"minqin\"\n".write(to: working.appendingPathComponent("dixian.toml"), atomically: true, encoding: .utf8)
        #expect(located(nil) == working.appendingPathComponent("dixian.toml").path)
        #expect(try DixianConfiguration.load(given: nil, environment: environment, workingFolder: working).plugin == "minqin")
        #expect(located(nil, ["DIXIAN_CONFIG": "other.toml"]) == working.appendingPathComponent("other.toml").path)
        #expect(located("/srv/given.toml", ["DIXIAN_CONFIG": "other.toml"]) == "/srv/given.toml")

        // A file named outright must exist: a typo must not fall back to another file.
        #expect(throws: ConfigurationError(file: working.appendingPathComponent("other.toml").path, reason: .notFound)) {
            try DixianConfiguration.load(given: nil, environment: environment.merging(["DIXIAN_CONFIG": "other.toml"]) { $1 },
                                         workingFolder: working)
        }
    }

    @Test func configIsTakenOffTheCommandLineWhereverItStandsBeforeTheCommandsOwnArguments() throws {
        let split = { (arguments: [String]) throws(ConfigurationError) in try ConfigurationArgument.split(arguments) }
        #expect(try split(["screen", "--config", "a.toml", "--as-of", "2024-06-30"]) == ("a.toml", ["screen", "--as-of", "2024-06-30"]))
        #expect(try split(["--config=b.toml", "serve"]) == ("b.toml", ["serve"]))
        #expect(try split(["screen", "--as-of", "2024-06-30"]) == (nil, ["screen", "--as-of", "2024-06-30"]))
        #expect(try split(["eval", "--", "--config", "x"]) == (nil, ["eval", "--", "--config", "x"]))
        #expect(try split(["--config", "c.toml", "run", "s.lua", "--config", "x"]) == ("c.toml", ["run", "s.lua", "--config", "x"]))
        #expect(throws: ConfigurationError(file: "--config", reason: .noFileGiven)) { try split(["screen", "--config"]) }
    }

    @Test func keyLinesFollowTablesQuotesAndDottedKeys() {
        let lines = TOMLKeyLines("""
            # comment = 1
            a = 1
            "b.c" = 'x = y'
            [server]
            port = 1
            [ other . "inner" ]
            d.e = { f = 2 }
            """)
        #expect(lines.line(of: ["a"]) == 2)
        #expect(lines.line(of: ["b.c"]) == 3)
        #expect(lines.line(of: ["comment"]) == nil)
        #expect(lines.line(of: ["server", "port"]) == 5)
        #expect(lines.line(of: ["other", "inner"]) == 6)
        #expect(lines.line(of: ["other", "inner", "d", "e"]) == 7)
        #expect(lines.line(of: ["other", "inner", "d", "e", "f"]) == 7)
    }
    @Test func aCRLFFileKeepsItsLines() {
        let text = "registry = \"r.sqlite\"\r\n\r\n[server]\r\nport = 8080\r\nprot = 1\r\n"
        #expect(TOMLKeyLines(text).line(of: ["server", "port"]) == 4)
        #expect(refusal(text) == ConfigurationError(file: file.path, line: 5, key: "server.prot", reason: .unknownKey))
    }

    @Test func linesInsideAMultiLineStringAreNotKeys() {
        let lines = TOMLKeyLines(#"""
            a = """
            b = 1
            still "inside" ''' \"""
            """
            c = '''
            d = "
            ''' # e = """
            f = "not \"\"\" open"
            g = 1 # not """ open
            h = 2
            """#)
        #expect(lines.line(of: ["a"]) == 1)
        #expect(lines.line(of: ["b"]) == nil)
        #expect(lines.line(of: ["c"]) == 5)
        #expect(lines.line(of: ["d"]) == nil)
        #expect(lines.line(of: ["e"]) == nil)
        #expect(lines.line(of: ["f"]) == 8)
        #expect(lines.line(of: ["g"]) == 9)
        #expect(lines.line(of: ["h"]) == 10)
        // The refusal names the key's own line, not a line of the string before it.
        #expect(refusal("postgres = \"\"\"\nplugn = 1\n\"\"\"\nplugn = 2\n")
                == ConfigurationError(file: file.path, line: 4, key: "plugn", reason: .unknownKey))
    }

    @Test func theWorkingFoldersFileIsReadOnlyWhenNoOneElseCouldHavePutItThere() throws {
        let folder = TemporaryFolder("dixian-trust")
        let working = folder.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: working, withIntermediateDirectories: true)
        let file = working.appendingPathComponent("dixian.toml")
        try "plugin = \"minqin\"\n".write(to: file, atomically: true, encoding: .utf8)
        let environment = ["DIXIAN_SYSTEM_CONFIG_DIR": folder.path("no-system-configuration")]
        func load(_ given: String? = nil) throws(ConfigurationError) -> DixianConfiguration {
            try DixianConfiguration.load(given: given, environment: environment, workingFolder: working)
        }
        func chmod(_ url: URL, _ mode: Int) throws {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }
        try chmod(file, 0o644)
        try chmod(working, 0o755)
        #expect(try load().plugin == "minqin")

        try chmod(file, 0o664)
        #expect(throws: ConfigurationError(file: file.path, reason: .untrusted(.fileWritableByOthers))) { try load() }
        try chmod(file, 0o644)
        for mode in [0o775, 0o777, 0o1777] {  // 1777: a sticky folder such as /tmp
            try chmod(working, mode)
            #expect(throws: ConfigurationError(file: file.path, reason: .untrusted(.folderWritableByOthers))) { try load() }
        }
        // Named outright, the same file is read: someone chose it.
        #expect(try load("dixian.toml").plugin == "minqin")
        #expect(try DixianConfiguration.load(given: nil, environment: environment.merging(["DIXIAN_CONFIG": file.path]) { $1 },
                                             workingFolder: working).plugin == "minqin")
        let refusal = ConfigurationError(file: file.path, reason: .untrusted(.folderWritableByOthers))
        #expect(refusal.description.contains("--config"), "\(refusal.description)")
        try chmod(working, 0o755)

        // A file of another user (root's own files are trusted by everyone).
        if geteuid() == 0 {
            #expect(chown(file.path, 54_321, 54_321) == 0)
            #expect(FileTrust.distrust(of: file, user: 0) == .ownedByOther(owner: 54_321))
            #expect(FileTrust.distrust(of: file, user: 54_321) == nil)
        } else {
            #expect(FileTrust.distrust(of: file, user: geteuid() &+ 1) == .ownedByOther(owner: geteuid()))
            #expect(FileTrust.distrust(of: file, user: geteuid()) == nil)
        }

        // A symbolic link in the working folder: its owner could aim it at any TOML file.
        if geteuid() == 0 { #expect(chown(file.path, 0, 0) == 0) }
        let elsewhere = working.appendingPathComponent("elsewhere.toml")
        try FileManager.default.moveItem(at: file, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: elsewhere)
        #expect(throws: ConfigurationError(file: file.path, reason: .untrusted(.symbolicLink))) { try load() }
        try FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: elsewhere, to: file)

        // A folder of another user, who may put any file there.
        if geteuid() == 0 {
            #expect(chown(working.path, 54_321, 54_321) == 0)
            #expect(FileTrust.distrust(of: file, user: 0) == .folderOwnedByOther(owner: 54_321))
            #expect(chown(working.path, 0, 0) == 0)
        } else {
            #expect(FileTrust.distrust(of: file, user: geteuid() &+ 1) != nil)
        }
    }
}

