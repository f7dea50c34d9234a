import Crypto
import DixianCore
import Foundation

/// Access tokens: `NAME.SECRET`, the secret 32 random bytes in hexadecimal. Only a salted
/// SHA-256 of the secret is stored (the secret is long and random, so a fast hash is enough);
/// the token itself is shown once, when the user is added.
public enum AccessToken {
    /// A new token for `name`, and the user record holding its hash.
    public static func issue(name: String, role: UserRole, areas: [String], expiresOn: LocalDate) -> (token: String, user: ServerUser) {
        let secret = randomHex(32), salt = randomHex(16)
        let user = ServerUser(name: name, role: role, areas: areas, tokenHash: hash(secret, salt: salt), salt: salt,
                              expiresOn: expiresOn)
        return ("\(name).\(secret)", user)
    }

    /// The user a presented token belongs to, if it is theirs, unrevoked and unexpired on `today`.
    public static func verify(_ token: String, today: LocalDate, in users: some UserStore) async throws -> ServerUser? {
        guard let dot = token.lastIndex(of: ".") else { return nil }
        let name = String(token[..<dot]), secret = String(token[token.index(after: dot)...])
        guard !name.isEmpty, !secret.isEmpty, let user = try await users.user(named: name),
            !user.revoked, today <= user.expiresOn
        else { return nil }
        return constantTimeEqual(hash(secret, salt: user.salt), user.tokenHash) ? user : nil
    }

    /// The CSRF token of a session signed in with `token`: derived from it, so that a page of
    /// another site can neither read nor forge it, and it ends with the token.
    public static func csrfToken(for token: String) -> String {
        SHA256.hash(data: Data(("dixian-csrf:" + token).utf8)).hexadecimal
    }

    /// Whether two tokens are equal, in time that does not depend on where they differ.
    static func matches(_ a: String, _ b: String) -> Bool { constantTimeEqual(a, b) }

    static func hash(_ secret: String, salt: String) -> String {
        SHA256.hash(data: Data((salt + secret).utf8)).hexadecimal
    }

    private static func randomHex(_ bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }.hexadecimal
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Sequence<UInt8> {
    /// The bytes as the letters a to p, one for each half byte. For what pages carry (form
    /// tokens, record versions): without digits, a token can never read as an ID number, whose
    /// run of 17 digits the pages are checked for (in hexadecimal, 64 random digits hold such a
    /// run about once in a hundred).
    var letters: String {
        var text: [UInt8] = []
        for byte in self {
            text.append(UInt8(ascii: "a") + (byte >> 4))
            text.append(UInt8(ascii: "a") + (byte & 0x0F))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes in lowercase hexadecimal, two digits each.
    var hexadecimal: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
