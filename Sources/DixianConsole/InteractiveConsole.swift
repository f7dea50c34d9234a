import Foundation
import LuaHost

/// The interactive loop of `dixian repl`: prompts, reads lines with libedit until a chunk is
/// complete, evaluates it, prints the values; `.help` and `.quit`; Ctrl-C stops a running
/// chunk and the console goes on; leaving with uncommitted changes asks first.
public struct InteractiveConsole {
    private let console: Console
    private let editor: LineEditor
    private let printer: ConsolePrinter
    private let chinese: Bool
    private let write: (String) -> Void

    /// A loop over `console`, its history at `historyPath`, printing with `write`.
    public init(console: Console, historyPath: String?, write: @escaping (String) -> Void = { print($0) }) {
        self.console = console
        let language = console.chain[console.chain.count - 1].language
        printer = ConsolePrinter(language: language)
        chinese = language == .chinese
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
                    write(ConsoleAPI.help)
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
                write(error.kind == .interrupted ? (chinese ? "已中断（\(error.message)）" : "interrupted (\(error.message))")
                      : error.message)
            }
            buffer = ""
        }
    }

    private var banner: String {
        let plugin = console.chain[console.chain.count - 1]
        let mode = console.options.write
            ? (chinese ? "可写（修改在 commit() 前不生效，审计记为 \(console.options.actor)）" : "writable (changes take effect at commit(), audited as \(console.options.actor))")
            : (chinese ? "只读" : "read-only")
        return chinese
            ? "底线 Dixian 控制台：\(plugin.name)（\(plugin.id) \(plugin.version)），日期 \(console.options.asOf)，\(mode)。输入 .help 查看可用函数，.quit 退出。"
            : "Dixian console: \(plugin.name) (\(plugin.id) \(plugin.version)), as of \(console.options.asOf), \(mode). .help lists the functions, .quit leaves."
    }

    /// Whether to leave: yes when nothing is uncommitted, otherwise the administrator says.
    private func confirmQuit() -> Bool {
        let pending = console.uncommittedChanges
        guard pending > 0 else { return true }
        let question = chinese ? "有 \(pending) 项修改尚未提交（commit()）。放弃这些修改并退出？(y/N) "
            : "\(pending) changes are not committed (commit()). Drop them and leave? (y/N) "
        switch editor.read(prompt: question) {
        case .line(let answer) where !["y", "yes", "是"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()):
            return false
        case .line:
            break
        case .end:
            write(chinese ? "\n输入已结束：未提交的修改已放弃。" : "\nend of input: the uncommitted changes are dropped.")
        }
        try? console.rollback()
        return true
    }
}
