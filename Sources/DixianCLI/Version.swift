import ArgumentParser
import LuaHost

extension Dixian {
    /// `dixian version`: what is running.
    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.versionAbstract.shown)

        func run() {
            print("dixian \(DixianVersion.current) (Lua \(LuaHost.luaRelease), plugin sandbox)")
        }
    }
}
