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
            abstract: CommandHelp.serveAbstract.shown,
            discussion: CommandHelp.serveDiscussion.shown
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: .shown(.servePlugin))
        var plugin: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: .shown(.serveHost))
        var host = DixianConfiguration.current.server.address ?? "127.0.0.1"

        @Option(help: .shown(.servePort))
        var port = DixianConfiguration.current.server.port ?? 8080

        @Option(help: .shown(.serveSelfReportLimit))
        var selfReportLimit = DixianConfiguration.current.server.selfReportLimit ?? 30

        @Option(help: .shown(.servePublicURL))
        var publicURL: String?

        /// `--public-url`, else the configuration file's `public_url`.
        private var publicAddress: String? { publicURL ?? DixianConfiguration.current.server.publicURL }

        @Option(help: .shown(.serveIdleTimeout))
        var idleTimeout = DixianConfiguration.current.server.idleTimeout ?? 30

        @Option(help: .shown(.serveMaxConnections))
        var maxConnections = DixianConfiguration.current.server.maxConnections ?? 256

        @Option(help: .shown(.serveRescreenHour))
        var rescreenHour = DixianConfiguration.current.server.rescreenHour ?? 1

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError(CommandMessage.outOfRange(option: "--port", from: 1, to: 65535, inSeconds: false).shown) }
            guard (1...3600).contains(idleTimeout) else { throw ValidationError(CommandMessage.outOfRange(option: "--idle-timeout", from: 1, to: 3600, inSeconds: true).shown) }
            guard (1...100_000).contains(maxConnections) else { throw ValidationError(CommandMessage.outOfRange(option: "--max-connections", from: 1, to: 100_000, inSeconds: false).shown) }
            guard (-1...23).contains(rescreenHour) else { throw ValidationError(CommandMessage.outOfRange(option: "--rescreen-hour", from: -1, to: 23, inSeconds: false).shown) }
            guard (0...100_000).contains(selfReportLimit) else { throw ValidationError(CommandMessage.outOfRange(option: "--self-report-limit", from: 0, to: 100_000, inSeconds: false).shown) }
            if let publicURL = publicAddress {
                guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw ValidationError(CommandMessage.publicURL.shown)
                }
            }
        }

        @OptionGroup var plugins: PluginSearchOptions

        func run() async throws {
            try await serve(try registry.open(memoryMapped: true))
        }

        private func serve(_ store: some ServerStore) async throws {
            let options = ServerOptions(selfReportLimit: selfReportLimit, publicURL: publicAddress.flatMap(URL.init(string:)),
                                        idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections)
            let server = try DixianServer(store: store, chain: try plugins.chain(of: plugin), options: options)
            printError(CommandMessage.serving(registry: registry.label, plugin: plugin, address: "http://\(host):\(port)").shown)
            let hour = rescreenHour
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.application(host: host, port: port).runService() }
                if hour >= 0 { group.addTask { await server.rescreenDaily(at: hour) } }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// `dixian user`: the server's users.
    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user", abstract: CommandHelp.userAbstract.shown,
            subcommands: [Add.self, PasswordCommand.self, List.self, Revoke.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.addAbstract.shown)
            @OptionGroup var registry: StoreOptions
            @Option(help: .shown(.loginName)) var name: String
            @Option(help: .shown(.addRole)) var role: UserRole
            @Option(help: .shown(.addArea)) var area: [String]
            @Option(help: .shown(.addExpires)) var expires: DateOption?

            func validate() throws {
                guard !name.isEmpty, !name.contains("."), !name.contains(":") else { throw ValidationError(CommandMessage.userName.shown) }
                guard !area.isEmpty, area.allSatisfy({ $0.count >= 2 && $0.allSatisfy(\.isNumber) }) else {
                    throw ValidationError(CommandMessage.areaNeeded.shown)
                }
            }

            @Option(help: .shown(.addActor))
            var actor: String = ProcessInfo.processInfo.userName

            @Option(help: .shown(.passwordFile)) var passwordFile: String?

            func run() async throws {
                // Read (and refused if it will not do) before anything is written.
                let password = try NewPassword.read(file: passwordFile, prompt: false, for: name)
                let store = try registry.open()
                for code in area {
                    guard [6, 9, 12].contains(code.count),
                        try await store.householdSummary(area: code).byCategory.values.reduce(0, +) > 0
                    else {
                        throw ValidationError(CommandMessage.areaNotInRegistry(code: code, registry: registry.label).shown)
                    }
                }
                let expiry = expires?.date ?? DateOption.today.date.adding(days: 90)
                var (token, user) = AccessToken.issue(name: name, role: role, areas: area, expiresOn: expiry)
                // A user given a new token keeps their password unless a new one is given.
                if let password {
                    user.passwordHash = Password.hash(password)
                } else {
                    user.passwordHash = try await store.user(named: name)?.passwordHash
                }
                try await store.saveUser(user, as: actor)
                print(token)
                printError(CommandMessage.userAdded(name: name, role: role.rawValue, areas: area.joined(separator: ", "), until: expiry).shown)
                if user.passwordHash == nil { printError(CommandMessage.noPasswordGiven(name).shown) }
            }
        }

        /// `dixian user password NAME`: a user's new password (never on the command line).
        struct PasswordCommand: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "password", abstract: CommandHelp.passwordAbstract.shown)
            @OptionGroup var registry: StoreOptions
            @Argument(help: .shown(.loginName)) var name: String
            @Option(help: .shown(.passwordFile)) var passwordFile: String?
            @Option(help: .shown(.passwordActor))
            var actor: String = ProcessInfo.processInfo.userName

            func run() async throws {
                let store = try registry.open()
                guard var user = try await store.user(named: name) else { throw ValidationError(CommandMessage.noUser(name).shown) }
                guard let password = try NewPassword.read(file: passwordFile, prompt: true, for: name) else {
                    throw ValidationError(CommandMessage.passwordRefused(.passwordTooShort(minimum: Password.minimumLength)).shown)
                }
                user.passwordHash = Password.hash(password)
                try await store.saveUser(user, as: actor)
                printError(CommandMessage.passwordSet(name).shown)
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.serveListAbstract.shown)
            @OptionGroup var registry: StoreOptions

            func run() async throws {
                for user in try await registry.open().users() {
                    print(CommandMessage.user(name: user.name, role: user.role.rawValue, roleName: user.role.chineseName, areas: user.areas.joined(separator: ","),
                                              until: user.expiresOn, revoked: user.revoked).shown)
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.revokeAbstract.shown)
            @OptionGroup var registry: StoreOptions
            @Argument(help: .shown(.loginName)) var name: String
            @Option(help: .shown(.revokeActor))
            var actor: String = ProcessInfo.processInfo.userName

            func run() async throws {
                let store = try registry.open()
                guard var user = try await store.user(named: name) else { throw ValidationError(CommandMessage.noUser(name).shown) }
                user.revoked = true
                try await store.saveUser(user, as: actor)
                print(CommandMessage.userRevoked(name).shown)
            }
        }
    }
}
