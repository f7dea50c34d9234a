// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every Swift target. The package is in Swift 6 language mode, which checks
/// concurrency strictly; `any` is spelled out on every existential.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Dixian",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dixian", targets: ["DixianCLI"]),
        .executable(name: "dixian-bench", targets: ["DixianBench"]),
        .library(name: "LuaHost", targets: ["LuaHost"]),
        .library(name: "DixianCore", targets: ["DixianCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // Lua 5.4 from the system (Debian: liblua5.4-dev).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // libxlsxwriter from the system (Debian: libxlsxwriter-dev): XLSX files.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // libedit from the system (Debian: libedit-dev): the console's line editing and history.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The parts of the Lua bridge that must be C: the macro API, and everything that
        // raises a Lua error (budget hook, callback trampoline, pattern guard).
        .target(
            name: "CLuaShim",
            dependencies: ["CLua"]
        ),
        // The sandboxed Lua host.
        .target(
            name: "LuaHost",
            dependencies: ["CLua", "CLuaShim"],
            resources: [.embedInCode("dixian.sandbox/prelude.lua")],
            swiftSettings: swiftSettings
        ),
        // The domain: households, members, identity numbers, dates. No I/O.
        .target(
            name: "DixianCore",
            swiftSettings: swiftSettings
        ),
        // The SQLite configuration Swift cannot call (a variadic C function).
        .target(
            name: "CSQLiteShim",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The registry on SQLite (GRDB): schema, migrations, audit triggers.
        .target(
            name: "DixianSQLite",
            dependencies: [
                "CSQLiteShim",
                "DixianCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The registry on PostgreSQL (postgres-nio), for a server over a multi-user database:
        // the same storage protocols as SQLite, records mapped through the interchange codec.
        .target(
            name: "DixianPostgres",
            dependencies: [
                "DixianCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The interchange format: CSV files per table, import validation, export.
        .target(
            name: "DixianInterchange",
            dependencies: ["DixianCore", "DixianSheets"],
            swiftSettings: swiftSettings
        ),
        // Spreadsheets and documents: tables with multi-level headers written as XLSX
        // (libxlsxwriter, constant memory), CSV, HTML and Markdown; XLSX sheets read back as rows.
        .target(
            name: "DixianSheets",
            dependencies: ["DixianCore", "CXLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.embedInCode("document.css")],
            swiftSettings: swiftSettings
        ),
        // County plugins: discovery, plugin API v1, the household view, specs.
        .target(
            name: "DixianPlugins",
            dependencies: ["DixianCore", "DixianSheets", "LuaHost", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.embedInCode("dixian.api")],
            swiftSettings: swiftSettings
        ),
        // Screening: a plugin's checks over a whole county, in parallel, recorded as a run.
        .target(
            name: "DixianScreening",
            dependencies: ["DixianCore", "DixianPlugins", "LuaHost"],
            swiftSettings: swiftSettings
        ),
        // Workflows: the monitoring lifecycle, plans, visits, problems and warnings as audited
        // actions, and the deadlines that are due.
        .target(
            name: "DixianWorkflow",
            dependencies: ["DixianCore", "DixianPlugins", "LuaHost"],
            swiftSettings: swiftSettings
        ),
        // Checklists and reports from plugins: a checklist filled for a whole county, streamed;
        // a report rendered from the queries the host offers its Lua script.
        .target(
            name: "DixianReports",
            dependencies: ["DixianCore", "DixianPlugins", "DixianSheets", "DixianScreening", "DixianWorkflow", "LuaHost"],
            swiftSettings: swiftSettings
        ),
        // The administrators' Lua console on the live registry: the bound API, evaluation,
        // completion, pretty printing, line editing.
        .target(
            name: "DixianConsole",
            dependencies: [
                "CEditLine", "DixianCore", "DixianPlugins", "DixianReports", "DixianScreening", "DixianSheets", "DixianSQLite",
                "DixianWorkflow", "LuaHost",
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP server (Hummingbird): the JSON API, access by role and area, the self-report
        // page and the dashboard.
        .target(
            name: "DixianServer",
            dependencies: [
                "DixianCore", "DixianInterchange", "DixianPlugins", "DixianReports", "DixianScreening", "DixianSheets",
                "DixianWorkflow", "LuaHost",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            // Compiled into the binary (`PackageResources`), so an installed `dixian` needs no
            // bundle beside it.
            resources: [
                .embedInCode("Resources/openapi.json"),
                .embedInCode("Resources/style.css"),
                .embedInCode("Resources/document.mustache"),
                .embedInCode("Resources/self-report.mustache"),
                .embedInCode("Resources/message.mustache"),
                .embedInCode("Resources/login.mustache"),
                .embedInCode("Resources/dashboard.mustache"),
                .embedInCode("Resources/bars.mustache"),
                .embedInCode("Resources/password.mustache"),
                .embedInCode("Resources/signed-in.mustache"),
                .embedInCode("Resources/find.mustache"),
                .embedInCode("Resources/household.mustache"),
                .embedInCode("Resources/work.mustache"),
                .embedInCode("Resources/reports.mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // Synthetic counties for demos, tests and benchmarks.
        .target(
            name: "DixianSynthetic",
            dependencies: ["DixianCore", "DixianInterchange", "LuaHost", "DixianPlugins"],
            swiftSettings: swiftSettings
        ),
        // Shared fixtures for the test suites.
        .target(
            name: "DixianTestSupport",
            dependencies: ["DixianCore"],
            resources: [.embedInCode("read_workbook.py"), .embedInCode("csv_to_workbook.py")],
            swiftSettings: swiftSettings
        ),
        // The `dixian` command: parses arguments and calls the libraries.
        .executableTarget(
            name: "DixianCLI",
            dependencies: [
                "LuaHost", "DixianCore", "DixianSQLite", "DixianPostgres", "DixianInterchange", "DixianSynthetic", "DixianPlugins",
                "DixianScreening", "DixianWorkflow", "DixianSheets", "DixianReports", "DixianConsole", "DixianServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings
        ),
        // `dixian-bench`: the benchmarks run by scripts/bench.
        .executableTarget(
            name: "DixianBench",
            dependencies: [
                "DixianCore", "LuaHost", "DixianPlugins", "DixianScreening", "DixianSQLite", "DixianWorkflow",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.embedInCode("sample-check.lua")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianRecordLayoutTests",
            dependencies: [
                "DixianCore", "DixianInterchange", "DixianSQLite", "DixianPostgres", "DixianPlugins", "LuaHost", "DixianTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LuaHostTests",
            dependencies: ["LuaHost", "DixianCore", "DixianTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianSheetsTests",
            dependencies: ["DixianSheets", "DixianTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianConsoleTests",
            dependencies: ["DixianConsole", "DixianCore", "DixianPlugins", "DixianSQLite", "DixianTestSupport", "LuaHost"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianServerTests",
            dependencies: [
                "DixianServer", "DixianSQLite", "DixianPostgres", "DixianCore", "DixianPlugins", "DixianScreening", "DixianTestSupport",
                "DixianWorkflow", "DixianInterchange", "DixianSynthetic",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianCoreTests",
            dependencies: ["DixianCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianSQLiteTests",
            dependencies: ["DixianSQLite", "DixianTestSupport", .product(name: "GRDB", package: "GRDB.swift"), "DixianCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianPostgresTests",
            dependencies: ["DixianPostgres", "DixianSQLite", "DixianInterchange", "DixianSynthetic", "DixianCore", "DixianTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianInterchangeTests",
            dependencies: ["DixianInterchange", "DixianSQLite", "DixianTestSupport", "DixianCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianSyntheticTests",
            dependencies: ["DixianSynthetic", "DixianInterchange", "DixianSQLite", "DixianCore", "DixianPlugins", "DixianTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianPluginsTests",
            dependencies: ["DixianPlugins", "DixianCore", "LuaHost", "DixianTestSupport"],
            exclude: ["lua"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianScreeningTests",
            dependencies: [
                "DixianScreening", "DixianPlugins", "DixianSQLite", "DixianPostgres", "DixianCore", "DixianTestSupport", "DixianWorkflow",
                "LuaHost", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianWorkflowTests",
            dependencies: ["DixianWorkflow", "DixianScreening", "DixianPlugins", "DixianSQLite", "DixianCore", "DixianTestSupport", "LuaHost"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DixianCLITests",
            dependencies: [
                "DixianCLI", "DixianCore", "DixianTestSupport", "DixianInterchange", "DixianConsole", "DixianServer", "DixianPlugins",
                "DixianScreening", "DixianSheets", "DixianWorkflow", "DixianReports", "DixianPostgres", "DixianSQLite", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
