import DixianCore
import DixianPlugins
import DixianSheets
import Foundation
import LuaHost
import Synchronization

/// Fills a plugin's checklist from the registry for every household of an area, in household
/// number order: the form officials take on their visits, pre-filled with what the registry
/// knows, or the filled ledger. Rows are computed in parallel over a pool of Lua states and
/// streamed to the file a window of partitions at a time, so memory stays bounded however
/// large the county.
public struct ChecklistRun: Sendable {
    /// The plugin chain (the plugin asked for last).
    public let chain: [PluginManifest]
    /// The checklist's id.
    public let checklistID: String
    /// The date the registry is read as of (ages, the year of incomes).
    public let asOf: LocalDate
    /// A village-code prefix within the plugin's area; nil for the area the plugin serves.
    public let area: String?
    /// Lua states working at once.
    public let workers: Int
    /// The limits of each state; the instruction budget applies to each batch of households.
    public let limits: LuaLimits

    /// A run.
    public init(chain: [PluginManifest], checklistID: String, asOf: LocalDate, area: String?,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, limits: LuaLimits = LuaLimits()) {
        self.chain = chain
        self.checklistID = checklistID
        self.asOf = asOf
        self.area = area
        self.workers = max(1, workers)
        self.limits = limits
    }

    /// What was written.
    public struct Summary: Sendable {
        /// The checklist's title.
        public var title: String
        /// Rows written (one per household on the list).
        public var rows: Int
    }

    /// Writes the checklist from `source` to `url` in `format` (XLSX, CSV or PDF), all or nothing:
    /// when a row function fails, no file is left at `url`. Households the row function leaves
    /// off the list (a visit list of 六必访 households, say) have no row.
    /// `progress`, if given, is told of each batch of households read (how many), from the
    /// workers' threads.
    /// - Throws: `PluginError` naming the household and plugin line, a store error, or a
    ///   `SheetError` when the file cannot be written.
    public func write(from source: some HouseholdViewSource, to url: URL, format: SheetFormat,
                      progress: (@Sendable (Int) -> Void)? = nil) throws -> Summary {
        let chain = self.chain, asOf = self.asOf, id = checklistID
        let area = try chain[chain.count - 1].area(requested: self.area)
        let places = try PlaceNames.of(chain, store: source as? any RegistryStore)
        let unchecked = Mutex(true)  // the parameters are the same in every state: asked once
        let pool = try LuaStatePool(size: workers, limits: limits) { state in
            let runtime = try PluginRuntime(chain: chain, state: state)
            if unchecked.withLock({ first in defer { first = false }; return first }) {
                try runtime.requireParameters(on: asOf, for: .checklists)
            }
            try runtime.prepare(asOf: asOf)
            try runtime.setPlaceNames(places)
            return runtime
        }
        let declarations = pool.withState { _, runtime in runtime.declarations }
        guard let checklist = declarations.checklists.first(where: { $0.declaration.id == id }) else {
            let plugin = chain[chain.count - 1].id
            throw PluginError(.declaration, plugin: plugin,
                              said: .noChecklist(plugin: plugin, id: id, known: declarations.checklists.map(\.declaration.id)))
        }
        let partitions = try source.partitions(area: area, size: 1024)
        let window = pool.size * 4
        return try AtomicOutput.write(to: url) { temporary in
            let sink = try format.openTable(at: temporary, title: checklist.declaration.title, columns: checklist.columns.map(\.header),
                                             language: chain[chain.count - 1].language, printing: checklist.printing)
            var written = 0
            for start in stride(from: 0, to: partitions.count, by: window) {
                let round = Array(partitions[start..<min(start + window, partitions.count)])
                let slots = Mutex<[Int: [[SheetCell]]]>([:])
                let next = Atomic<Int>(0)
                _ = try pool.onEveryWorker { _, _, runtime in
                    while true {
                        let index = next.add(1, ordering: .relaxed).oldValue
                        guard index < round.count else { return 0 }
                        var rows: [[SheetCell]] = []
                        try source.readViews(in: round[index], asOf: asOf, batchSize: 256) { views in
                            do {
                                rows += try runtime.checklistRows(id, for: views).compactMap { $0 }
                            } catch let error as LuaError {
                                throw PluginError(error, while: "filling checklist \(id) of \(runtime.plugin.id)", plugin: runtime.plugin.id)
                            }
                            progress?(views.count)
                        }
                        slots.withLock { $0[index] = rows }
                    }
                }
                var filled = slots.withLock { $0 }
                for index in round.indices {
                    for row in filled.removeValue(forKey: index) ?? [] {
                        try sink.append(row)
                        written += 1
                    }
                }
            }
            try sink.finish()
            return Summary(title: checklist.declaration.title, rows: written)
        }
    }
}
