import DixianCore
import DixianPlugins

/// What `dixian plugin check` and `dixian plugin test` print about a plugin, in the language of
/// the run. Ids, versions, file locations and counts stay as they are.
enum PluginCommandMessage: MessageCatalogue, Hashable {
    /// `check`: the plugin loads; its id, version, name and plugin API.
    case valid(id: String, version: String, name: String, api: Int)
    /// `check`: the plugins it extends, outermost first, joined by arrows.
    case extends(String)
    /// `check`: checks in the chain, and those the plugin declares itself.
    case checks(Int, own: Int)
    /// `check`: asset checks, guards and parameters in the chain.
    case rules(assetChecks: Int, guards: Int, parameters: Int)
    /// `check`: deadlines, duties and calendars in the chain.
    case schedule(deadlines: Int, duties: Int, calendars: Int)
    /// `check`: checklists and reports in the chain.
    case documents(checklists: Int, reports: Int)
    /// `check`: the plugin's own specs.
    case specs(Int)
    /// `check`: how many of the household view's fields the scripts of `purpose` read, and the
    /// fields none of them names (left out of the view).
    case viewFields(ViewUse, filled: Int, of: Int, leftOut: [String])
    /// `test`: one spec's outcome, its name and where it is declared.
    case spec(passed: Bool, name: String, location: String)
    /// `test`: specs run and failed.
    case tally(plugin: String, specs: Int, failed: Int)
    /// `test`: declared rules with a spec each way.
    case coverage(plugin: String, covered: Int, of: Int)
    /// `test`: a rule without a spec where it fires, or one where it does not.
    case lacks(kind: String, id: String, fires: Bool, quiet: Bool, location: String)
    /// `test`: something to do before it fails (a calendar running out of years).
    case note(String)
    /// `test`: a plugin without specs.
    case noSpecs(String)

    /// The scripts a household view is built for.
    enum ViewUse: String, CaseIterable, Hashable {
        case checks, deadlines, checklists
        var chineseName: String {
            switch self {
            case .checks: "检查规则"
            case .deadlines: "时限规则"
            case .checklists: "台账清单"
            }
        }
    }

    /// The Chinese name of a kind of rule of `PluginSpecRunner.RuleCoverage`.
    private static func chineseKind(_ kind: String) -> String {
        switch kind {
        case "check": "检查规则"
        case "asset check": "资产检查规则"
        case "guard": "把关规则"
        case "deadline": "时限规则"
        case "duty": "定期工作"
        default: kind
        }
    }

    var texts: (chinese: String, english: String) {
        switch self {
        case .valid(let id, let version, let name, let api):
            return ("\(id) \(version)（\(name)），插件接口 \(api)：有效", "\(id) \(version) (\(name)), plugin API \(api): valid")
        case .extends(let chain):
            return ("  继承：\(chain)", "  extends: \(chain)")
        case .checks(let count, let own):
            return ("  检查规则：\(count) 条（本插件 \(own) 条）", "  checks: \(count) (\(own) its own)")
        case .rules(let assetChecks, let guards, let parameters):
            return ("  资产检查规则：\(assetChecks) 条，把关规则：\(guards) 条，参数：\(parameters) 个",
                    "  asset checks: \(assetChecks), guards: \(guards), parameters: \(parameters)")
        case .schedule(let deadlines, let duties, let calendars):
            return ("  时限规则：\(deadlines) 条，定期工作：\(duties) 项，日历：\(calendars) 个",
                    "  deadlines: \(deadlines), duties: \(duties), calendars: \(calendars)")
        case .documents(let checklists, let reports):
            return ("  台账清单：\(checklists) 种，报表：\(reports) 种", "  checklists: \(checklists), reports: \(reports)")
        case .specs(let count):
            return ("  规格：\(count) 条", "  specs: \(count)")
        case .viewFields(let use, let filled, let of, let leftOut):
            return ("  \(use.chineseName)所用农户视图：\(of) 个字段中填充 \(filled) 个" + (leftOut.isEmpty ? "" : "；未用：" + leftOut.joined(separator: "、")),
                    "  household view for \(use.rawValue): \(filled) of \(of) fields" + (leftOut.isEmpty ? "" : "; left out: " + leftOut.joined(separator: ", ")))
        case .spec(let passed, let name, let location):
            return ("\(passed ? "通过  " : "未通过") \(name)  [\(location)]", "\(passed ? "ok  " : "FAIL") \(name)  [\(location)]")
        case .tally(let plugin, let specs, let failed):
            return ("\(plugin)：规格 \(specs) 条，未通过 \(failed) 条", "\(plugin): \(specs) specs, \(failed) failed")
        case .coverage(let plugin, let covered, let of):
            return ("\(plugin)：所声明的 \(of) 条规则中，\(covered) 条既有触发的规格，也有不触发的规格",
                    "\(plugin): \(covered) of \(of) declared rules have a spec where they fire and one where they do not")
        case .lacks(let kind, let id, let fires, let quiet, let location):
            let chinese = [fires ? nil : "触发的规格", quiet ? nil : "不触发的规格"].compactMap { $0 }.joined(separator: "和")
            let english = [fires ? nil : "a spec where it fires", quiet ? nil : "a spec where it does not"].compactMap { $0 }.joined(separator: " and ")
            return ("     \(Self.chineseKind(kind)) \(id) 缺少\(chinese)  [\(location)]", "     \(kind) \(id) lacks \(english)  [\(location)]")
        case .note(let text):
            return ("注意：\(text)", "note: \(text)")
        case .noSpecs(let plugin):
            return ("\(plugin) 没有规格（请在 spec/*.lua 中添加）", "\(plugin) has no specs (add spec/*.lua)")
        }
    }

    static var samples: [PluginCommandMessage] {
        [.valid(id: "minqin", version: "2.0", name: "民勤县", api: 1), .extends("national → minqin"), .checks(12, own: 5),
         .rules(assetChecks: 2, guards: 1, parameters: 9), .schedule(deadlines: 4, duties: 2, calendars: 1),
         .documents(checklists: 1, reports: 2), .specs(39), .viewFields(.checks, filled: 40, of: 80, leftOut: ["members"]),
         .spec(passed: true, name: "低于监测线", location: "minqin/spec/a.lua:3"), .spec(passed: false, name: "低于监测线", location: "minqin/spec/a.lua:3"),
         .tally(plugin: "minqin", specs: 39, failed: 0), .coverage(plugin: "minqin", covered: 17, of: 18),
         .lacks(kind: "check", id: "minqin.plan-missing", fires: true, quiet: false, location: "minqin/checks/assistance.lua:12"),
         .note("日历 cn 未列出 2027 年的节假日"), .noSpecs("minqin")]
    }
}
