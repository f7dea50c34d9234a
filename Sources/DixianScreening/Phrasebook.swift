import DixianCore
import DixianPlugins

/// What screening output says to officials, in the plugin's language: Chinese (`zh`) for the
/// shipped counties, English otherwise.
struct Phrasebook {
    let chinese: Bool

    init(language: Language) { chinese = language == .chinese }

    func heading(plugin: PluginManifest, run: ScreeningRun) -> String {
        let area = run.area.map { chinese ? "，区域 \($0)" : ", area \($0)" } ?? ""
        return chinese
            ? "\(plugin.name) 防止返贫监测筛查（插件 \(plugin.id) \(plugin.version)，评估日期 \(run.asOf)\(area)）"
            : "\(plugin.name) screening (plugin \(plugin.id) \(plugin.version), as of \(run.asOf)\(area))"
    }

    func counts(households: Int, findings: Int, run: Int64) -> String {
        chinese ? "共筛查 \(households) 户，发现问题 \(findings) 条（运行编号 \(run)）："
            : "\(households) households screened, \(findings) findings (run \(run)):"
    }

    /// The heading of the checks that list households to visit or look at, which are not problems.
    func lists(_ count: Int) -> String {
        chinese ? "另列名单 \(count) 条（走访、核查对象，不计为问题）：" : "Also listed, \(count) entries (households to visit or look at, not problems):"
    }

    func firstFindings(_ shown: Int, of total: Int) -> String {
        chinese ? "前 \(shown) 条（共 \(total) 条；全部请用 --format csv 或 json 并指定 --out）："
            : "The first \(shown) of \(total) findings (all of them: --format csv or json with --out):"
    }

    var incomplete: String {
        chinese ? "本次筛查不完整：以下检查项出错，其余检查项的结果有效。"
            : "This run is incomplete: the checks below failed; the other checks' findings stand."
    }

    var asset: String { chinese ? "资产" : "asset" }

    var csvHeader: [String] {
        chinese ? ["户编号", "资产编号", "乡镇代码", "检查项", "检查项名称", "严重程度", "风险类别", "发现问题"]
            : ["household", "asset", "township", "check", "check_title", "severity", "risk_types", "message"]
    }

    func severity(_ severity: Severity) -> String { chinese ? severity.chineseName : severity.rawValue }

    func riskType(_ risk: RiskType) -> String { chinese ? risk.chineseName : risk.rawValue }
}
