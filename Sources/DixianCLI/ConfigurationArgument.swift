/// `--config FILE` (or `--config=FILE`), taken off the command line before the commands parse
/// it: the file's values are the defaults of their options, so they are needed first. It may
/// stand anywhere before `--`; for `dixian run`, whose script takes the arguments after it,
/// only before `run` (`dixian --config FILE run SCRIPT ...`).
enum ConfigurationArgument {
    static let name = "--config"

    /// The file named by `--config`, and the arguments without it.
    static func split(_ arguments: [String]) throws(ConfigurationError) -> (file: String?, rest: [String]) {
        var file: String?, rest: [String] = [], index = 0
        while index < arguments.count {
            let argument = arguments[index]
            // After `--`, and after `run`, arguments may belong to someone else.
            if argument == "--" || (rest.isEmpty && argument == "run") { break }
            if argument == name {
                guard index + 1 < arguments.count else { throw ConfigurationError(file: name, reason: .noFileGiven) }
                file = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix(name + "=") {
                file = String(argument.dropFirst(name.count + 1))
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (file, rest + arguments[index...])
    }
}
