import DixianCore
import DixianSheets
import Foundation
import LuaHost
import Synchronization

/// A plugin chain (a plugin and the plugins it extends) loaded into one Lua state: its
/// declarations, and the calls that run its checks, guards and checklists. One per state;
/// use a `LuaStatePool` of runtimes to work on several cores.
public final class PluginRuntime {
    /// The plugins loaded, the base first; the last is the plugin asked for.
    public let chain: [PluginManifest]
    /// The state they are loaded in.
    public let state: LuaState
    /// What they declared.
    public private(set) var declarations: PluginDeclarations
    /// The household-view fields the chain's scripts name, by what the views are for: the
    /// only fields batches are filled with (read from the plugins' files at the first batch,
    /// not at start-up: a console may never fill one).
    private lazy var viewFields = ViewFields.byPurpose(namedInPluginsAt: chain.map(\.directory))
    /// The batch tables views are filled into, by purpose (made when first used).
    private var batches: [ViewPurpose: BatchViews] = [:]

    private let host: PluginHostFunctions
    /// The calendars `dixian.date.add_working_days` counts with, set once the plugins are loaded.
    private let calendarBook = CalendarBook()
    private var environments: [LuaEnvironment] = []

    /// The tables of views filled with every field (for guards and the console), made on first use.
    private var wholeViewTables: ViewTables {
        get throws(LuaError) {
            if let made = wholeTables { return made }
            let made = try viewTables(filling: .all)
            wholeTables = made
            return made
        }
    }
    private var wholeTables: ViewTables?

    /// The metatables of asset views and their distribution rows, made on first use.
    private var assetTables: AssetViewTables {
        get throws(LuaError) {
            if let made = assetMetatables { return made }
            let made = AssetViewTables(asset: try metatable("asset", of: "asset", known: LuaAssetView.Field.names, missing: []),
                                       distribution: try metatable("distribution", of: "asset", known: LuaAssetView.DistributionField.names,
                                                                   missing: []))
            assetMetatables = made
            return made
        }
    }
    private var assetMetatables: AssetViewTables?

    /// The plugin asked for (the last of the chain).
    public var plugin: PluginManifest { chain[chain.count - 1] }

    /// The folders of a plugin whose `.lua` files are loaded, in this order, after `parameters.lua`.
    public static let declarationFolders = ["calendars", "checks", "guards", "roles", "deadlines", "checklists", "reports"]

    /// Loads `chain` into `state`: for each plugin, base first, `parameters.lua` and then every
    /// `.lua` file of `declarationFolders` in name order, each in the plugin's own environment.
    /// With `loadingSpecs`, the last plugin's `spec/` files are loaded too. A file whose real
    /// path leaves its plugin's folder (a symbolic link) is refused. Declarations end here: a
    /// script that declares later raises.
    public init(chain: [PluginManifest], state: LuaState, loadingSpecs: Bool = false) throws {
        precondition(!chain.isEmpty, "a runtime loads at least one plugin")
        self.chain = chain
        self.state = state
        declarations = PluginDeclarations(described: .nil)
        do {
            host = try PluginHostFunctions(state: state, calendars: calendarBook)
        } catch {
            throw PluginError(error, while: "starting the plugin API", kind: .host)
        }
        for (position, manifest) in chain.enumerated() {
            var files = Self.files(of: manifest)
            if loadingSpecs && position == chain.count - 1 {
                files += Self.luaFiles(in: manifest.directory.appendingPathComponent("spec"), relativeTo: manifest.directory)
            }
            try load(manifest, files: files)
        }
        declarations = try Self.describe(host, state)
        calendarBook.calendars = declarations.calendars
    }

    /// How the views of `purpose` are filled: how many of the view's fields, and the names of
    /// those left out because no script that reads those views names them.
    public func viewFields(for purpose: ViewPurpose) -> (filled: Int, of: Int, leftOut: [String]) {
        let fields = viewFields[purpose] ?? .all
        return (fields.count, ViewFields.all.count, fields.missingNames)
    }

    /// The batch table of `purpose` and how it is filled, made on first use.
    private func batchViews(for purpose: ViewPurpose) throws(LuaError) -> BatchViews {
        if let made = batches[purpose] { return made }
        let fields = viewFields[purpose] ?? .all
        let made = BatchViews(fields: fields, tables: try viewTables(filling: fields), table: LuaTableReference(in: state))
        batches[purpose] = made
        return made
    }

