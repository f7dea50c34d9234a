-- What every module of the plugin API shares: where the plugin code that called the API
-- stands, raising there, the limits on what a plugin hands the host, read-only proxies, and
-- the checks of a declaration's fields.
local where_is = ...
local error, type, pairs, ipairs, next, tostring, setmetatable = error, type, pairs, ipairs, next, tostring, setmetatable
local format, concat, sort = string.format, table.concat, table.sort

local support = {}

-- The longest id (of a check, parameter, deadline...) and the longest other text (a title,
-- a finding's message, a deadline item's message) a plugin may hand the host, in bytes:
-- what it hands back is stored for every household, so a runaway string is refused.
support.MAX_ID_BYTES, support.MAX_TEXT_BYTES = 128, 4096

-- What an id (of a check, parameter, export...) is made of.
support.ID_PATTERN = '^[%w][%w%._%-]*$'

-- "plugin/file.lua:12" of the function `level` frames up, skipping the host's chunks (nil
-- past the top of the stack).
support.where_is = where_is

-- Where the plugin code that called an API function stands: "plugin/file.lua:12".
function support.caller(level)
  return where_is(level + 1) or '?'
end

-- Raises `message` (formatted with the rest) at `where`, a plugin line.
function support.fail(where, message, ...)
  error(where .. ': ' .. format(message, ...), 0)
end
local fail = support.fail

-- Raises naming the plugin line when a text the plugin hands the host is longer than `limit` bytes.
function support.bounded(where, what, field, text, limit)
  if type(text) == 'string' and #text > limit then
    fail(where, "%s: '%s' is %d bytes long; the limit is %d bytes", what, field, #text, limit)
  end
  return text
end
local bounded = support.bounded

-- The set (name -> true) of the names in `list`.
function support.set_of(list)
  local set = {}
  for _, name in ipairs(list) do set[name] = true end
  return set
end

-- Read-only tables -----------------------------------------------------------------------
-- What every check and household of a state shares (the context, parameter values, the
-- dixian table) is handed out as a proxy made once per state: reads go through to the real
-- table (one table __index hop, no function call), writes raise naming the field and the
-- plugin line. Lua has no cheaper way to refuse writes to fields that exist.

-- The sandbox's rawset refuses the tables marked here (the prelude's private global; absent in
-- a state made without the prelude).
local mark_read_only = sandbox_mark_read_only or function() end  -- luacheck: ignore 113

-- A proxy of `real`; writing field k raises format(refusal, k).
function support.guarded(real, refusal)
  local proxy = setmetatable({}, {
    __index = real,
    __newindex = function(_, key) error(format(refusal, tostring(key)), 2) end,
    __len = function() return #real end,
    -- An iterator that does not hand out `real` (next, real would).
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
  mark_read_only(proxy)
  return proxy
end
local guarded = support.guarded

local read_only_copies = setmetatable({}, { __mode = 'k' })  -- table (or its proxy) -> proxy

-- A read-only copy of `value` and of every table inside it, named `path` (`ctx.params.ages`)
-- in the error a write raises; made once per table.
local function read_only(value, path)
  if type(value) ~= 'table' then return value end
  local made = read_only_copies[value]
  if made then return made end
  local copy = {}
  local owner = path:sub(1, 4) == 'ctx.' and 'the screening context' or 'the dixian table'
  made = guarded(copy, format('%s is read-only: cannot set %s.%%s', owner, (path:gsub('%%', '%%%%'))))
  read_only_copies[value], read_only_copies[made] = made, made
  for key, inner in next, value do
    copy[key] = read_only(inner, type(key) == 'string' and (path .. '.' .. key) or format('%s[%s]', path, tostring(key)))
  end
  return made
end
support.read_only = read_only

-- Declaration fields ------------------------------------------------------------------------

-- Raises at `where` unless `spec` is a table whose every field is in the set `allowed`.
function support.check_fields(where, what, spec, allowed)
  if type(spec) ~= 'table' then fail(where, '%s needs a table, got %s', what, type(spec)) end
  for key in pairs(spec) do
    if not allowed[key] then
      local names = {}
      for name in pairs(allowed) do names[#names + 1] = name end
      sort(names)
      fail(where, "unknown field '%s' in %s (known fields: %s)", tostring(key), what, concat(names, ', '))
    end
  end
end

-- spec[field], which must be a `kind` (and, a string, at most MAX_TEXT_BYTES long).
function support.need(where, what, spec, field, kind)
  local value = spec[field]
  if type(value) ~= kind then
    fail(where, "%s needs '%s' (a %s), got %s", what, field, kind, type(value))
  end
  return bounded(where, what, field, value, support.MAX_TEXT_BYTES)
end

-- spec[field] when given, which must then be a `kind`.
function support.optional(where, what, spec, field, kind)
  local value = spec[field]
  if value ~= nil and type(value) ~= kind then
    fail(where, "%s: '%s' must be a %s, got %s", what, field, kind, type(value))
  end
  return bounded(where, what, field, value, support.MAX_TEXT_BYTES)
end

return support
