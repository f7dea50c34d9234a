-- luacheck's configuration (Debian: lua-check). The test suite runs
--   luacheck Sources/DixianPlugins/dixian.api Sources/LuaHost/dixian.sandbox Plugins
-- from the repository's root and expects it clean (LuaLintTests).

std = 'lua54'
max_line_length = false

-- What a plugin's code may use: exactly the globals the sandbox's prelude gives a plugin
-- environment (Sources/LuaHost/dixian.sandbox/prelude.lua), and the `dixian` table.
stds.dixian_plugin = {
  read_globals = {
    'assert', 'error', 'getmetatable', 'ipairs', 'next', 'pairs', 'pcall', 'rawequal', 'rawget',
    'rawlen', 'select', 'tonumber', 'tostring', 'type', 'xpcall', '_VERSION',
    'rawset', 'setmetatable', 'collectgarbage', 'print', 'load', 'require', '_G',
    'string', 'table', 'math', 'utf8', 'coroutine',
    os = { fields = { 'time', 'date', 'clock' } },
    'dixian',
  },
}

files['Plugins'] = {
  std = 'dixian_plugin',
  -- A check, guard or deadline is called with (h, ctx); many read only h.
  ignore = { '212/ctx' },
}
