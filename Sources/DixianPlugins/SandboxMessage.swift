import DixianCore
import LuaHost

/// How the sandbox's own stops read to officials: a budget or cap spent, a pattern refused, a
/// library withheld. The sandbox (C and its Lua prelude) words them in English, with the
/// limit's figures; this catalogue reads the figures back out and words them in the plugin's
/// language. Lua's own messages (`attempt to index a nil value`) and the script's `error`
/// texts are not the sandbox's and are shown as they are.
public enum SandboxMessage: MessageCatalogue, Hashable {
    /// The instruction budget ran out: the budget, and the CPU seconds when time stopped it.
    case instructionBudget(String, cpuSeconds: String?)
    /// The memory cap was reached.
    case memoryCap(bytes: String)
    /// A pattern too costly for its subject: the pattern (cut short), the subject's bytes.
    case patternTooCostly(pattern: String, subjectBytes: String)
    /// A library or function the sandbox does not offer.
    case unavailable(String)
    /// Calls nested deeper than the stack allows.
    case stackOverflow

    public var texts: (chinese: String, english: String) {
        switch self {
        case .instructionBudget(let budget, let cpu):
            ("超出指令预算（\(budget) 条指令）" + (cpu.map { "，已用 CPU 时间 \($0) 秒" } ?? "") + "：脚本运行过久，已被停止",
             "instruction budget of \(budget) instructions exceeded" + (cpu.map { " (the call ran \($0) s of CPU time)" } ?? ""))
        case .memoryCap(let bytes):
            ("超出内存上限（\(bytes) 字节）：脚本占用内存过多，已被停止", "memory cap of \(bytes) bytes exceeded")
        case .patternTooCostly(let pattern, let bytes):
            ("模式“\(pattern)”对 \(bytes) 字节的文本计算量过大，沙箱拒绝执行", "pattern '\(pattern)' is too costly for a subject of \(bytes) bytes")
        case .unavailable(let name):
            ("沙箱中不提供“\(name)”（插件脚本不能访问文件、进程和网络）", "'\(name)' is not available in the Dixian sandbox")
        case .stackOverflow:
            ("调用层次过深（栈溢出），脚本已被停止", "stack overflow")
        }
    }

    public static var samples: [SandboxMessage] {
        [.instructionBudget("100000000", cpuSeconds: nil), .instructionBudget("100000000", cpuSeconds: "2.5"), .memoryCap(bytes: "134217728"),
         .patternTooCostly(pattern: "(a*)*b", subjectBytes: "100000"), .unavailable("io"), .stackOverflow]
    }

    /// The sandbox's message in `message` (after its `chunk:line: ` location, if any), or nil
    /// when the message is not one of the sandbox's.
    public init?(reading message: String) {
        if let match = message.firstMatch(of: /instruction budget of (\d+) instructions exceeded(?: \(the call ran ([\d.]+) s of CPU time\))?/) {
            self = .instructionBudget(String(match.1), cpuSeconds: match.2.map(String.init))
        } else if let match = message.firstMatch(of: /memory cap of (\d+) bytes exceeded/) {
            self = .memoryCap(bytes: String(match.1))
        } else if let match = message.firstMatch(of: /pattern '(.*)' is too costly for a subject of (\d+) bytes/) {
            self = .patternTooCostly(pattern: String(match.1), subjectBytes: String(match.2))
        } else if let match = message.firstMatch(of: /'([^']+)' is not available in the Dixian sandbox/) {
            self = .unavailable(String(match.1))
        } else if message.hasSuffix("stack overflow") {
            self = .stackOverflow
        } else {
            return nil
        }
    }
}

extension LuaError {
    /// The error as officials read it in `language`: its location, then the sandbox's stop in
    /// that language, or the message as Lua or the script gave it.
    public func text(in language: Language) -> String {
        guard let stop = SandboxMessage(reading: message) else { return description }
        let location = chunk.flatMap { chunk in line.map { "\(chunk):\($0): " } } ?? ""
        return location + stop.text(in: language)
    }
}
