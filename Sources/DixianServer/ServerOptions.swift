import Foundation

/// How a server faces the network: its public address, how long it waits for slow or silent
/// clients, how many it serves at once, and how often the public form may be used.
public struct ServerOptions: Sendable {
    /// Self-report submissions allowed per `selfReportWindow` from one address.
    public var selfReportLimit: Int
    /// The window the limit counts in: a minute.
    public var selfReportWindow: Duration = .seconds(60)
    /// The address users reach the server at, when it differs from where it listens (behind a
    /// proxy). With `https`, cookies are marked `Secure` and browsers are told to use HTTPS only.
    public var publicURL: URL?
    /// How long a connection may stay silent, or take to send a request's head, before it is closed.
    public var idleTimeout: Duration
    /// Connections served at once; beyond it new ones wait, unaccepted, for one to close.
    public var maxConnections: Int

    /// Options; the defaults suit a county's server on one machine.
    public init(selfReportLimit: Int = 30, publicURL: URL? = nil, idleTimeout: Duration = .seconds(30), maxConnections: Int = 256) {
        self.selfReportLimit = selfReportLimit
        self.publicURL = publicURL
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// Whether users reach the server over HTTPS.
    var isSecure: Bool { publicURL?.scheme?.lowercased() == "https" }
}
