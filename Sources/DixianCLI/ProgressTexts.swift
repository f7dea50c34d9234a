import DixianCore
import Foundation

/// What a long job's progress line says, in one place so that it moves into the CLI's message
/// catalogue as a whole: "已导入 12,000 条记录，每秒 3,400 条".
enum ProgressTexts {
    /// The jobs that show progress, each counting households or records (a report, the
    /// households it draws the due list from, when it needs one).
    enum Job {
        case importing, screening, checklist, report, exporting, copying
    }

    /// The language of a job that has no plugin (import, export, copy): Chinese when the
    /// locale (`LC_ALL`, `LC_MESSAGES` or `LANG`) is Chinese, English otherwise.
    static var language: Language {
        let environment = ProcessInfo.processInfo.environment
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        return locale?.hasPrefix("zh") == true ? .chinese : .english
    }

    /// The line for `job` having done `count` things at `rate` a second, in `language`.
    static func line(_ job: Job, count: String, rate: String, _ language: Language) -> String {
        switch (language, job) {
        case (.chinese, .importing): "已导入 \(count) 条记录，每秒 \(rate) 条"
        case (.chinese, .screening): "已筛查 \(count) 户，每秒 \(rate) 户"
        case (.chinese, .checklist): "已填写 \(count) 户，每秒 \(rate) 户"
        case (.chinese, .report): "已核对 \(count) 户的到期事项，每秒 \(rate) 户"
        case (.chinese, .exporting): "已导出 \(count) 条记录，每秒 \(rate) 条"
        case (.chinese, .copying): "已复制 \(count) 条记录，每秒 \(rate) 条"
        case (.english, .importing): "\(count) records imported, \(rate) a second"
        case (.english, .screening): "\(count) households screened, \(rate) a second"
        case (.english, .checklist): "\(count) households filled in, \(rate) a second"
        case (.english, .report): "\(count) households' due work checked, \(rate) a second"
        case (.english, .exporting): "\(count) records exported, \(rate) a second"
        case (.english, .copying): "\(count) records copied, \(rate) a second"
        }
    }
}
