import Foundation

/// The environment tests run `dixian` in: the test runner's own, with nothing of this machine's
/// deployment. `dixian` reads `/etc/dixian/dixian.toml` when its working folder has no
/// `dixian.toml`, and the `DIXIAN_*` variables of the shell that started the tests; on a
/// machine where `scripts/install` has run, or a shell set up for a county, both would change
/// what the tests see. So the system configuration folder is an empty folder of the test run,
/// and `DIXIAN_CONFIG`, `DIXIAN_PLUGIN_PATH` and `DIXIAN_POSTGRES` are unset, unless the
/// test gives them itself. The locale names no language either (`C.UTF-8`), as on a county's
/// server: the plugin's language is spoken whatever the developer's shell says.
public enum DixianTestEnvironment {
    /// The variables a deployment or a user's shell sets for `dixian`, which no test inherits.
    public static let deploymentVariables = ["DIXIAN_CONFIG", "DIXIAN_PLUGIN_PATH", "DIXIAN_POSTGRES"]

    /// An empty folder, made once for the test run and removed when it ends, that
    /// `DIXIAN_SYSTEM_CONFIG_DIR` names in place of `/etc/dixian`.
    public static let systemConfigurationFolder: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dixian-tests-\(ProcessInfo.processInfo.processIdentifier)-no-system-configuration")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: DixianTestEnvironment.systemConfigurationFolder) }
        return folder.path
    }()

    /// The runner's environment without the deployment's variables, the system configuration
    /// folder the empty one (whatever folder the runner's `DIXIAN_SYSTEM_CONFIG_DIR` names).
    public static var isolated: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter {
            !deploymentVariables.contains($0.key) && $0.key != "DIXIAN_SYSTEM_CONFIG_DIR" && !localeVariables.contains($0.key)
        }
        environment["LANG"] = "C.UTF-8"
        return isolating(environment)
    }

    /// The variables that could name a language (`Language.ofLocale`), which no test inherits.
    public static let localeVariables = ["LANG", "LC_ALL", "LC_MESSAGES"]

    /// `environment`, a whole environment a test made, with the empty system configuration
    /// folder unless it names one itself; what it says of the deployment's variables stays.
    public static func isolating(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        if environment["DIXIAN_SYSTEM_CONFIG_DIR"] == nil {
            environment["DIXIAN_SYSTEM_CONFIG_DIR"] = systemConfigurationFolder
        }
        return environment
    }
}
