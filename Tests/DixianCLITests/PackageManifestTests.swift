import Foundation
import Testing

/// Package.swift declares every module a target imports (a product only reached through another
/// package's dependencies breaks when that package changes), and the layering holds: the server
/// depends on no store module, the reports on no synthetic data.
struct PackageManifestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Modules of the toolchain, which need no declaration.
    static let toolchain: Set<String> = ["Foundation", "Testing", "Dispatch", "Glibc", "Synchronization", "XCTest", "_Concurrency"]

    /// Each target's name and the modules and products its declaration lists.
    static func targets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        for match in manifest.matches(of: /\.(?:target|executableTarget|testTarget)\(\s*name:\s*"(\w+)"(?<body>(?:.|\n)*?)\n        \)/) {
            let body = String(match.body)
            guard let start = body.range(of: "dependencies: [") else {
                targets[String(match.1)] = []
                continue
            }
            let list = body[start.upperBound...].prefix { $0 != "]" }
            targets[String(match.1)] = Set(list.matches(of: /"(\w+)"/).map { String($0.1) })
        }
        return targets
    }

    @Test func everyImportedModuleIsDeclared() throws {
        let targets = try Self.targets()
        #expect(targets.count > 20)
        for (name, declared) in targets {
            let folder = ["Sources", "Tests"].map { Self.root.appendingPathComponent("\($0)/\(name)") }
                .first { FileManager.default.fileExists(atPath: $0.path) }!
            var imported: Set<String> = []
            for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            where file.pathExtension == "swift" {
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                    if let match = line.wholeMatch(of: /(?:@testable |public |@_implementationOnly )?import (?:struct |class |enum )?(\w+)\s*/) {
                        imported.insert(String(match.1))
                    }
                }
            }
            let undeclared = imported.subtracting(declared).subtracting(Self.toolchain).subtracting([name])
            #expect(undeclared.isEmpty, "\(name) imports \(undeclared.sorted()) without declaring them in Package.swift")
        }
    }

    @Test func theServerDependsOnNoStoreAndTheReportsOnNoSyntheticData() throws {
        let targets = try Self.targets()
        #expect(targets["DixianServer"]?.isDisjoint(with: ["DixianSQLite", "DixianPostgres"]) == true)
        #expect(targets["DixianReports"]?.contains("DixianSynthetic") == false)
    }
}
