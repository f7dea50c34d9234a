import DixianCore
import LuaHost

/// The Lua functions of the plugin API's host side (`dixian.api/api.lua`), taken once per state.
struct PluginHostFunctions {
    let install, describe, prepare, screen, screenAssets, guardTransition, spec, checklistRows, deadlines, renderReport, setPlaces, echo: LuaFunction
    /// Makes the metatable of a view's tables: `(what, view, known, missing)` (views.lua).
    let viewMetatable: LuaFunction
    /// The one empty list every view shares (read-only).
    let emptyList: LuaTableReference

    /// Loads the API's modules into `state`; `calendars` counts the working days of
    /// `dixian.date.add_working_days` once the plugins are loaded.
    init(state: LuaState, calendars: CalendarBook) throws(LuaError) {
        func load(_ module: (name: String, source: [UInt8])) throws(LuaError) -> LuaFunction {
            try state.loadHostChunk(String(decoding: module.source, as: UTF8.self), name: PluginAPIModules.chunkName(module.name))
        }
        var modules: [String: LuaFunction] = [:]
        for module in PluginAPIModules.modules { modules[module.name] = try load(module) }
        let entry = try load(PluginAPIModules.entry)
        let workingDays = state.makeFunction("working_days") { frame in calendars.addWorkingDays(&frame) }
        let names = ["install", "describe", "prepare", "screen", "screen_assets", "guard", "spec", "checklist_rows", "deadlines",
                     "render_report", "set_places", "echo", "view_metatable"]
        var empty: LuaTableReference?
        let functions: [LuaFunction?] = try state.call(entry, pushingArguments: { stack in
            stack.push(modules)
            stack.push([
                "risk_types": RiskType.allCases.map(\.rawValue),
                "severities": Severity.allCases.map(\.rawValue),
                "transitions": MonitoringTransition.allCases.map(\.rawValue),
                "steps": WorkflowStep.allCases.map(\.rawValue),
                "roles": UserRole.allCases.map(\.rawValue),
            ])
            stack.pushCallerLocationFunction()
            workingDays.push(onto: stack)
            stack.pushStopKindFunction()
            stack.pushChargeFunction()
            return 6
        }, readingResults: { stack, first, _ in
            stack.pushField("empty_list", ofTableAt: first)
            empty = LuaTableReference(at: -1, in: stack, of: state)
            stack.pop()
            return names.map { name in
                stack.pushField(name, ofTableAt: first)
                defer { stack.pop() }
                return state.function(at: -1, in: stack)
            }
        })
        guard let found = functions as? [LuaFunction], let empty else {
            throw LuaError(kind: .hostMisuse, message: "the plugin API's api.lua did not return its host functions")
        }
        (install, describe, prepare, screen, screenAssets, guardTransition, spec, checklistRows, deadlines, renderReport, setPlaces, echo) =
            (found[0], found[1], found[2], found[3], found[4], found[5], found[6], found[7], found[8], found[9], found[10], found[11])
        viewMetatable = found[12]
        emptyList = empty
    }
}
