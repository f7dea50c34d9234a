/// Why a configuration file was refused: the file, and the line and key at fault when there is one.
struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    enum Reason: Equatable {
        /// `--config` or `DIXIAN_CONFIG` names a file that does not exist.
        case notFound
        /// `--config` is the last argument.
        case noFileGiven
        case unreadable(String)
        case notUTF8
        /// Not TOML: the parser's description and the column it stopped at.
        case syntax(String, column: Int)
        case unknownKey
        /// A value of the wrong TOML type: what the key takes, and the type found.
        case wrongType(expected: String, found: String)
        case empty
        /// Both `registry` and `postgres`.
        case twoRegistries
        /// The working folder's file, which no one named, may have been planted there.
        case untrusted(FileTrust.Distrust)
    }

    /// The file as named, or `--config` when no file was named after it.
    var file: String
    var line: Int? = nil
    /// The key's dotted path (`server.port`).
    var key: String? = nil
    var reason: Reason

    var description: String { ConfigurationMessages.describe(self) }
}