    /// The metatables of household views filled with `fields`: read-only, refusing a field no
    /// view has, and one left out of these (views.lua).
    private func viewTables(filling fields: ViewFields) throws(LuaError) -> ViewTables {
        func table(_ record: ViewKeys.Record) throws(LuaError) -> LuaTableReference {
            try metatable(record.rawValue, of: "household", known: ViewKeys.names(of: record), missing: fields.missingNames(of: record))
        }
        return ViewTables(household: try table(.household), member: try table(.member), income: try table(.income),
                          survey: try table(.survey), emptyList: host.emptyList)
    }

    /// The metatable views.lua makes for the `what` tables of a `view` whose fields are `known`,
    /// filled without `missing`.
    private func metatable(_ what: String, of view: String, known: [String], missing: [String]) throws(LuaError) -> LuaTableReference {
        let made = try state.call(host.viewMetatable, pushingArguments: { stack in
            stack.push(what)
            stack.push(view)
            stack.push(known)
            stack.push(missing)
            return 4
        }, readingResults: { stack, first, _ in LuaTableReference(at: first, in: stack, of: self.state) })
        guard let made else { throw LuaError(kind: .hostMisuse, message: "view_metatable did not return a table") }
        return made
    }

    /// The declaration files of `manifest`, as paths relative to its folder, in load order.
    public static func files(of manifest: PluginManifest) -> [String] {
        var files: [String] = []
        if FileManager.default.fileExists(atPath: manifest.directory.appendingPathComponent("parameters.lua").path) {
            files.append("parameters.lua")
        }
        for folder in declarationFolders {
            files += luaFiles(in: manifest.directory.appendingPathComponent(folder), relativeTo: manifest.directory)
        }
        return files
    }

    private static func luaFiles(in folder: URL, relativeTo base: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted().map { folder.lastPathComponent + "/" + $0 }
    }

    private func load(_ manifest: PluginManifest, files: [String]) throws {
        let environment: LuaEnvironment
        do {
            environment = try state.makeEnvironment(pluginDirectory: manifest.directory, chunkPrefix: manifest.id + "/")
            try state.call(host.install, pushingArguments: { stack in
                environment.push(onto: stack)
                stack.push(manifest.id)
                return 2
            })
        } catch {
            throw PluginError(error, while: "loading plugin \(manifest.id)", kind: .load, plugin: manifest.id)
        }
        environments.append(environment)
        for file in files {
            let data = try PluginFile.contents(of: file, in: manifest.directory, plugin: manifest.id)
            guard let source = String(data: data, encoding: .utf8), !data.contains(0)
            else { throw PluginError(.unreadableFile, plugin: manifest.id, file: file, "cannot read it as UTF-8 Lua source text") }
            do {
                try state.call(state.load(source, name: "\(manifest.id)/\(file)", in: environment))
            } catch {
                throw PluginError(error, while: "loading plugin \(manifest.id)", kind: .load, plugin: manifest.id)
            }
        }
    }

    private static func describe(_ host: PluginHostFunctions, _ state: LuaState) throws -> PluginDeclarations {
        do {
            return PluginDeclarations(described: try state.call(host.describe).first ?? .nil)
        } catch {
            throw PluginError(error, while: "reading the plugin's declarations", kind: .load)
        }
    }

    /// Sets the assessment date: parameters are read as in force on it, ages are counted on it.
    public func prepare(asOf: LocalDate) throws {
        do {
            try state.call(host.prepare, [.string(asOf.description)])
        } catch {
            throw PluginError(error, while: "preparing \(plugin.id) for \(asOf)", plugin: plugin.id)
        }
        preparedDate = asOf
    }

    /// `view` as the plugin's checks see it (as of the prepared date), copied out of Lua: for a
    /// console that shows households to an administrator.
    public func value(of view: HouseholdView) throws -> LuaValue {
        let asOf = requirePrepared()
        do {
            let tables = try wholeViewTables
            return try state.call(host.echo, pushingArguments: { stack in
                stack.push(LuaHouseholdView(view: view, asOf: asOf, fields: .all, tables: tables))
                return 1
            }).first ?? .nil
        } catch {
            throw PluginError(error, while: "reading household \(view.household.number)", plugin: plugin.id)
        }
    }

