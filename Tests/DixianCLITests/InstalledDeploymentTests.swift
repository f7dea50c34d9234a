@testable import DixianCLI
import DixianCore
import DixianTestSupport
import Foundation
import Testing

/// Issue 21, "a deployment that finds itself": `scripts/install` puts the binary, the shipped
/// plugins, the systemd unit and a configuration template in place; from a folder outside the
/// checkout, the installed `dixian` with a `dixian.toml` imports, screens, writes a checklist
/// and serves with no `--db` or `--plugin`; an integrator's plugin kept in a folder of its own
/// extends the installed `minqin`.
@Suite(.serialized)
struct InstalledDeploymentTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let folder = TemporaryFolder("dixian-installed")
    var stage: URL { folder.url.appendingPathComponent("stage") }
    var installed: URL { stage.appendingPathComponent("usr/local/bin/dixian") }

    /// The environment of a user with no Dixian settings of their own: nothing names a
    /// configuration, plugin folder or database, and the system folder is the test's.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["DIXIAN_CONFIG", "DIXIAN_PLUGIN_PATH", "DIXIAN_POSTGRES"] { environment[name] = nil }
        environment["DIXIAN_SYSTEM_CONFIG_DIR"] = folder.path("no-system-configuration")
        return environment
    }

    /// Runs `scripts/install --no-build` of the built binary into `stage`, from the binary's
    /// folder, naming it relative to there. `apt-get` and `dpkg-query` are the test's: every
    /// package looks missing, and installing one fails, since nothing may be installed under DESTDIR.
    func install() async throws -> DixianProcess.Outcome {
        let tools = folder.url.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        for (tool, body) in [("dpkg-query", "exit 1"), ("apt-get", "echo \"apt-get $*\" >> \(folder.path("apt-get-ran"))\nexit 1")] {
            let url = tools.appendingPathComponent(tool)
            try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        let environment = environment.merging(
            ["DESTDIR": stage.path, "PREFIX": "/usr/local", "PATH": tools.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")]) { $1 }
        let script = Self.checkout.appendingPathComponent("scripts/install")
        let binary = DixianProcess.executable
        let outcome = try await DixianProcess.run([script.path, "--no-build", "--binary", "./" + binary.lastPathComponent],
                                                  executable: URL(fileURLWithPath: "/bin/bash"), in: binary.deletingLastPathComponent(),
                                                  environment: environment)
        #expect(!FileManager.default.fileExists(atPath: folder.path("apt-get-ran")), "apt-get ran under DESTDIR")
        return outcome
    }

    /// A folder of the test's, outside the checkout, holding `configuration` as its dixian.toml.
    func workFolder(_ name: String, configuration: String) throws -> URL {
        let url = folder.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try configuration.write(to: url.appendingPathComponent("dixian.toml"), atomically: true, encoding: .utf8)
        return url
    }

    /// The installed `dixian` with `arguments`, run in `folder`.
    func dixian(_ arguments: [String], in folder: URL) async throws -> DixianProcess.Outcome {
        try await DixianProcess.run(arguments, executable: installed, in: folder, environment: environment)
    }

    @Test func scriptsInstallPutsTheBinaryPluginsUnitAndATemplateThatItNeverReplaces() async throws {
        let first = try await install()
        #expect(first.status == 0, "\(first.output)\(first.errorOutput)")
        let files = FileManager.default
        #expect(files.isExecutableFile(atPath: installed.path))
        #expect(files.fileExists(atPath: stage.appendingPathComponent("usr/local/share/dixian/plugins/minqin/plugin.lua").path))
        #expect(files.fileExists(atPath: stage.appendingPathComponent("usr/local/share/dixian/plugins/national/plugin.lua").path))
        // The integrator's template is documentation to copy, not an installed plugin.
        #expect(!files.fileExists(atPath: stage.appendingPathComponent("usr/local/share/dixian/plugins/examples").path))
        #expect(files.fileExists(atPath: stage.appendingPathComponent("usr/local/share/doc/dixian/examples/extra-check/plugin.lua").path))
        #expect(files.fileExists(atPath: stage.appendingPathComponent("usr/local/share/doc/dixian/operations.md").path))

        let unit = try String(contentsOf: stage.appendingPathComponent("etc/systemd/system/dixian.service"), encoding: .utf8)
        for line in ["ExecStart=/usr/local/bin/dixian serve", "User=dixian", "Environment=DIXIAN_CONFIG=/etc/dixian/dixian.toml",
                     "NoNewPrivileges=yes", "ProtectSystem=strict", "StateDirectory=dixian", "SystemCallFilter=@system-service",
                     "ProtectProc=invisible", "RestartPreventExitStatus=64 78"] {
            #expect(unit.split(separator: "\n").contains { $0 == line }, "the unit lacks \(line)")
        }
        // StateDirectory= makes /var/lib/dixian writable; ReadWritePaths= would only repeat it.
        #expect(!unit.contains("ReadWritePaths="))
        try await verifies(unit)

        // The template is a configuration dixian accepts, and installing again keeps the one edited.
        let template = stage.appendingPathComponent("etc/dixian/dixian.toml")
        #expect(try DixianConfiguration.read(template).registry == "/var/lib/dixian/registry.sqlite")
        try "plugin = \"minqin\"\n".write(to: template, atomically: true, encoding: .utf8)
        let again = try await install()
        #expect(again.status == 0, "\(again.output)\(again.errorOutput)")
        #expect(try String(contentsOf: template, encoding: .utf8) == "plugin = \"minqin\"\n")
    }

    /// `systemd-analyze verify` finds nothing to say about `unit` (its ExecStart pointed at the
    /// staged binary, which exists), where systemd is installed.
    func verifies(_ unit: String) async throws {
        let analyze = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        guard FileManager.default.isExecutableFile(atPath: analyze.path) else { return }
        let file = folder.url.appendingPathComponent("dixian.service")
        try unit.replacingOccurrences(of: "ExecStart=/usr/local/bin/dixian", with: "ExecStart=\(installed.path)")
            .write(to: file, atomically: true, encoding: .utf8)
        let verified = try await DixianProcess.run(["verify", "--man=no", file.path], executable: analyze, environment: environment)
        #expect(verified.status == 0 && verified.errorOutput.isEmpty && verified.output.isEmpty,
                "\(verified.output)\(verified.errorOutput)")
    }

    @Test func anInstalledDixianWithAConfigurationFileNeedsNoDbOrPluginFlags() async throws {
        let installation = try await install()
        #expect(installation.status == 0, "\(installation.output)\(installation.errorOutput)")
        let work = try workFolder("county", configuration: """
            registry = "data/registry.sqlite"
            plugin = "minqin"
            """)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("data"), withIntermediateDirectories: true)

        // Nothing is found before the registry exists, and the error says where it was looked for,
        // in the language of the file's plugin (Chinese: the locale names none).
        let early = try await dixian(["audit", "verify"], in: work)
        #expect(early.status != 0)
        #expect(early.errorOutput.contains("登记库 \(work.path)/data/registry.sqlite（\(work.path)/dixian.toml 中的 registry）不存在"),
                "\(early.errorOutput)")

        let generated = try await dixian(["generate", "--county", "minqin", "--households", "30", "--seed", "4", "--out", "intake"], in: work)
        #expect(generated.status == 0, "\(generated.errorOutput)")
        let imported = try await dixian(["import", "intake"], in: work)
        #expect(imported.status == 0, "\(imported.errorOutput)")
        #expect(imported.output.contains("households.csv 30"))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("data/registry.sqlite").path))

        let screened = try await dixian(["screen", "--as-of", "2024-06-30", "--format", "csv", "--out", "findings.csv"], in: work)
        #expect(screened.status == 0, "\(screened.errorOutput)")
        let findings = try String(contentsOf: work.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(findings.contains("minqin."), "no finding of Minqin's checks")

        let listed = try await dixian(["checklist", "six-musts-visit-list", "--format", "xlsx", "--out", "六必访.xlsx"], in: work)
        #expect(listed.status == 0, "\(listed.errorOutput)")
        #expect(listed.output.contains("已写入 六必访.xlsx"), "\(listed.output)")
        let sheets = try await offThePool { try OpenPyXL.sheets(of: work.appendingPathComponent("六必访.xlsx")) }
        #expect(sheets.count == 1)

        // eval takes the file's plugin for the registry's console, the registry given or not.
        for arguments in [["eval"], ["eval", "--db", "data/registry.sqlite"]] {
            let evaluated = try await dixian(arguments + ["--as-of", "2024-06-30", "return today"], in: work)
            #expect(evaluated.status == 0, "\(evaluated.errorOutput)")
            #expect(evaluated.output.contains("2024-06-30"), "\(evaluated.output)")
        }

        // A flag still wins over the file.
        let flagged = try await dixian(["audit", "verify", "--db", "elsewhere.sqlite"], in: work)
        #expect(flagged.status != 0)
        #expect(flagged.errorOutput.contains("--db elsewhere.sqlite 不存在"), "\(flagged.errorOutput)")

        try await serves(from: work)
    }

    /// `dixian serve`, started in `work` with the port in its dixian.toml, answers a page and the API.
    func serves(from work: URL) async throws {
        for _ in 0..<5 {
            let port = 20_000 + Int.random(in: 0..<20_000)
            try """
                registry = "data/registry.sqlite"
                plugin = "minqin"

                [server]
                address = "127.0.0.1"
                port = \(port)
                """.write(to: work.appendingPathComponent("dixian.toml"), atomically: true, encoding: .utf8)
            let server = Process()
            server.executableURL = installed
            server.arguments = ["serve"]
            server.currentDirectoryURL = work
            server.environment = environment
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            var listening = false
            for _ in 0..<300 where server.isRunning {
                listening = ConnectionLimitTests.listens(port)
                if listening { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            guard listening else { continue }
            for path in ["/self-report", "/openapi.json"] {
                let connection = try ConnectionLimitTests.Connection(port: port, timeout: 60)
                connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                let answer = await connection.readUntilClosed() ?? ""
                #expect(answer.hasPrefix("HTTP/1.1 200"), "GET \(path): \(answer.prefix(300))")
            }
            return
        }
        Issue.record("dixian serve never listened")
    }

    @Test func anIntegratorsPluginInItsOwnFolderExtendsTheInstalledMinqin() async throws {
        let installation = try await install()
        #expect(installation.status == 0, "\(installation.output)\(installation.errorOutput)")
        let integrator = folder.url.appendingPathComponent("minqin-health")
        try FileManager.default.copyItem(at: Self.checkout.appendingPathComponent("Plugins/examples/extra-check"), to: integrator)

        // In the locale's language, else the (Chinese) plugin's.
        let language = Language.shown(environment: environment, plugin: .chinese)
        let tested = try await dixian(["plugin", "test", "--plugin-dir", ".", "minqin-extra"], in: integrator)
        #expect(tested.status == 0, "\(tested.output)\(tested.errorOutput)")
        #expect(tested.output.contains(PluginCommandMessage.tally(plugin: "minqin-extra", specs: 4, failed: 0).text(in: language)), "\(tested.output)")

        // With a dixian.toml of its own, the plugin is the default, and plugin list says where each comes from.
        try "plugin_folders = [\".\"]\nplugin = \"minqin-extra\"\n".write(
            to: integrator.appendingPathComponent("dixian.toml"), atomically: true, encoding: .utf8)
        let listed = try await dixian(["plugin", "list"], in: integrator)
        #expect(listed.status == 0, "\(listed.errorOutput)")
        let installedPlugins = stage.appendingPathComponent("usr/local/share/dixian/plugins").path
        func extends(_ base: String) -> String { CommandMessage.pluginExtends(base).text(in: language) }
        #expect(listed.output.contains("minqin-extra\t0.1.0\t民勤县（含扩展检查） \(extends("minqin"))\t\(integrator.path)\t(\(ConfigurationMessage.origin(.configuration, file: integrator.path + "/dixian.toml").text(in: language)))"),
                "\(listed.output)")
        #expect(listed.output.contains("minqin\t2024.1\t民勤县 \(extends("national"))\t\(installedPlugins)/minqin\t(\(ConfigurationMessage.origin(.installation, file: "").text(in: language)))"), "\(listed.output)")

        let checked = try await dixian(["plugin", "check", "minqin-extra"], in: integrator)
        #expect(checked.status == 0, "\(checked.errorOutput)")
        #expect(checked.output.contains(PluginCommandMessage.extends("minqin → national").text(in: language)), "\(checked.output)")
    }

    @Test func aConfigurationFileWithAMistakeStopsEveryCommandNamingItsLineAndKey() async throws {
        let installation = try await install()
        #expect(installation.status == 0, "\(installation.output)\(installation.errorOutput)")
        let work = try workFolder("mistaken", configuration: "plugin = \"minqin\"\n\n[server]\nprot = 8080\n")
        // Refused in the language of the plugin the file names, or the locale's.
        var chinese = environment, english = environment
        for name in Language.localeVariables { (chinese[name], english[name]) = (nil, nil) }
        (chinese["LANG"], english["LANG"]) = ("C.UTF-8", "en_US.UTF-8")
        let unknown = ConfigurationMessage.unknownKey(known: ConfigurationMessages.knownKeys)
        for arguments in [["plugin", "list"], ["serve"], ["--help"]] {
            for (locale, language) in [(chinese, Language.chinese), (english, .english)] {
                let refused = try await DixianProcess.run(arguments, executable: installed, in: work, environment: locale)
                #expect(refused.status == 78)
                #expect(refused.errorOutput == "dixian: \(work.path)/dixian.toml:4: server.prot: \(unknown.text(in: language))\n")
            }
        }
        // Without a file, a command that needs a plugin says both ways to give it, with its own usage.
        let empty = try workFolder("empty", configuration: "")
        let screened = try await dixian(["screen", "--db", "r.sqlite", "--as-of", "2024-06-30"], in: empty)
        #expect(screened.status == 64)
        #expect(screened.errorOutput.contains(ConfigurationMessages.noPlugin), "\(screened.errorOutput)")
        #expect(screened.errorOutput.contains("dixian screen ") && screened.errorOutput.contains("dixian screen --help"),
                "\(screened.errorOutput)")
        #expect(!screened.errorOutput.contains("<subcommand>"), "\(screened.errorOutput)")

        // A port the file gives is checked as the flag is, before anything binds.
        let far = try workFolder("far", configuration: "registry = \"r.sqlite\"\nplugin = \"minqin\"\n[server]\nport = 99999999\n")
        let served = try await dixian(["serve"], in: far)
        #expect(served.status == 64)
        #expect(served.errorOutput.contains("--port") && served.errorOutput.contains("65535"), "\(served.errorOutput)")
    }

    @Test func aConfigurationFileInAFolderOthersCanWriteIsNotRead() async throws {
        let installation = try await install()
        #expect(installation.status == 0, "\(installation.output)\(installation.errorOutput)")
        let shared = try workFolder("shared", configuration: "plugin = \"minqin\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: shared.path)
        let file = shared.appendingPathComponent("dixian.toml").path
        let refused = try await dixian(["plugin", "list"], in: shared)
        #expect(refused.status == 78)
        #expect(refused.errorOutput == "dixian: \(file): \(ConfigurationMessage.untrusted(.folderWritableByOthers).shown)\n",
                "\(refused.errorOutput)")
        // Named outright, it is read.
        let named = try await dixian(["plugin", "list", "--config", file], in: shared)
        #expect(named.status == 0, "\(named.errorOutput)")
    }
}
