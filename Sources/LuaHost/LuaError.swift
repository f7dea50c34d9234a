/// An error raised by Lua code or by the sandbox, with where it happened.
public struct LuaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in kinds a caller may treat differently.
    public enum Kind: String, Sendable, Hashable {
        /// The chunk does not compile.
        case syntax
        /// The script raised an error, or broke a rule of the sandbox.
        case runtime
        /// The call ran more instructions than its budget allows.
        case instructionBudgetExceeded
        /// The state needed more memory than its cap allows.
        case memoryCapExceeded
        /// The script's calls nested deeper than Lua's stack or the C stack allows.
        case stackOverflow
        /// The pattern guard refused a `string.find`, `match`, `gmatch` or `gsub` as too costly
        /// for its subject.
        case patternTooCostly
        /// The host interrupted the call (`LuaState.interrupt()`: Ctrl-C in the console).
        case interrupted
        /// Turning the error into a message failed in turn.
        case errorHandler
        /// A chunk's file could not be read.
        case unreadableChunk
        /// The host was used in a way it does not support.
        case hostMisuse
    }

    /// The kind of failure.
    public var kind: Kind

    /// The message as Lua formats it, usually starting with `chunk:line:`.
    public var message: String
    /// The chunk where the error was raised (`checks/income.lua`, `eval`), when known.
    public var chunk: String?
    /// The line in `chunk`, when known.
    public var line: Int?
    /// Lua's stack traceback at the point of the error, when one was taken.
    public var traceback: String?

    /// Creates an error; the location defaults to the `chunk:line:` prefix of the message.
    public init(kind: Kind, message: String, chunk: String? = nil, line: Int? = nil, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        let parsed = LuaError.location(in: message)
        self.chunk = chunk ?? parsed?.chunk
        self.line = line ?? parsed?.line
        self.traceback = traceback
    }

    /// The message, with the location in front when the message itself does not carry it.
    public var description: String {
        guard let chunk, let line, LuaError.location(in: message) == nil else { return message }
        return "\(chunk):\(line): \(message)"
    }

    /// The first `chunk:line:` in a Lua message.
    static func location(in message: String) -> (chunk: String, line: Int)? {
        guard let match = message.firstMatch(of: /([^\s:()"']+):(\d+):/), let line = Int(match.2) else {
            return nil
        }
        return (String(match.1), line)
    }
}
