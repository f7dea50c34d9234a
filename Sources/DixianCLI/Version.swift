import ArgumentParser
import LuaHost

extension Dixian {
    /// `dixian version`: what is running.
    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the versions of Dixian and its Lua.")

        func run() {
            print("dixian \(DixianVersion.current) (Lua \(LuaHost.luaRelease), plugin sandbox)")
        }
    }
}
