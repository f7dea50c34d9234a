import DixianCore
import Foundation

/// What a long job's progress line says ("已导入 12,000 条记录，每秒 3,400 条"): the texts are
/// `ProgressMessage`'s.
enum ProgressTexts {
    /// The jobs that show progress, each counting households or records (a report, the
    /// households it draws the due list from, when it needs one).
    enum Job: CaseIterable {
        case importing, screening, checklist, report, exporting, copying
    }

    /// The language of progress lines: the run's (`CommandLanguage`).
    static var language: Language { CommandLanguage.current }

    /// The line for `job` having done `count` things at `rate` a second, in `language`.
    static func line(_ job: Job, count: String, rate: String, _ language: Language) -> String {
        ProgressMessage.progress(job, count: count, rate: rate).text(in: language)
    }
}

/// The catalogue of progress lines: how much of a job is done, and how fast.
enum ProgressMessage: MessageCatalogue {
    /// `count` things of `job` done, `rate` a second (both already grouped: `12,000`).
    case progress(ProgressTexts.Job, count: String, rate: String)

    static var samples: [ProgressMessage] { ProgressTexts.Job.allCases.map { .progress($0, count: "12,000", rate: "3,400") } }

    var texts: (chinese: String, english: String) {
        switch self {
        case .progress(let job, let count, let rate):
            switch job {
            case .importing: ("已导入 \(count) 条记录，每秒 \(rate) 条", "\(count) records imported, \(rate) a second")
            case .screening: ("已筛查 \(count) 户，每秒 \(rate) 户", "\(count) households screened, \(rate) a second")
            case .checklist: ("已填写 \(count) 户，每秒 \(rate) 户", "\(count) households filled in, \(rate) a second")
            case .report: ("已核对 \(count) 户的到期事项，每秒 \(rate) 户", "\(count) households' due work checked, \(rate) a second")
            case .exporting: ("已导出 \(count) 条记录，每秒 \(rate) 条", "\(count) records exported, \(rate) a second")
            case .copying: ("已复制 \(count) 条记录，每秒 \(rate) 条", "\(count) records copied, \(rate) a second")
            }
        }
    }
}
