import DixianPlugins
import Foundation
import LuaHost
import Testing

/// What the shipped plugins show officials cites a document by its number and section
/// (`民农领发〔2024〕9号附件2 二.9`), never by the name developers give the seed files ("seed 003"),
/// which no county official can look up.
struct ShippedCitationsTests {
    /// A text a plugin declared for officials to read, and where it was declared.
    struct Shown: CustomStringConvertible {
        var text: String
        var declaration: Declaration
        var description: String { "\(declaration.location): \(text)" }
    }

    /// Every text `declarations` hold that officials see: titles and sources of every rule,
    /// permit, parameter, calendar, checklist and report (a duty's source is the message of its row of
    /// `dixian due`), why a parameter is unset, checklist columns, sign-off lines, report
    /// descriptions, and spec names.
    static func shown(in declarations: PluginDeclarations) -> [Shown] {
        var shown: [Shown] = []
        func add(_ declaration: Declaration, _ texts: [String?] = []) {
            for text in [declaration.title, declaration.source] + texts {
                if let text { shown.append(Shown(text: text, declaration: declaration)) }
            }
        }
        for check in declarations.checks + declarations.assetChecks { add(check.declaration, [check.group]) }
        for parameter in declarations.parameters { add(parameter.declaration, parameter.values.map(\.unset)) }
        for guardDeclaration in declarations.guards { add(guardDeclaration.declaration) }
        for permit in declarations.permits { add(permit.declaration) }
        for calendar in declarations.calendars { add(calendar.declaration) }
        for deadline in declarations.deadlines { add(deadline.declaration, [deadline.responsible]) }
        for duty in declarations.duties { add(duty.declaration, [duty.responsible]) }
        for checklist in declarations.checklists {
            add(checklist.declaration, checklist.columns.flatMap { [$0.header.title] + $0.header.groups } + checklist.printing.signOff)
        }
        for report in declarations.reports { add(report.declaration, [report.description] + report.printing.signOff) }
        for spec in declarations.specs { add(spec) }
        return shown
    }

    /// The declarations of plugin `id` (with its specs) and of the plugins it extends.
    static func declarations(of id: String) throws -> PluginDeclarations {
        let catalog = ShippedPluginSpecsTests.catalog
        return try PluginRuntime(chain: catalog.chain(for: catalog.plugin(id)), state: LuaState(), loadingSpecs: true).declarations
    }

    @Test(arguments: ShippedPluginSpecsTests.catalog.plugins.map(\.id))
    func nothingAPluginShowsNamesASeed(plugin id: String) throws {
        let own = Self.shown(in: try Self.declarations(of: id)).filter { $0.declaration.plugin == id }
        #expect(!own.isEmpty, "\(id) declares nothing to read")
        for shown in own where shown.text.range(of: "seed", options: .caseInsensitive) != nil {
            Issue.record("\(shown) names a seed; cite the document by its number (文号) and section")
        }
    }

    /// The documents are cited by number: sources of each county plugin begin with its own.
    @Test(arguments: [("minqin", "民农领发〔2024〕9号"), ("ningxia", "宁党农发〔2021〕7号"), ("ningxia", "宁党发〔2021〕15号"),
                      ("yanchi", "宁党发〔2021〕15号"), ("xiaoxian", "萧乡振办〔2021〕7号"), ("binxian", "宾农工组办发〔2021〕33号")])
    func countyPluginsCiteTheirDocumentByNumber(plugin id: String, number: String) throws {
        let sources = Self.shown(in: try Self.declarations(of: id))
            .filter { $0.declaration.plugin == id && $0.text == $0.declaration.source }.map(\.text)
        #expect(sources.contains { $0.hasPrefix(number) }, "no source of \(id) begins with \(number): \(sources)")
    }
}
