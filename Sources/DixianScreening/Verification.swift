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

    /// The stored deadline items compared with the full run's, when they are kept current for
    /// the date and rules verified; nil when they are not (`dixian due` then computes the list).
    public var deadlineItems: ItemDifferences?

    /// Deadline items a full run gives that the store lacks, and stored ones it no longer gives.
    public struct ItemDifferences: Sendable {
        /// Items of the full run the store lacks.
        public var missing: [DeadlineItem]
        /// Stored items the full run no longer gives.
        public var stale: [DeadlineItem]
        /// How many items the full run gives.
        public var count: Int

        /// The differences between `screened` and `stored`, compared as multisets.
        init(screened: [DeadlineItem], stored: [DeadlineItem]) {
            let difference = MultisetDifference(from: stored, to: screened)
            missing = difference.added
            stale = difference.removed.map { stored[$0] }
            count = screened.count
        }
    }

    /// True when the current state is what the full run gives.
    public var isClean: Bool {
        missing.isEmpty && stale.isEmpty && (deadlineItems.map { $0.missing.isEmpty && $0.stale.isEmpty } ?? true)
    }
}

extension Verification {
    /// What `dixian screen --verify` prints for `plugin`: that the current findings are a full
    /// run's, or every difference, one a line (terminal-escaped: registry and plugin text).
    public func report(plugin: PluginManifest) -> String {
        let words = Phrasebook(language: Language.shown(environment: ProcessInfo.processInfo.environment, plugin: plugin.language))
        let run = outcome.run
        let items = deadlineItems.map { words.itemsVerified($0.count) } ?? words.itemsNotKept
        guard !isClean else {
            return words.verified(households: run.householdCount, findings: run.findingCount) + "\n" + items + "\n"
        }
        var lines: [String] = []
        if !missing.isEmpty || !stale.isEmpty {
            lines.append(words.differences(missing: missing.count, stale: stale.count))
            for (label, findings) in [(words.missing, missing), (words.stale, stale)] {
                for finding in findings {
                    let subject = finding.householdNumber ?? "\(words.asset) \(finding.assetID ?? 0)"
                    lines.append("  \(label)  \(subject)  \(finding.checkID)  \(finding.severity.rawValue)  \(finding.message)".terminalEscaped)
                }
            }
        } else {
            lines.append(words.verified(households: run.householdCount, findings: run.findingCount))
        }
        if let deadlineItems, !deadlineItems.missing.isEmpty || !deadlineItems.stale.isEmpty {
            lines.append(words.itemDifferences(missing: deadlineItems.missing.count, stale: deadlineItems.stale.count))
            for (label, list) in [(words.missing, deadlineItems.missing), (words.stale, deadlineItems.stale)] {
                for item in list {
                    lines.append("  \(label)  \(item.householdNumber)  \(item.deadlineID)  \(item.dueOn)  \(item.message)".terminalEscaped)
                }
            }
        } else {
            lines.append(items)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
