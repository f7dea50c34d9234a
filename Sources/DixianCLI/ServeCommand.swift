import ArgumentParser
import DixianCore
import DixianServer
import Foundation
import Hummingbird

extension UserRole: ExpressibleByArgument {}

extension Dixian {
    /// `dixian serve`: the HTTP server.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the registry over HTTP: the JSON API (/api, described at /openapi.json), the self-report page and the dashboard.",
            discussion: """
                Users sign in with the access tokens dixian user add prints; each sees and changes only what \\
                their role and areas allow, and every change is audited as theirs. The public self-report \\
                form (/self-report) takes a limited number of submissions a minute from one address.
                """
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: "The county plugin whose rules and language the server follows.")
        var plugin: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: "The address to listen on.")
        var host = DixianConfiguration.current.server.address ?? "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port = DixianConfiguration.current.server.port ?? 8080

        @Option(help: "Self-report submissions allowed per minute from one address.")
        var selfReportLimit = DixianConfiguration.current.server.selfReportLimit ?? 30

        @Option(help: "The address users reach the server at, behind a proxy (https://...: cookies are marked Secure, HSTS is sent).")
        var publicURL: String?

        /// `--public-url`, else the configuration file's `public_url`.
        private var publicAddress: String? { publicURL ?? DixianConfiguration.current.server.publicURL }

        @Option(help: "Seconds a connection may stay silent, or take to send a request's head, before it is closed.")
        var idleTimeout = DixianConfiguration.current.server.idleTimeout ?? 30

        @Option(help: "Connections served at once; more wait until one closes.")
        var maxConnections = DixianConfiguration.current.server.maxConnections ?? 256

        func validate() throws {
            guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be from 1 to 3600 seconds") }
            guard (1...100_000).contains(maxConnections) else { throw ValidationError("--max-connections must be from 1 to 100000") }
            guard (0...100_000).contains(selfReportLimit) else { throw ValidationError("--self-report-limit must be from 0 to 100000") }
            if let publicURL = publicAddress {
                guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw ValidationError("--public-url must be an http:// or https:// address, such as https://dixian.example.gov.cn")
                }
            }
        }

        @OptionGroup var plugins: PluginSearchOptions

        func run() async throws {
            try await serve(try registry.open())
        }

        private func serve(_ store: some ServerStore) async throws {
            let options = ServerOptions(selfReportLimit: selfReportLimit, publicURL: publicAddress.flatMap(URL.init(string:)),
                                        idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections)
            let server = try DixianServer(store: store, chain: try plugins.chain(of: plugin), options: options)
            printError("dixian: serving \(registry.label) with \(plugin) on http://\(host):\(port)")
            try await server.application(host: host, port: port).runService()
        }
    }

    /// `dixian user`: the server's users.
    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user", abstract: "Manage the server's users: add (prints the access token once), list, revoke.",
            subcommands: [Add.self, List.self, Revoke.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a user, or give an existing one a new token.")
            @OptionGroup var registry: StoreOptions
            @Option(help: "The login name.") var name: String
            @Option(help: "county-administrator, township-staff, village-cadre, department or auditor.") var role: UserRole
            @Option(help: "An area code the user works in (repeatable): a county, township or village code.") var area: [String]
            @Option(help: "The last day the token is good for (default: 90 days from today).") var expires: DateOption?

            func validate() throws {
                guard !name.isEmpty, !name.contains("."), !name.contains(":") else { throw ValidationError("--name must not be empty or hold '.' or ':'") }
                guard !area.isEmpty, area.allSatisfy({ $0.count >= 2 && $0.allSatisfy(\.isNumber) }) else {
                    throw ValidationError("give at least one --area, each an area code (digits)")
                }
            }

            @Option(help: "Who adds the user, for the audit trail (default: the system user).")
            var actor: String = ProcessInfo.processInfo.userName

            func run() async throws {
                let store = try registry.open()
                for code in area {
                    guard [6, 9, 12].contains(code.count),
                        try await store.householdSummary(area: code).byCategory.values.reduce(0, +) > 0
                    else {
                        throw ValidationError("--area \(code) is not a county (6 digits), township (9) or village (12) code of \(registry.label): no household's village code begins with it")
                    }
                }
                let expiry = expires?.date ?? DateOption.today.date.adding(days: 90)
                let (token, user) = AccessToken.issue(name: name, role: role, areas: area, expiresOn: expiry)
                try await store.saveUser(user, as: actor)
                print(token)
                printError("dixian: \(name) (\(role.rawValue), \(area.joined(separator: ", "))) until \(expiry); the token above is shown only once")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the users (never their tokens).")
            @OptionGroup var registry: StoreOptions

            func run() async throws {
                for user in try await registry.open().users() {
                    print("\(user.name)  \(user.role.rawValue)  \(user.areas.joined(separator: ","))  until \(user.expiresOn)\(user.revoked ? "  revoked" : "")")
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a user's access.")
            @OptionGroup var registry: StoreOptions
            @Argument(help: "The login name.") var name: String
            @Option(help: "Who revokes the user, for the audit trail (default: the system user).")
            var actor: String = ProcessInfo.processInfo.userName

            func run() async throws {
                let store = try registry.open()
                guard var user = try await store.user(named: name) else { throw ValidationError("no user \(name)") }
                user.revoked = true
                try await store.saveUser(user, as: actor)
                print("revoked \(name)")
            }
        }
    }
}
