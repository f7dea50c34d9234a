import DixianCore
import DixianPlugins
import Foundation

/// What `dixian screen --verify` found: a run from scratch (not recorded) compared with the
/// plugin's current findings. Empty lists mean the current state is what a full run gives.
public struct Verification: Sendable {
    /// The run from scratch and what the plugin declared.
    public var outcome: ScreeningEngine.Outcome
    /// Findings the run from scratch found that the current state lacks.
    public var missing: [Finding]
    /// Current findings the run from scratch no longer finds.
    public var stale: [Finding]

    /// True when the current state is what the full run gives.
    public var isClean: Bool { missing.isEmpty && stale.isEmpty }
}

extension Verification {
    /// What `dixian screen --verify` prints for `plugin`: that the current findings are a full
    /// run's, or every difference, one a line (terminal-escaped: registry and plugin text).
    public func report(plugin: PluginManifest) -> String {
        let words = Phrasebook(language: Language.shown(environment: ProcessInfo.processInfo.environment, plugin: plugin.language))
        let run = outcome.run
        guard !isClean else {
            return words.verified(households: run.householdCount, findings: run.findingCount) + "\n"
        }
        var lines = [words.differences(missing: missing.count, stale: stale.count)]
        for (label, findings) in [(words.missing, missing), (words.stale, stale)] {
            for finding in findings {
                let subject = finding.householdNumber ?? "\(words.asset) \(finding.assetID ?? 0)"
                lines.append("  \(label)  \(subject)  \(finding.checkID)  \(finding.severity.rawValue)  \(finding.message)".terminalEscaped)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
