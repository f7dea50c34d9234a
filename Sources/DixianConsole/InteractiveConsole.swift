import DixianCore
import DixianPlugins
import Foundation
import LuaHost

/// The interactive loop of `dixian repl`: prompts, reads lines with libedit until a chunk is
/// complete, evaluates it, prints the values; `.help` and `.quit`; Ctrl-C stops a running
/// chunk and the console goes on; leaving with uncommitted changes asks first.
public struct InteractiveConsole {
    private let console: Console
    private let editor: LineEditor
    private let printer: ConsolePrinter
    private let language: Language
    private let write: (String) -> Void

    /// A loop over `console`, its history at `historyPath`, printing with `write`.
    public init(console: Console, historyPath: String?, write: @escaping (String) -> Void = { print($0) }) {
        self.console = console
        language = console.language
        printer = ConsolePrinter(language: language)
        self.write = write
        editor = LineEditor(historyPath: historyPath) { [console] text in console.completions(for: text) }
        console.state.output = write
    }

    /// Runs until `.quit` or Ctrl-D. Returns the exit status (0).
    public func run() -> Int32 {
        console.state.interruptOnSIGINT()
        write(banner)
        var buffer = ""
        while true {
            let input = editor.read(prompt: buffer.isEmpty ? "> " : ">> ")
            guard case .line(let line) = input else {
                if confirmQuit() {
                    write("")
                    return 0
                }
                buffer = ""
                continue
            }
            editor.remember(line)
            if buffer.isEmpty {
                switch line.trimmingCharacters(in: .whitespaces) {
                case "": continue
                case ".help":
                    write(ConsoleAPI.help(in: language))
                    continue
                case ".quit", ".exit":
                    if confirmQuit() { return 0 }
                    continue
                default: break
                }
            }
            buffer += buffer.isEmpty ? line : "\n" + line
            switch console.evaluate(buffer) {
            case .incomplete:
                continue
            case .values(let values):
                let text = printer.format(values)
                if !values.isEmpty { write(text) }
            case .failed(let error):
                write(error.kind == .interrupted ? ConsoleMessage.interrupted(error.message).text(in: language)
                      : error.text(in: language))
            }
            buffer = ""
        }
    }

    private var banner: String {
        let plugin = console.chain[console.chain.count - 1]
        return ConsoleMessage.banner(plugin: plugin.name, id: plugin.id, version: "\(plugin.version)", asOf: console.options.asOf,
                                     writingAs: console.options.write ? console.options.actor : nil).text(in: language)
    }

    /// Whether to leave: yes when nothing is uncommitted, otherwise the administrator says.
    private func confirmQuit() -> Bool {
        let pending = console.uncommittedChanges
        guard pending > 0 else { return true }
        let question = ConsoleMessage.dropChanges(count: pending).text(in: language)
        switch editor.read(prompt: question) {
        case .line(let answer) where !["y", "yes", "是"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()):
            return false
        case .line:
            break
        case .end:
            write(ConsoleMessage.endOfInputDropped.text(in: language))
        }
        try? console.rollback()
        return true
    }
}
