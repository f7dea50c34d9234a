import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// A plugin's error carries what it is about as fields (the plugin, file, line, a kind, the Lua
/// error and its traceback), and its text stays the located message users read.
@Suite(.serialized)
struct PluginErrorTests {
    let plugins = TemporaryPlugins()

    /// A household with nothing but its record.
    static let view = HouseholdView(household: Household(
        number: "1", area: Area(villageCode: "620621100201")!, headName: "张", category: .general))

    /// What loading plugin `id` from the catalog threw.
    func loadingError(_ id: String) -> PluginError? {
        do {
            let catalog = plugins.catalog
            _ = try PluginRuntime(chain: catalog.chain(for: catalog.plugin(id)), state: LuaState())
            return nil
        } catch {
            return error as? PluginError
        }
    }

    @Test func aManifestThatDoesNotCompileIsTheErrorTheCatalogGivesForItsFolder() throws {
        defer { plugins.remove() }
        try plugins.write("broken", ["plugin.lua": "return { id = 'broken',\n  name = }"])
        let error = try #require(loadingError("broken"))
        #expect(error.kind == .load, "\(error)")
        #expect(error.plugin == "broken" && error.file == "plugin.lua" && error.line == 2, "\(error)")
        #expect(error.luaError?.kind == .syntax)
        #expect(error.description.hasPrefix("loading broken/plugin.lua: broken/plugin.lua:2:"), "\(error)")
    }

    @Test func aPluginNobodyInstalledIsNotFound() throws {
        defer { plugins.remove() }
        let error = try #require(loadingError("nobody"))
        #expect(error.kind == .notFound && error.plugin == "nobody" && error.file == nil)
        #expect(error.description.hasPrefix("no plugin 'nobody' (installed: "))
    }

    @Test func aCheckFileThatRaisesWhileLoadingNamesItsFileAndLine() throws {
        defer { plugins.remove() }
        try plugins.write("raising", ["checks/a.lua": "local x = 1\nerror('no')"])
        let error = try #require(loadingError("raising"))
        #expect(error.kind == .load)
        #expect(error.plugin == "raising" && error.file == "checks/a.lua" && error.line == 2, "\(error)")
        #expect(error.description == "loading plugin raising: raising/checks/a.lua:2: no")
        #expect(error.traceback?.contains("raising/checks/a.lua:2") == true, "\(error.traceback ?? "no traceback")")
    }

    @Test func aGuardStoppedByTheBudgetIsAStopAtTheLineThatWasRunning() throws {
        defer { plugins.remove() }
        try plugins.write("looping", extends: nil, ["guards/a.lua": """
            dixian.guard {
              id = 'looping.verify',
              transition = 'verify',
              title = 'loops',
              run = function(h, ctx)
                local d = ctx.as_of
                while true do d = dixian.date.add_days(d, 1) end
              end,
            }
            """])
        let catalog = plugins.catalog
        let runtime = try PluginRuntime(
            chain: catalog.chain(for: catalog.plugin("looping")),
            state: LuaState(limits: LuaLimits(instructionBudget: 200_000, memoryCap: 48 << 20)))
        try runtime.prepare(asOf: LocalDate(iso: "2024-06-30")!)
        let view = Self.view
        do {
            _ = try runtime.guardVerdict(.verify, for: view)
            Issue.record("the guard ran through")
        } catch let error as PluginError {
            #expect(error.kind == .stopped(.instructionBudget), "\(error)")
            #expect(error.plugin == "looping" && error.file == "guards/a.lua" && error.line == 7, "\(error)")
            #expect(error.luaError?.kind == .instructionBudgetExceeded)
            #expect(error.description.contains("looping/guards/a.lua:7: instruction budget"), "\(error)")
        }
    }

    @Test func aReportStoppedByThePatternGuardIsAPatternStop() throws {
        defer { plugins.remove() }
        try plugins.write("costly", extends: nil, ["reports/a.lua": """
            dixian.report { id = 'costly', title = 'costly', render = function(data, ctx)
              return { { text = (string.rep('a', 100000)):find('a-a-a-a-a-a-a-a-b') } }
            end }
            """])
        let catalog = plugins.catalog
        let runtime = try PluginRuntime(chain: catalog.chain(for: catalog.plugin("costly")), state: LuaState())
        try runtime.prepare(asOf: LocalDate(iso: "2024-06-30")!)
        do {
            let document = try runtime.renderReport("costly", data: LuaTableReference(in: runtime.state))
            Issue.record("the report was not stopped: \(document)")
        } catch let error as PluginError {
            #expect(error.kind == .stopped(.pattern), "\(error)")
            #expect(error.plugin == "costly" && error.file == "reports/a.lua" && error.line == 2, "\(error)")
        }
    }
}

/// The language of `plugin.lua` is parsed once, when the manifest is read.
@Suite(.serialized)
struct ManifestLanguageTests {
    let plugins = TemporaryPlugins()

    func manifest(language: String) throws -> URL {
        try plugins.write("spoken", ["plugin.lua": """
            return {
              id = 'spoken', name = 's', api = 1, version = '1',
              areas = { '620621' },
              language = '\(language)',
            }
            """])
    }

    @Test(arguments: [("zh", Language.chinese), ("zh-CN", .chinese), ("en", .english)])
    func aKnownLanguageIsRead(code: String, language: Language) throws {
        defer { plugins.remove() }
        #expect(try PluginManifest.load(from: try manifest(language: code)).language == language)
    }

    @Test func anUnknownLanguageIsRefusedAtLoadNamingTheLine() throws {
        defer { plugins.remove() }
        let directory = try manifest(language: "fr")
        #expect(throws: PluginError.self) { try PluginManifest.load(from: directory) }
        let error = try #require(plugins.catalog.broken.first { $0.plugin == "spoken" })
        #expect(error.kind == .manifest && error.file == "plugin.lua" && error.line == 4, "\(error)")
        #expect(error.description == "spoken/plugin.lua:4: language 'fr' is not one Dixian speaks (zh, zh-CN, en)")
    }
}
