import DixianCore
import DixianPlugins

/// What screening output says to officials, in the language shown (the plugin's, or the
/// locale's): the texts are `ScreeningMessage`'s.
struct Phrasebook {
    let language: Language

    init(language: Language) { self.language = language }

    func heading(plugin: PluginManifest, run: ScreeningRun) -> String {
        ScreeningMessage.heading(plugin: plugin.name, id: plugin.id, version: "\(plugin.version)", asOf: run.asOf, area: run.area)
            .text(in: language)
    }

    func counts(households: Int, findings: Int, run: Int64) -> String {
        ScreeningMessage.counts(households: households, findings: findings, run: run).text(in: language)
    }

    /// The heading of the checks that list households to visit or look at, which are not problems.
    func lists(_ count: Int) -> String { ScreeningMessage.lists(count).text(in: language) }

    func firstFindings(_ shown: Int, of total: Int) -> String {
        ScreeningMessage.firstFindings(shown: shown, total: total).text(in: language)
    }

    var incomplete: String { ScreeningMessage.incomplete.text(in: language) }

    var asset: String { ScreeningMessage.asset.text(in: language) }

    func verified(households: Int, findings: Int) -> String {
        ScreeningMessage.verified(households: households, findings: findings).text(in: language)
    }

    func differences(missing: Int, stale: Int) -> String {
        ScreeningMessage.differences(missing: missing, stale: stale).text(in: language)
    }

    func itemsVerified(_ count: Int) -> String { ScreeningMessage.itemsVerified(count).text(in: language) }

    var itemsNotKept: String { ScreeningMessage.itemsNotKept.text(in: language) }

    func itemDifferences(missing: Int, stale: Int) -> String {
        ScreeningMessage.itemDifferences(missing: missing, stale: stale).text(in: language)
    }

    var missing: String { ScreeningMessage.missing.text(in: language) }

    var stale: String { ScreeningMessage.stale.text(in: language) }

    var csvHeader: [String] { ScreeningMessage.csvHeader.text(in: language).split(separator: ",").map(String.init) }

    func severity(_ severity: Severity) -> String { severity.name(in: language) }

    func riskType(_ risk: RiskType) -> String { risk.name(in: language) }
}

/// The catalogue of what `dixian screen` prints around the findings.
package enum ScreeningMessage: MessageCatalogue, Hashable {
    /// The heading: the plugin's name, id and version, the date, and the area screened.
    case heading(plugin: String, id: String, version: String, asOf: LocalDate, area: String?)
    /// How many households were screened and findings found, in which run.
    case counts(households: Int, findings: Int, run: Int64)
    /// The heading of the lists of households to visit or look at, which are not problems.
    case lists(Int)
    /// The first findings shown of all.
    case firstFindings(shown: Int, total: Int)
    /// A run some checks failed in.
    case incomplete
    /// An asset, as a finding's subject.
    case asset
    /// The columns of the CSV of findings, separated by commas.
    case csvHeader
    /// `screen --verify` found the current findings as a full run gives them.
    case verified(households: Int, findings: Int)
    /// `screen --verify` found differences: findings the current state lacks, current ones a full run no longer finds.
    case differences(missing: Int, stale: Int)
    /// `screen --verify` found the stored deadline items as a full run gives them.
    case itemsVerified(Int)
    /// `screen --verify` found no deadline items kept current for the date and rules (the due list computes them).
    case itemsNotKept
    /// `screen --verify` found differences in the deadline items.
    case itemDifferences(missing: Int, stale: Int)
    /// A finding the current state lacks, before its subject, check and message.
    case missing
    /// A current finding a full run no longer finds, before its subject, check and message.
    case stale

    package static var samples: [ScreeningMessage] {
        let day = LocalDate(year: 2024, month: 6, day: 30)!
        return [
            .heading(plugin: "民勤县", id: "minqin", version: "1.0.0", asOf: day, area: nil),
            .heading(plugin: "民勤县", id: "minqin", version: "1.0.0", asOf: day, area: "620621100"),
            .counts(households: 100, findings: 3, run: 1), .lists(4), .firstFindings(shown: 20, total: 30), .incomplete, .asset, .csvHeader,
            .verified(households: 100, findings: 3), .differences(missing: 1, stale: 2), .itemsVerified(5), .itemsNotKept,
            .itemDifferences(missing: 1, stale: 0), .missing, .stale,
        ]
    }

    package var texts: (chinese: String, english: String) {
        switch self {
        case .heading(let plugin, let id, let version, let asOf, let area):
            ("\(plugin) 防止返贫监测筛查（插件 \(id) \(version)，评估日期 \(asOf)\(area.map { "，区域 \($0)" } ?? "")）",
             "\(plugin) screening (plugin \(id) \(version), as of \(asOf)\(area.map { ", area \($0)" } ?? ""))")
        case .counts(let households, let findings, let run):
            ("共筛查 \(households) 户，发现问题 \(findings) 条（运行编号 \(run)）：", "\(households) households screened, \(findings) findings (run \(run)):")
        case .lists(let count):
            ("另列名单 \(count) 条（走访、核查对象，不计为问题）：", "Also listed, \(count) entries (households to visit or look at, not problems):")
        case .firstFindings(let shown, let total):
            ("前 \(shown) 条（共 \(total) 条；全部请用 --format csv 或 json 并指定 --out）：",
             "The first \(shown) of \(total) findings (all of them: --format csv or json with --out):")
        case .incomplete:
            ("本次筛查不完整：以下检查项出错，其余检查项的结果有效。", "This run is incomplete: the checks below failed; the other checks' findings stand.")
        case .asset: ("资产", "asset")
        case .csvHeader:
            ("户编号,资产编号,乡镇代码,检查项,检查项名称,严重程度,风险类别,发现问题",
             "household,asset,township,check,check_title,severity,risk_types,message")
        case .verified(let households, let findings):
            ("核对无误：重新筛查 \(households) 户，发现 \(findings) 条，与当前结果一致。",
             "Verified: a full run over \(households) households finds the \(findings) current findings, no more, no fewer.")
        case .differences(let missing, let stale):
            ("核对发现差异：当前结果缺少 \(missing) 条，多出 \(stale) 条（重新筛查已不再发现）：",
             "Differences: the current findings lack \(missing) and hold \(stale) that a full run no longer finds:")
        case .itemsVerified(let count):
            ("期限事项核对无误：重新计算得 \(count) 项，与保存的一致。",
             "Deadline items verified: a full run gives the \(count) stored items, no more, no fewer.")
        case .itemsNotKept:
            ("该日期未保存当前的期限事项（dixian due 将重新计算），未核对。",
             "No deadline items are kept current for this date and these rules (dixian due computes them): not compared.")
        case .itemDifferences(let missing, let stale):
            ("期限事项核对发现差异：保存的缺少 \(missing) 项，多出 \(stale) 项：",
             "Deadline item differences: the stored items lack \(missing) and hold \(stale) that a full run no longer gives:")
        case .missing: ("缺少", "missing")
        case .stale: ("多出", "stale")
        }
    }
}
