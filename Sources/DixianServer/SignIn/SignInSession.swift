import DixianCore
import Foundation

/// What a signed-in browser's session holds (in `DixianServer.sessions`, under the random id of
/// its `dixian_session` cookie): whose it is, the CSRF token every form of the session must
/// send back, the stamp of the password it was signed in with, and a notice to show once.
public struct SignInSession: Codable, Sendable, Equatable {
    /// The user's name.
    public var user: String
    /// The session's CSRF token: 32 random bytes as letters.
    public var csrf: String
    /// `Password.stamp(of:)` of the user's password hash when the session began.
    public var stamp: String
    /// What the last form posted did, in Chinese: set when it succeeds, shown by the next page
    /// that shows notices (the household page), then cleared.
    public var flash: String?

    /// A new session of `user`, with a new CSRF token.
    init(user: ServerUser) {
        self.user = user.name
        csrf = Self.randomToken()
        stamp = Password.stamp(of: user.passwordHash)
    }

    /// Whether the session still belongs to `user`: not revoked, password unchanged.
    func isValid(for user: ServerUser) -> Bool {
        !user.revoked && user.passwordHash != nil && stamp == Password.stamp(of: user.passwordHash)
    }

    /// 32 random bytes as letters (`letters`): a CSRF token (of a session, or of the sign-in form).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.letters
    }

    /// How long a session lasts from sign-in: a working day and its evening.
    static let lifetime: Duration = .seconds(12 * 3600)
    /// The session cookie's name.
    static let cookie = "dixian_session"
    /// The CSRF cookie's name: the sign-in form's token before a session exists (sent back in
    /// the form: a page of another site can neither read the cookie nor set the field to it),
    /// the session's token after, for a client of the API signed in by the session cookie.
    static let csrfCookie = "dixian_csrf"
}
