import CLua

/// Facts about the embedded Lua.
public enum LuaHost {
    /// The Lua release the host was built against, such as `5.4.4`.
    public static let luaRelease = "\(LUA_VERSION_MAJOR).\(LUA_VERSION_MINOR).\(LUA_VERSION_RELEASE)"
}