    /// Sets the names of area codes scripts read with `ctx.place(code)` (townships' names from
    /// the plugin's geography).
    public func setPlaceNames(_ names: [String: String]) throws {
        do {
            try state.call(host.setPlaces, [.table(LuaTable(fields: Dictionary(
                uniqueKeysWithValues: names.map { (LuaValue.string($0.key), LuaValue.string($0.value)) })))])
        } catch {
            throw PluginError(error, while: "setting the place names of \(plugin.id)", plugin: plugin.id)
        }
    }

    /// Refuses a `kind` of run on `date` when a parameter it reads is declared unset then (the
    /// county must set it): one error naming each such parameter, the date, why it is unset and
    /// the file and line to set it in, in the plugin's language. Runs over a county call it
    /// before they start, so a missing value stops them once rather than failing every
    /// household. Which parameters a run reads: `ParameterReads`.
    public func requireParameters(on date: LocalDate, for kind: RunKind) throws(PluginError) {
        let unset = declarations.parameters.compactMap { parameter in parameter.unsetValue(on: date).map { (parameter, $0) } }
        guard !unset.isEmpty else { return }
        let read = ParameterReads.names(readBy: kind, in: chain)
        let gaps = unset.filter { parameter, _ in read.contains(parameter.declaration.id) }
        guard let first = gaps.first else { return }
        let lines = gaps.map { parameter, value in
            PluginMessage.UnsetParameter(id: parameter.declaration.id, title: parameter.declaration.title, from: value.from,
                                         reason: value.unset ?? "", location: parameter.declaration.location)
        }
        throw PluginError(.parameterUnset, plugin: first.0.declaration.plugin,
                          PluginMessage.runCannotStart(date, lines).text(in: plugin.language))
    }

    /// The date set by `prepare(asOf:)`.
    public private(set) var preparedDate: LocalDate?

    private func requirePrepared() -> LocalDate {
        guard let preparedDate else { preconditionFailure("call prepare(asOf:) before running checks") }
        return preparedDate
    }

    /// Runs the checks on `views` (every enabled check, or only check number `only`).
    /// A check that raises or returns nonsense is reported in the outcome's failures and the
    /// other checks' findings stand; a `LuaError` means the whole batch stopped (the
    /// instruction budget or memory cap), and nothing of it stands.
    public func screen(_ views: [HouseholdView], only: Int? = nil, disabled: Set<Int> = []) throws(LuaError)
        -> BatchOutcome
    {
        let asOf = requirePrepared()
        let batch = try batchViews(for: .screening)
        return try run(host.screen, batch: batch.table, count: views.count, only: only, disabled: disabled) { stack in
            self.fill(batch, on: stack, with: views, asOf: asOf)
        }
    }

    /// Refills `batch`'s table, on top of the stack, with `views`, reusing its household tables.
    private func fill(_ batch: BatchViews, on stack: LuaStack, with views: [HouseholdView], asOf: LocalDate) {
        let batchIndex = stack.top
        let keys = ViewKeys(stack)
        for (index, view) in views.enumerated() {
            if stack.pushReusedTable(at: index + 1, ofTableAt: batchIndex, fieldCount: 24) {
                batch.tables.household.setAsMetatable(ofTableAt: -1, in: stack)
            }
            LuaHouseholdView(view: view, asOf: asOf, fields: batch.fields, tables: batch.tables)
                .fill(stack, keys: keys, reusing: true)
            stack.pop()
        }
        keys.pop(stack)
    }

    /// Runs the asset checks on `views`, as `screen` does for households.
    public func screenAssets(_ views: [AssetView], only: Int? = nil, disabled: Set<Int> = []) throws(LuaError)
        -> BatchOutcome
    {
        _ = requirePrepared()
        let tables = try assetTables
        return try run(host.screenAssets, batch: nil, count: views.count, only: only, disabled: disabled) { stack in
            for (index, view) in views.enumerated() {
                stack.setIndex(index + 1, LuaAssetView(view: view, tables: tables))
            }
        }
    }

    /// Calls runner `function` on `count` subjects that `pushSubjects` fills into the table on top
    /// of the stack: `batch`, refilled in place, or a new table.
    private func run(
        _ function: LuaFunction, batch: LuaTableReference?, count: Int, only: Int?, disabled: Set<Int>,
        pushSubjects: @escaping (LuaStack) -> Void
    ) throws(LuaError) -> BatchOutcome {
        try state.call(function, repeatable: true, pushingArguments: { stack in
            if let batch { batch.push(onto: stack) } else { stack.pushTable(arrayCount: count) }
            pushSubjects(stack)
            Self.pushSelection(onto: stack, count: count, only: only, disabled: disabled)
            return 4
        }, readingResults: { stack, first, _ in
            BatchOutcome(stack: stack, findings: first, failures: first + 1)
        })
    }

