import ArgumentParser

/// The `dixian` command: monitoring and assistance to prevent return to poverty.
@main
struct Dixian: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dixian",
        abstract: CommandHelp.dixianAbstract.shown,
        version: DixianVersion.current,
        subcommands: [
            Demo.self, Generate.self, Import.self, Export.self, Screen.self, Due.self, HouseholdCommand.self, Monitor.self,
            PlanCommand.self, VisitCommand.self, ProblemCommand.self, WarningCommand.self, Checklist.self, Report.self, Audit.self, Repl.self, Run.self, Serve.self, UserCommand.self, Copy.self, PluginCommand.self, Eval.self,
            Version.self,
        ]
    )
}

/// The release of Dixian.
enum DixianVersion {
    static let current = "0.1.0"
}
