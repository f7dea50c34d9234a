-- The Lua side of the sandbox. It runs once per state, before any plugin code, with the
-- state's private globals (which no plugin code ever sees), and returns the function that
-- makes a plugin environment. It is the one place that says what plugins may use
-- (.luacheckrc's std `dixian_plugin` lists the same globals for the linter).
local host_print = ...

local G = _G
local error, format, tostring, type, select = error, string.format, tostring, type, select
local next, pairs, ipairs, rawget, rawset, setmetatable, getmetatable = next, pairs, ipairs, rawget, rawset, setmetatable, getmetatable
local load, collectgarbage, concat = load, collectgarbage, table.concat

-- Tables shared by every environment of the state are handed out as read-only proxies.
local frozen = setmetatable({}, { __mode = 'k' })

-- Host code loaded after the prelude (the plugin API) marks its own read-only proxies here, so
-- that a plugin's rawset refuses them too. A private global: plugins never see the state's
-- globals.
function G.sandbox_mark_read_only(proxy) frozen[proxy] = true end

local function freeze(real, name)
  local proxy = {}
  frozen[proxy] = true
  return setmetatable(proxy, {
    __index = real,
    __newindex = function(_, key)
      error(format("attempt to modify read-only table '%s' (field '%s')", name, tostring(key)), 2)
    end,
    __len = function() return #real end,
    __pairs = function()
      local key
      return function()
        local value
        key, value = next(real, key)
        return key, value
      end
    end,
    __metatable = false,
  })
end

local function unavailable(name)
  return function()
    error(format("'%s' is not available in the Dixian sandbox", name), 2)
  end
end

-- Take what no plugin may reach out of the libraries themselves, so no path leads there.
local SAFE_OS = { time = true, date = true, clock = true }
for name in pairs(os) do
  if not SAFE_OS[name] then os[name] = unavailable('os.' .. name) end  -- luacheck: ignore 122
end
string.dump = unavailable('string.dump')  -- luacheck: ignore 122
G.dofile, G.loadfile, G.warn = nil, nil, nil

local LIBRARIES = {
  string = freeze(string, 'string'),
  table = freeze(table, 'table'),
  math = freeze(math, 'math'),
  utf8 = freeze(utf8, 'utf8'),
  coroutine = freeze(coroutine, 'coroutine'),
  os = freeze(os, 'os'),
}

-- String methods go through the frozen library; the string metatable is read-only too.
local string_metatable = getmetatable('')
string_metatable.__index = LIBRARIES.string
string_metatable.__metatable = freeze({ __index = LIBRARIES.string }, 'string metatable')

local SAFE_BASE = {
  'assert', 'error', 'getmetatable', 'ipairs', 'next', 'pairs', 'pcall', 'rawequal', 'rawget',
  'rawlen', 'select', 'tonumber', 'tostring', 'type', 'xpcall', '_VERSION',
}
local DENIED = { io = true, debug = true, package = true, dofile = true, loadfile = true, warn = true }
local GC_OPTIONS = { collect = true, count = true, step = true, isrunning = true }

local function guarded_rawset(t, key, value)
  if frozen[t] then error("attempt to modify a read-only table", 2) end
  return rawset(t, key, value)
end

-- Finalizers run with hooks off, out of the instruction budget's reach, so plugins get none.
-- (Lua marks an object for finalization only if __gc is present when the metatable is set.)
local function guarded_setmetatable(t, metatable)
  if type(metatable) == 'table' and rawget(metatable, '__gc') ~= nil then
    error("__gc metamethods are not available in the Dixian sandbox", 2)
  end
  return setmetatable(t, metatable)
end

local function sandboxed_collectgarbage(option, ...)
  option = option or 'collect'
  if not GC_OPTIONS[option] then
    error(format("collectgarbage('%s') is not available in the Dixian sandbox", tostring(option)), 2)
  end
  return collectgarbage(option, ...)
end

local function sandboxed_print(...)
  local n = select('#', ...)
  local parts = { ... }
  for i = 1, n do parts[i] = tostring(parts[i]) end
  host_print(concat(parts, '\t', 1, n))
end

-- Makes one plugin environment; `resolve(name)` returns a module's source and chunk name,
-- or nil and why not.
return function(resolve)
  local env = {}
  for _, name in ipairs(SAFE_BASE) do env[name] = G[name] end
  for name, library in pairs(LIBRARIES) do env[name] = library end
  env.rawset = guarded_rawset
  env.setmetatable = guarded_setmetatable
  env.collectgarbage = sandboxed_collectgarbage
  env.print = sandboxed_print
  env._G = env

  env.load = function(chunk, chunkname, _, chunkenv)
    if chunkenv == nil then chunkenv = env end
    return load(chunk, chunkname, 't', chunkenv)
  end

  local loaded, loading = {}, {}
  env.require = function(name)
    if type(name) ~= 'string' then
      error(format("bad argument #1 to 'require' (string expected, got %s)", type(name)), 2)
    end
    local value = loaded[name]
    if value ~= nil then return value end
    if loading[name] then error(format("module '%s' requires itself", name), 2) end
    local source, chunkname = resolve(name)
    if source == nil then error(chunkname, 2) end
    local chunk, problem = load(source, chunkname, 't', env)
    if chunk == nil then error(problem, 0) end
    loading[name] = true
    local ok, result = pcall(chunk, name)
    loading[name] = nil
    if not ok then error(result, 0) end
    if result == nil then result = true end
    loaded[name] = result
    return result
  end

  return setmetatable(env, {
    __index = function(_, name)
      if DENIED[name] then
        error(format("'%s' is not available in the Dixian sandbox", tostring(name)), 2)
      end
    end,
  })
end