    /// Pushes a runner's last three arguments: how many subjects, the one check (or deadline) to
    /// run, 1-based, or nil for all, and the set of those not to run.
    private static func pushSelection(onto stack: LuaStack, count: Int, only: Int?, disabled: Set<Int>) {
        stack.push(count)
        stack.push(only.map { $0 + 1 })
        stack.pushTable(fieldCount: disabled.count)
        for entry in disabled { stack.setIndex(entry + 1, true) }
    }

    /// Asks the guards of `transition` about `view`: the reasons they refuse it, if any.
    public func guardVerdict(_ transition: MonitoringTransition, for view: HouseholdView) throws -> GuardVerdict {
        let asOf = requirePrepared()
        do {
            let tables = try wholeViewTables
            return try state.call(host.guardTransition, pushingArguments: { stack in
                stack.push(transition.rawValue)
                stack.push(LuaHouseholdView(view: view, asOf: asOf, fields: .all, tables: tables))
                return 2
            }, readingResults: { stack, first, _ in
                GuardVerdict(reasons: stack.value(at: first), failures: stack.value(at: first + 1))
            })
        } catch {
            throw PluginError(error, while: "asking the \(transition.rawValue) guards of \(plugin.id)", plugin: plugin.id)
        }
    }

    /// Runs the deadlines on `views` (every one not in `disabled`, or only number `only`): the
    /// work each household still owes, with its due date. A deadline that raises or returns
    /// nonsense on a household is reported in the outcome's failures and the others' items
    /// stand; a `LuaError` (budget, memory) means nothing of the batch stands.
    public func deadlines(_ views: [HouseholdView], only: Int? = nil, disabled: Set<Int> = []) throws(LuaError)
        -> DeadlineOutcome
    {
        let asOf = requirePrepared()
        let batch = try batchViews(for: .deadlines)
        return try state.call(host.deadlines, repeatable: true, pushingArguments: { stack in
            batch.table.push(onto: stack)
            self.fill(batch, on: stack, with: views, asOf: asOf)
            Self.pushSelection(onto: stack, count: views.count, only: only, disabled: disabled)
            return 4
        }, readingResults: { stack, first, _ in
            DeadlineOutcome(stack: stack, items: first, failures: first + 1)
        })
    }

    /// The data of spec number `index` (0-based) as the spec file declared it.
    public func spec(at index: Int) throws -> LuaValue {
        do {
            return try state.call(host.spec, [.integer(Int64(index + 1))]).first ?? .nil
        } catch {
            throw PluginError(error, while: "reading spec \(index + 1) of \(plugin.id)", kind: .spec, plugin: plugin.id)
        }
    }

    /// The rows checklist `id` gives for `views`, one cell per column: text, numbers, booleans
    /// in the plugin's language (是/否), and empty cells for what the row left out. A household
    /// the row function leaves off the list (it returned nil) has no row.
    /// - Throws: `PluginError` naming the household and the plugin line when the row function
    ///   raises or returns something else than a table, or a cell holds a table or function;
    ///   `LuaError` when the batch ran out of budget or memory.
    public func checklistRows(_ id: String, for views: [HouseholdView]) throws -> [[SheetCell]?] {
        let asOf = requirePrepared()
        guard let checklist = declarations.checklists.first(where: { $0.declaration.id == id }) else {
            throw PluginError(.declaration, plugin: plugin.id,
                              said: .noChecklist(plugin: plugin.id, id: id, known: declarations.checklists.map(\.declaration.id)))
        }
        let (yes, no) = (PluginMessage.yes.text(in: plugin.language), PluginMessage.no.text(in: plugin.language))
        let keys = checklist.columns.map(\.key)
        let batch = try batchViews(for: .checklists)
        var problem: String?
        let rows: [[SheetCell]?] = try state.call(host.checklistRows, repeatable: true, pushingArguments: { stack in
            stack.push(id)
            batch.table.push(onto: stack)
            self.fill(batch, on: stack, with: views, asOf: asOf)
            stack.push(views.count)
            return 3
        }, readingResults: { stack, first, _ in
            guard stack.typeName(at: first) == "table" else {
                let index = Int(stack.integer(at: first + 1) ?? 1) - 1
                problem = "household \(views[index].household.number): \(stack.string(at: first + 2) ?? "?")"
                return []
            }
            return (0..<views.count).map { index in
                stack.element(index + 1, ofTableAt: first) { stack -> [SheetCell]? in
                    guard stack.typeName(at: -1) == "table" else { return nil }
                    return keys.map { key in
                        stack.pushField(key, ofTableAt: -1)
                        defer { stack.pop() }
                        switch stack.value(at: -1) {
                        case .nil: return .empty
                        case .string(let text): return text.isEmpty ? .empty : .text(text)
                        case .integer(let number): return .number(Double(number))
                        case .number(let number): return .number(number)
                        case .boolean(let flag): return .text(flag ? yes : no)
                        case let other:
                            problem = problem ?? "household \(views[index].household.number): \(checklist.declaration.location): "
                                + "checklist \(id) column '\(key)' holds \(other.displayText); a cell is text, a number or a boolean"
                            return .empty
                        }
                    }
                }
            }
        })
        if let problem { throw PluginError(.declaration, plugin: plugin.id, "checklist \(id) of \(plugin.id): \(problem)") }
        return rows
    }

