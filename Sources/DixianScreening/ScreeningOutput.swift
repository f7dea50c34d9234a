import DixianCore
import DixianPlugins
import Foundation

/// Writes a stored screening run: a summary table for people, or every finding as JSON or CSV.
/// What officials read (headers, labels) follows the plugin's language, or the locale's (`Language.shown`).
public struct ScreeningOutput {
    /// The output formats of `dixian screen`.
    public enum Format: String, CaseIterable, Sendable {
        /// A summary by check and township, then the first findings.
        case table
        /// `{ "run": {...}, "findings": [...] }`.
        case json
        /// One finding per row, with a header row.
        case csv
    }

    let run: ScreeningRun
    let checks: [CheckDeclaration]
    let plugin: PluginManifest
    let words: Phrasebook

    /// An output for `run`, whose checks are `checks` (for titles), by `plugin`.
    public init(run: ScreeningRun, checks: [CheckDeclaration], plugin: PluginManifest) {
        self.run = run
        self.checks = checks
        self.plugin = plugin
        self.words = Phrasebook(language: Language.shown(environment: ProcessInfo.processInfo.environment, plugin: plugin.language))
    }

    /// Writes the run in `format` to `write`, reading findings from `store`. The table lists at most `limit` findings.
    public func write(_ format: Format, from store: some ScreeningRunStore, limit: Int = 20,
                      to write: (String) throws -> Void) throws {
        guard let id = run.id else { preconditionFailure("the run is not stored") }
        switch format {
        case .table:
            // Registry and plugin text, shown on a terminal.
            try write(summary().terminalEscaped)
            var shown = 0
            if run.findingCount > 0, limit > 0 {
                try write("\n" + words.firstFindings(min(limit, run.findingCount), of: run.findingCount) + "\n")
                try store.forEachFinding(ofRun: id) { finding in
                    guard shown < limit else { return }
                    shown += 1
                    try write("  \(finding.householdNumber ?? "\(words.asset) \(finding.assetID ?? 0)")  \(finding.checkID)  \(finding.message)".terminalEscaped + "\n")
                }
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try write("{\"run\":")
            try write(String(decoding: try encoder.encode(RunJSON(run)), as: UTF8.self))
            try write(",\"findings\":[")
            var first = true
            try store.forEachFinding(ofRun: id) { finding in
                try write((first ? "\n" : ",\n") + String(decoding: try encoder.encode(FindingJSON(finding)), as: UTF8.self))
                first = false
            }
            try write("\n]}\n")
        case .csv:
            // A byte-order mark, so that Excel reads the Chinese as UTF-8.
            try write("\u{FEFF}" + words.csvHeader.map(\.csvField).joined(separator: ",") + "\n")
            let titles = Dictionary(checks.map { ($0.id, $0.declaration.title) }, uniquingKeysWith: { first, _ in first })
            try store.forEachFinding(ofRun: id) { finding in
                let fields = [
                    finding.householdNumber ?? "", finding.assetID.map(String.init) ?? "", finding.townshipCode, finding.checkID,
                    titles[finding.checkID] ?? "", words.severity(finding.severity),
                    finding.riskTypes.map { words.riskType($0) }.joined(separator: "、"), finding.message,
                ]
                try write(fields.map(\.csvField).joined(separator: ",") + "\n")
            }
        }
    }

    /// The summary: the run, findings per check, failures if the run is incomplete.
    public func summary() -> String {
        let lists = checks.filter(\.isList)
        let listed = lists.reduce(0) { $0 + (run.findingsByCheck[$1.id] ?? 0) }
        var lines = [
            words.heading(plugin: plugin, run: run),
            words.counts(households: run.householdCount, findings: run.findingCount - listed, run: run.id ?? 0),
            "",
        ]
        let width = checks.map { $0.id.count }.max() ?? 10
        func line(_ check: CheckDeclaration) -> String {
            "  " + check.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + words.severity(check.severity) + "  "
                + String(run.findingsByCheck[check.id] ?? 0).leftPadded(to: 8) + "  " + check.declaration.title
        }
        lines += checks.filter { !$0.isList }.map(line)
        if !lists.isEmpty {
            lines += ["", words.lists(listed)]
            lines += lists.map(line)
        }
        if !run.isComplete {
            lines.append("")
            lines.append(words.incomplete)
            lines += run.failures.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct RunJSON: Encodable {
        let id: Int64?, plugin: String, pluginVersion: String, asOf: String, area: String?, actor: String
        let startedAt: String, finishedAt: String, households: Int, findings: Int, findingsByCheck: [String: Int]
        let complete: Bool, failures: [String]

        init(_ run: ScreeningRun) {
            id = run.id
            plugin = run.pluginID
            pluginVersion = run.pluginVersion
            asOf = run.asOf.description
            area = run.area
            actor = run.actor
            startedAt = run.startedAt
            finishedAt = run.finishedAt
            households = run.householdCount
            findings = run.findingCount
            findingsByCheck = run.findingsByCheck
            complete = run.isComplete
            failures = run.failures
        }

        enum CodingKeys: String, CodingKey {
            case id, plugin, asOf = "as_of", area, actor, startedAt = "started_at", finishedAt = "finished_at"
            case pluginVersion = "plugin_version", households, findings, findingsByCheck = "findings_by_check"
            case complete, failures
        }
    }

    private struct FindingJSON: Encodable {
        let household: String?, asset: Int64?, township: String, check: String, riskTypes: [String]
        let severity: String, message: String

        init(_ finding: Finding) {
            household = finding.householdNumber
            asset = finding.assetID
            township = finding.townshipCode
            check = finding.checkID
            riskTypes = finding.riskTypes.map(\.rawValue)
            severity = finding.severity.rawValue
            message = finding.message
        }

        enum CodingKeys: String, CodingKey {
            case household, asset, township, check, riskTypes = "risk_types", severity, message
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let household { try container.encode(household, forKey: .household) }
            if let asset { try container.encode(asset, forKey: .asset) }
            try container.encode(township, forKey: .township)
            try container.encode(check, forKey: .check)
            try container.encode(riskTypes, forKey: .riskTypes)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
