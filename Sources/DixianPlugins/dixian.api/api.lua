-- Plugin API v1: the `dixian` table plugins call to declare parameters, checks, asset checks,
-- guards, calendars, checklists, reports and specs, and the runners the host calls to screen
-- households. The host loads every module of this folder as trusted host code, a chunk named
-- by its file (so a traceback's lines are the file's), and calls this one with them, once per
-- state. Plugins only ever see the read-only `dixian` table it builds.
--
-- docs/plugin-api.md documents what plugins see; keep the two in step.
local modules, vocabulary, where_is, working_days, stop_kind, charge = ...
local type, pairs, ipairs = type, pairs, ipairs

local support = modules.support(where_is)
local date, dates = modules.date()
local documents = modules.documents(support)
local calendar = modules.calendar(date, working_days, charge)
local declarations = modules.declarations(support, dates, date, documents, vocabulary)
local contexts = modules.context(support, dates, declarations, calendar)
local views = modules.views()
local runners = modules.runners(support, dates, declarations, documents, contexts, stop_kind)

local declared, loading = declarations.declared, declarations.loading

local host = {}
for name, runner in pairs(runners) do host[name] = runner end

--- Makes the metatable of a view's tables (see views.lua).
host.view_metatable = views.metatable

--- The empty list every view shares.
host.empty_list = views.empty_list

--- Sets the names of area codes ctx.place gives.
host.set_places = contexts.set_places

local public_api  -- the read-only dixian table plugins see, made at the first install (the API is complete then)

--- Gives a plugin environment the `dixian` table; `plugin` names the plugin being loaded.
function host.install(env, plugin)
  loading.plugin = plugin
  public_api = public_api or support.read_only(declarations.api, 'dixian')
  env.dixian = public_api
end

--- What the loaded plugins declared, without their functions. Called once, when every
--- file is loaded: it ends loading, and from then on a declaration raises.
function host.describe()
  loading.open = false
  local out = {}
  for kind, list in pairs(declared) do
    local copy = {}
    for i, entry in ipairs(list) do
      local fields = {}
      for key, value in pairs(entry) do
        if type(value) ~= 'function' and kind ~= 'specs' then fields[key] = value end
      end
      if kind == 'specs' then fields = { name = entry.name, where = entry.where, plugin = entry.plugin } end
      copy[i] = fields
    end
    out[kind] = copy
  end
  return out
end

--- Its argument (the host copies a view pushed through it).
function host.echo(value)
  return value
end

return host