    /// The row checklist `id` gives for `view`: its cells' text by column key (empty cells left
    /// out); nil when the household is not on the list.
    public func checklistRow(_ id: String, for view: HouseholdView) throws -> [String: String]? {
        guard let cells = try checklistRows(id, for: [view])[0] else { return nil }
        let keys = declarations.checklists.first { $0.declaration.id == id }!.columns.map(\.key)
        var row: [String: String] = [:]
        for (key, cell) in zip(keys, cells) where cell != .empty { row[key] = cell.text }
        return row
    }

    /// Renders report `id` with `data`, the table of query functions the host offers, and
    /// reads the document it returns.
    /// - Throws: `PluginError` with the plugin file and line when the render function raises or
    ///   returns a malformed document.
    public func renderReport(_ id: String, data: LuaTableReference) throws -> SheetDocument {
        _ = requirePrepared()
        let value: LuaValue
        do {
            value = try state.call(host.renderReport, pushingArguments: { stack in
                stack.push(id)
                data.push(onto: stack)
                return 2
            }).first ?? .nil
        } catch {
            throw PluginError(error, while: "rendering report \(id) of \(plugin.id)", plugin: plugin.id)
        }
        let (yes, no) = (PluginMessage.yes.text(in: plugin.language), PluginMessage.no.text(in: plugin.language))
        func cell(_ value: LuaValue) -> SheetCell {
            switch value {
            case .string(let text): text.isEmpty ? .empty : .text(text)
            case .integer(let number): .number(Double(number))
            case .number(let number): .number(number)
            case .boolean(let flag): .text(flag ? yes : no)
            default: .empty
            }
        }
        let blocks: [SheetDocument.Block] = (value["blocks"].tableValue?.array ?? []).map { block in
            if let heading = block["heading"].stringValue { return .heading(heading) }
            if let text = block["text"].stringValue { return .paragraph(text) }
            let table = block["table"]
            return .table(SheetTable(
                title: table["title"].stringValue,
                columns: (table["columns"].tableValue?.array ?? []).map { ChecklistDeclaration.Column($0).header },
                rows: (table["rows"].tableValue?.array ?? []).map { ($0.tableValue?.array ?? []).map(cell) }))
        }
        return SheetDocument(title: value["title"].stringValue ?? id, blocks: blocks, language: plugin.language)
    }
}

extension LuaStatePool where Context == PluginRuntime {
    /// A pool of `size` states, each with `chain` loaded and prepared for `asOf`: what a
    /// parallel run over a county (screening, the due list) works with.
    /// `kind` says what the pool runs, for the parameters it needs (`requireParameters`).
    public convenience init(chain: [PluginManifest], asOf: LocalDate, size: Int, limits: LuaLimits = LuaLimits(),
                            running kind: RunKind = .screening) throws {
        let unchecked = Mutex(true)  // the parameters are the same in every state: asked once
        try self.init(size: size, limits: limits) { state in
            let runtime = try PluginRuntime(chain: chain, state: state)
            if unchecked.withLock({ first in defer { first = false }; return first }) {
                try runtime.requireParameters(on: asOf, for: kind)
            }
            try runtime.prepare(asOf: asOf)
            return runtime
        }
    }
}

/// The table a purpose's batches of views are refilled into call after call (with their
/// household and member tables), and how.
private struct BatchViews {
    let fields: ViewFields
    let tables: ViewTables
    let table: LuaTableReference
}
