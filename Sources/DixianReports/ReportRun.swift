import DixianCore
import DixianPlugins
import DixianSheets
import DixianWorkflow
import Foundation
import LuaHost

/// Renders a plugin's report: its Lua script asks the host's queries (`data`) for the counts
/// it needs and lays out sections, paragraphs and tables; the document it returns is written
/// as XLSX, CSV, HTML or Markdown.
public struct ReportRun: Sendable {
    /// The plugin chain (the plugin asked for last).
    public let chain: [PluginManifest]
    /// The report's id.
    public let reportID: String
    /// The date the report is as of.
    public let asOf: LocalDate
    /// A village-code prefix within the plugin's area; nil for the area the plugin serves.
    public let area: String?
    /// The limits of the state the script runs in.
    public let limits: LuaLimits

    /// A run.
    public init(chain: [PluginManifest], reportID: String, asOf: LocalDate, area: String?, limits: LuaLimits = LuaLimits()) {
        self.chain = chain
        self.reportID = reportID
        self.asOf = asOf
        self.area = area
        self.limits = limits
    }

    /// The document the report renders from `store`. `progress`, if given, is told of the
    /// households the due list is drawn up from as they are scanned (for a report that needs it).
    /// - Throws: `PluginError` naming the plugin line when the script raises or returns a
    ///   malformed document, or when the plugin has no such report; a store error.
    public func render(from store: some RegistryStore & HouseholdViewSource & ScreeningRunStore,
                       progress: (@Sendable (Int) -> Void)? = nil) async throws -> SheetDocument {
        let plugin = chain[chain.count - 1]
        let area = try plugin.area(requested: self.area)
        let runtime: PluginRuntime
        do {
            runtime = try PluginRuntime(chain: chain, state: try LuaState(limits: limits))
        } catch let error as LuaError {
            throw PluginError(error, while: "starting \(plugin.id)", kind: .host, plugin: plugin.id)
        }
        try runtime.requireParameters(on: asOf, for: .reports)
        try runtime.prepare(asOf: asOf)
        try runtime.setPlaceNames(try PlaceNames.of(chain, store: store))
        guard let report = runtime.declarations.reports.first(where: { $0.id == reportID }) else {
            throw PluginError(.declaration, plugin: plugin.id,
                              said: .noReport(plugin: plugin.id, id: reportID, known: runtime.declarations.reports.map(\.id)))
        }
        let due = report.needs.contains("due")
            ? try await DueScan(chain: chain, asOf: asOf, area: self.area, limits: limits).run(on: store, progress: progress) : nil
        let queries = ReportQueries(store: store, asOf: asOf, area: area, plugin: plugin, declarations: runtime.declarations,
                                    places: try PlaceNames.of(chain, store: store), due: due)
        // The script's queries read the registry synchronously: they run on a thread of their
        // own, never blocking one of the concurrency pool's (a server renders reports too).
        let rendering = Unchecked(value: (runtime, queries, reportID))
        var document: SheetDocument = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let (runtime, queries, id) = rendering.value
                continuation.resume(with: Result { try runtime.renderReport(id, data: queries.table(in: runtime.state)) })
            }
        }
        document.printing = report.printing
        return document
    }

}

/// Hands the report's state to the thread that renders it; only that thread uses it after.
private struct Unchecked<T>: @unchecked Sendable { let value: T }
