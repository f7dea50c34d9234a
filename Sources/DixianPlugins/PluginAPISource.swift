/// The Lua side of plugin API v1: the `dixian` table plugins call to declare parameters,
/// checks, asset checks, guards, calendars, checklists, reports and specs, and the runners the
/// host calls to screen households. It runs once per state as trusted host code (it reads
/// `debug.getinfo` to locate definitions); plugins only ever see the `dixian` table it builds.
///
/// docs/plugin-api.md documents what plugins see; keep the two in step.
enum PluginAPISource {
    /// The chunk name of the API's own code.
    static let chunkName = "=dixian.api"

    static let source = #"""
    local RISK_TYPES, SEVERITIES, TRANSITIONS, ASSET_CLASSES, where_is, stop_kind = ...
    local error, type, pairs, ipairs, next, tostring, pcall, select, setmetatable, rawget =
      error, type, pairs, ipairs, next, tostring, pcall, select, setmetatable, rawget
    local format, concat, sort, floor, find, match = string.format, table.concat, table.sort, math.floor, string.find, string.match

    local API_VERSION = 1

    -- The longest id (of a check, parameter, deadline...) and the longest other text (a title,
    -- a finding's message, a deadline item's message) a plugin may hand the host, in bytes:
    -- what it hands back is stored for every household, so a runaway string is refused.
    local MAX_ID_BYTES, MAX_TEXT_BYTES = 128, 4096

    -- Everything declared so far, in declaration order.
    local declared = {
      parameters = {}, checks = {}, asset_checks = {}, guards = {}, calendars = {},
      deadlines = {}, duties = {}, checklists = {}, reports = {}, specs = {},
    }
    local current_plugin = '?'
    -- Declarations are only possible while the plugins load (host.describe ends it): one made
    -- later, from a check's run say, would not be in the lists the host read.
    local loading = true

    -- Where the plugin code that called an API function stands: "plugin/file.lua:12".
    local function caller(level)
      return where_is(level + 1) or '?'
    end

    local function fail(where, message, ...)
      error(where .. ': ' .. format(message, ...), 0)
    end

    -- Raises naming the plugin line when `what` (dixian.check, ...) is called after loading.
    local function while_loading(where, what)
      if not loading then
        fail(where, '%s: declarations are only possible while the plugin loads, not from a check, guard, deadline, checklist row or report', what)
      end
    end

    -- Raises naming the plugin line when a text the plugin hands the host is longer than `limit` bytes.
    local function bounded(where, what, field, text, limit)
      if type(text) == 'string' and #text > limit then
        fail(where, "%s: '%s' is %d bytes long; the limit is %d bytes", what, field, #text, limit)
      end
      return text
    end

    local function set_of(list)
      local set = {}
      for _, name in ipairs(list) do set[name] = true end
      return set
    end
    local RISK, SEVERITY, TRANSITION, ASSET_CLASS =
      set_of(RISK_TYPES), set_of(SEVERITIES), set_of(TRANSITIONS), set_of(ASSET_CLASSES)

    -- Read-only tables ---------------------------------------------------------------------
    -- What every check and household of a state shares (the context, parameter values, the
    -- dixian table) is handed out as a proxy made once per state: reads go through to the real
    -- table (one table __index hop, no function call), writes raise naming the field and the
    -- plugin line. Lua has no cheaper way to refuse writes to fields that exist.

    -- A proxy of `real`; writing field k raises format(refusal, k).
    local function guarded(real, refusal)
      return setmetatable({}, {
        __index = real,
        __newindex = function(_, key) error(format(refusal, tostring(key)), 2) end,
        __len = function() return #real end,
        __pairs = function() return next, real, nil end,
        __metatable = false,
      })
    end

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

    -- Dates ----------------------------------------------------------------------------------

    local function is_leap(y) return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) end
    local MONTH_DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

    -- Parses YYYY-MM-DD with byte arithmetic (no pattern: this runs for every date a check compares).
    local byte = string.byte
    local function is_digit(b) return b >= 48 and b <= 57 end
    local function parse_date(text)
      if type(text) ~= 'string' or #text ~= 10 then return nil end
      local y1, y2, y3, y4, dash1, m1, m2, dash2, d1, d2 = byte(text, 1, 10)
      if dash1 ~= 45 or dash2 ~= 45 then return nil end
      if not (is_digit(y1) and is_digit(y2) and is_digit(y3) and is_digit(y4) and is_digit(m1) and is_digit(m2)
          and is_digit(d1) and is_digit(d2)) then
        return nil
      end
      local y = (y1 - 48) * 1000 + (y2 - 48) * 100 + (y3 - 48) * 10 + (y4 - 48)
      local m, d = (m1 - 48) * 10 + (m2 - 48), (d1 - 48) * 10 + (d2 - 48)
      if m < 1 or m > 12 or d < 1 then return nil end
      local last = MONTH_DAYS[m] + ((m == 2 and is_leap(y)) and 1 or 0)
      if d > last then return nil end
      return y, m, d
    end

    -- Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    local function day_number(y, m, d)
      if m <= 2 then y = y - 1 end
      local era = floor(y / 400)
      local yoe = y - era * 400
      local mp = (m + 9) % 12
      local doy = floor((153 * mp + 2) / 5) + d - 1
      local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
      return era * 146097 + doe - 719468
    end

    local function from_day_number(z)
      z = z + 719468
      local era = floor(z / 146097)
      local doe = z - era * 146097
      local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
      local y = yoe + era * 400
      local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
      local mp = floor((5 * doy + 2) / 153)
      local d = doy - floor((153 * mp + 2) / 5) + 1
      local m = mp < 10 and mp + 3 or mp - 9
      if m <= 2 then y = y + 1 end
      return format('%04d-%02d-%02d', y, m, d)
    end

    local function checked_date(text, what, level)
      local y, m, d = parse_date(text)
      if not y then
        error(format('%s must be a date written YYYY-MM-DD, got %s', what,
          type(text) == 'string' and ("'" .. text .. "'") or type(text)), level + 1)
      end
      return y, m, d
    end

    local date = {}
    --- dixian.date.valid(text): true when text is a real date written YYYY-MM-DD.
    function date.valid(text) return parse_date(text) ~= nil end
    --- dixian.date.days_between(a, b): days from date a to date b (negative when b is earlier).
    function date.days_between(a, b)
      return day_number(checked_date(b, 'the second date', 2)) - day_number(checked_date(a, 'the first date', 2))
    end
    --- dixian.date.add_days(d, n): the date n days after d.
    function date.add_days(d, n)
      return from_day_number(day_number(checked_date(d, 'the date', 2)) + n)
    end
    --- dixian.date.add_months(d, n): the same day n months later (clamped to the month's end).
    function date.add_months(d, n)
      local y, m, day = checked_date(d, 'the date', 2)
      local index = y * 12 + (m - 1) + n
      y, m = floor(index / 12), index % 12 + 1
      local last = MONTH_DAYS[m] + ((m == 2 and is_leap(y)) and 1 or 0)
      return format('%04d-%02d-%02d', y, m, day < last and day or last)
    end
    --- dixian.date.parts(d): year, month, day as numbers.
    function date.parts(d) return checked_date(d, 'the date', 2) end
    --- dixian.date.weekday(d): 1 for Monday to 7 for Sunday.
    function date.weekday(d)
      return (day_number(checked_date(d, 'the date', 2)) + 3) % 7 + 1
    end

    -- Declarations ---------------------------------------------------------------------------

    local function check_fields(where, what, spec, allowed)
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

    local function need(where, what, spec, field, kind)
      local value = spec[field]
      if type(value) ~= kind then
        fail(where, "%s needs '%s' (a %s), got %s", what, field, kind, type(value))
      end
      return bounded(where, what, field, value, MAX_TEXT_BYTES)
    end

    local function optional(where, what, spec, field, kind)
      local value = spec[field]
      if value ~= nil and type(value) ~= kind then
        fail(where, "%s: '%s' must be a %s, got %s", what, field, kind, type(value))
      end
      return bounded(where, what, field, value, MAX_TEXT_BYTES)
    end

    local ID_PATTERN = '^[%w][%w%._%-]*$'

    -- Adds or replaces an entry of a declared list, keyed by `id`.
    local function declare(list, kind, id, entry, override, where)
      if type(id) ~= 'string' or not id:match(ID_PATTERN) then
        fail(where, "%s id must be letters, digits, '.', '_' or '-', got %s", kind, tostring(id))
      end
      if #id > MAX_ID_BYTES then fail(where, '%s id is %d bytes long; the limit is %d bytes', kind, #id, MAX_ID_BYTES) end
      entry.id, entry.where, entry.plugin = id, where, current_plugin
      for index, existing in ipairs(list) do
        if existing.id == id then
          if not override then
            fail(where, "%s '%s' is already declared at %s; set override = true to replace it",
              kind, id, existing.where)
          end
          list[index] = entry
          return entry
        end
      end
      if override then fail(where, "%s '%s' overrides nothing: no plugin declared it before", kind, id) end
      list[#list + 1] = entry
      return entry
    end

    local function risk_list(where, what, list)
      if list == nil then return {} end
      if type(list) ~= 'table' then fail(where, '%s: risk_types must be a list, got %s', what, type(list)) end
      local copy = {}
      for i, name in ipairs(list) do
        if not RISK[name] then
          fail(where, "%s: unknown risk type '%s' (known: %s)", what, tostring(name), concat(RISK_TYPES, ', '))
        end
        copy[i] = name
      end
      return copy
    end

    local function severity_of(where, what, value)
      if value == nil then return 'medium' end
      if not SEVERITY[value] then
        fail(where, "%s: severity must be one of %s, got %s", what, concat(SEVERITIES, ', '), tostring(value))
      end
      return value
    end

    local api = { api = API_VERSION, date = date }

    local PARAMETER_FIELDS = set_of { 'title', 'unit', 'values', 'value', 'source', 'note', 'override' }

    --- dixian.parameter(name, { title, unit, values = { { from = date, value = v }, ... } | value, source, note, override })
    function api.parameter(name, spec)
      local where = caller(2)
      while_loading(where, 'dixian.parameter')
      local what = format("parameter '%s'", tostring(name))
      check_fields(where, what, spec, PARAMETER_FIELDS)
      local values = {}
      if spec.values ~= nil and spec.value ~= nil then fail(where, "%s: give 'values' or 'value', not both", what) end
      if spec.value ~= nil then
        values[1] = { from = '0001-01-01', value = spec.value }
      else
        if type(spec.values) ~= 'table' or #spec.values == 0 then
          fail(where, "%s needs 'values', a list of { from = 'YYYY-MM-DD', value = ... }", what)
        end
        for i, entry in ipairs(spec.values) do
          if type(entry) ~= 'table' then fail(where, '%s: values[%d] must be a table', what, i) end
          for key in pairs(entry) do
            if key ~= 'from' and key ~= 'value' and key ~= 'source' and key ~= 'unset' then
              fail(where, "%s: unknown field '%s' in values[%d] (known fields: from, source, unset, value)", what, tostring(key), i)
            end
          end
          if not parse_date(entry.from) then
            fail(where, "%s: values[%d].from must be a date written YYYY-MM-DD, got %s", what, i, tostring(entry.from))
          end
          if (entry.value == nil) == (entry.unset == nil) then
            fail(where, "%s: values[%d] needs a value, or unset = 'why there is none'", what, i)
          end
          if entry.unset ~= nil and type(entry.unset) ~= 'string' then
            fail(where, "%s: values[%d].unset must say why there is no value (a string)", what, i)
          end
          if i > 1 and entry.from <= values[i - 1].from then
            fail(where, '%s: values must be in date order (values[%d] starts %s, not after %s)', what, i, entry.from, values[i - 1].from)
          end
          values[i] = { from = entry.from, value = entry.value, source = entry.source, unset = entry.unset }
        end
      end
      declare(declared.parameters, 'parameter', name, {
        title = optional(where, what, spec, 'title', 'string') or name,
        unit = optional(where, what, spec, 'unit', 'string'),
        source = optional(where, what, spec, 'source', 'string'),
        note = optional(where, what, spec, 'note', 'string'),
        values = values,
      }, spec.override, where)
    end

    local function parameter_value(name, on, level)
      for _, parameter in ipairs(declared.parameters) do
        if parameter.id == name then
          local chosen
          for _, entry in ipairs(parameter.values) do
            if entry.from <= on then chosen = entry else break end
          end
          if chosen == nil then
            error(format("parameter '%s' has no value in force on %s (its first value starts %s)",
              name, on, parameter.values[1].from), level + 1)
          end
          if chosen.unset then
            error(format("parameter '%s' is not set for %s: %s", name, on, chosen.unset), level + 1)
          end
          return read_only(chosen.value, 'ctx.params.' .. name)
        end
      end
      error(format("unknown parameter '%s'", tostring(name)), level + 1)
    end

    local CHECK_FIELDS = set_of { 'id', 'title', 'risk_types', 'severity', 'group', 'source', 'description', 'run', 'override' }

    -- Called by api.check and api.asset_check: the plugin's line is two frames up.
    local function declare_check(list, kind, spec)
      local where = caller(3)
      while_loading(where, 'dixian.' .. (kind == 'check' and 'check' or 'asset_check'))
      local what = format("%s '%s'", kind, type(spec) == 'table' and tostring(spec.id) or '?')
      check_fields(where, what, spec, CHECK_FIELDS)
      declare(list, kind, spec.id, {
        title = need(where, what, spec, 'title', 'string'),
        run = need(where, what, spec, 'run', 'function'),
        risk_types = risk_list(where, what, spec.risk_types),
        severity = severity_of(where, what, spec.severity),
        group = optional(where, what, spec, 'group', 'string'),
        source = optional(where, what, spec, 'source', 'string'),
        description = optional(where, what, spec, 'description', 'string'),
      }, spec.override, where)
    end

    --- dixian.check { id, title, run = function(h, ctx), risk_types, severity, group, source, description, override }
    function api.check(spec) declare_check(declared.checks, 'check', spec) end

    --- dixian.asset_check { id, title, run = function(asset, ctx), severity, group, source, description, override }
    function api.asset_check(spec) declare_check(declared.asset_checks, 'asset check', spec) end

    local function remove(list, kind, id, where)
      while_loading(where, 'dixian.remove_' .. (kind == 'check' and 'check' or 'asset_check'))
      for index, existing in ipairs(list) do
        if existing.id == id then table.remove(list, index) return end
      end
      fail(where, "cannot remove %s '%s': no plugin declared it", kind, tostring(id))
    end

    --- dixian.remove_check(id): drops a check an extended plugin declared.
    function api.remove_check(id) remove(declared.checks, 'check', id, caller(2)) end

    --- dixian.remove_asset_check(id)
    function api.remove_asset_check(id) remove(declared.asset_checks, 'asset check', id, caller(2)) end

    local GUARD_FIELDS = set_of { 'id', 'title', 'transition', 'run', 'source', 'description', 'override' }

    --- dixian.guard { id, title, transition, run = function(h, ctx) -> nil | reason | { reasons }, source, override }
    function api.guard(spec)
      local where = caller(2)
      while_loading(where, 'dixian.guard')
      local what = format("guard '%s'", type(spec) == 'table' and tostring(spec.id) or '?')
      check_fields(where, what, spec, GUARD_FIELDS)
      local transition = need(where, what, spec, 'transition', 'string')
      if not TRANSITION[transition] then
        fail(where, "%s: unknown transition '%s' (known: %s)", what, transition, concat(TRANSITIONS, ', '))
      end
      declare(declared.guards, 'guard', spec.id, {
        title = need(where, what, spec, 'title', 'string'),
        transition = transition,
        run = need(where, what, spec, 'run', 'function'),
        source = optional(where, what, spec, 'source', 'string'),
        description = optional(where, what, spec, 'description', 'string'),
      }, spec.override, where)
    end

    local CALENDAR_FIELDS = set_of { 'id', 'title', 'holidays', 'workdays', 'source', 'override' }

    local function date_list(where, what, field, list)
      if list == nil then return {} end
      if type(list) ~= 'table' then fail(where, '%s: %s must be a list of dates', what, field) end
      local copy = {}
      for i, day in ipairs(list) do
        if not parse_date(day) then
          fail(where, "%s: %s[%d] must be a date written YYYY-MM-DD, got %s", what, field, i, tostring(day))
        end
        copy[i] = day
      end
      return copy
    end

    --- dixian.calendar { id, title, holidays = { dates off }, workdays = { weekend dates worked }, source, override }
    function api.calendar(spec)
      local where = caller(2)
      while_loading(where, 'dixian.calendar')
      local what = format("calendar '%s'", type(spec) == 'table' and tostring(spec.id) or '?')
      check_fields(where, what, spec, CALENDAR_FIELDS)
      declare(declared.calendars, 'calendar', spec.id, {
        title = need(where, what, spec, 'title', 'string'),
        holidays = date_list(where, what, 'holidays', spec.holidays),
        workdays = date_list(where, what, 'workdays', spec.workdays),
        source = optional(where, what, spec, 'source', 'string'),
      }, spec.override, where)
    end

    local DEADLINE_FIELDS = set_of { 'id', 'title', 'responsible', 'run', 'source', 'description', 'override' }

    --- dixian.deadline { id, title, responsible, run = function(h, ctx) -> nil | item | { items }, source, override }
    --- An item is { due_on = date, message = text, person = name?, responsible = unit? }: work
    --- still to be done for household h, due on due_on.
    function api.deadline(spec)
      local where = caller(2)
      while_loading(where, 'dixian.deadline')
      local what = format("deadline '%s'", type(spec) == 'table' and tostring(spec.id) or '?')
      check_fields(where, what, spec, DEADLINE_FIELDS)
      declare(declared.deadlines, 'deadline', spec.id, {
        title = need(where, what, spec, 'title', 'string'),
        responsible = need(where, what, spec, 'responsible', 'string'),
        run = need(where, what, spec, 'run', 'function'),
        source = optional(where, what, spec, 'source', 'string'),
        description = optional(where, what, spec, 'description', 'string'),
      }, spec.override, where)
    end

    local DUTY_FIELDS = set_of { 'id', 'title', 'responsible', 'day', 'source', 'override' }

    --- dixian.duty { id, title, responsible, day = 1..31, source, override }: a monthly duty
    --- of a unit, due on `day` of every month (the month's last day when it is shorter).
    function api.duty(spec)
      local where = caller(2)
      while_loading(where, 'dixian.duty')
      local what = format("duty '%s'", type(spec) == 'table' and tostring(spec.id) or '?')
      check_fields(where, what, spec, DUTY_FIELDS)
      local day = need(where, what, spec, 'day', 'number')
      if day ~= floor(day) or day < 1 or day > 31 then fail(where, '%s: day must be a day of the month, 1 to 31, got %s', what, tostring(day)) end
      declare(declared.duties, 'duty', spec.id, {
        title = need(where, what, spec, 'title', 'string'),
        responsible = need(where, what, spec, 'responsible', 'string'),
        day = day,
        source = optional(where, what, spec, 'source', 'string'),
      }, spec.override, where)
    end

    local CHECKLIST_FIELDS = set_of { 'id', 'title', 'columns', 'row', 'source', 'override' }
    local COLUMN_FIELDS = set_of { 'key', 'title', 'group', 'width' }

    -- A checked copy of a list of columns { key, title, group = 'upper' or { 'outer', 'inner' },
    -- width }: each with its upper headers as the list `groups`. Raises at `level`.
    local function read_columns(columns, what, level)
      if type(columns) ~= 'table' or #columns == 0 then
        error(format('%s needs columns, a list of { key, title }', what), level + 1)
      end
      local copy, keys = {}, {}
      for i, column in ipairs(columns) do
        local this = format('%s column %d', what, i)
        if type(column) ~= 'table' then error(format('%s is a %s, not a table { key, title }', this, type(column)), level + 1) end
        for field in pairs(column) do
          if not COLUMN_FIELDS[field] then error(format("%s has unknown field '%s'", this, tostring(field)), level + 1) end
        end
        if type(column.key) ~= 'string' then error(format('%s needs key, a string', this), level + 1) end
        if keys[column.key] then error(format("%s: column key '%s' appears twice", what, column.key), level + 1) end
        keys[column.key] = true
        if type(column.title) ~= 'string' then error(format('%s needs title, a string', this), level + 1) end
        local groups = column.group
        if type(groups) == 'string' then groups = { groups } end
        if groups ~= nil and type(groups) ~= 'table' then
          error(format('%s: group must be a string or a list of strings', this), level + 1)
        end
        local list = {}
        for g, name in ipairs(groups or {}) do
          if type(name) ~= 'string' then error(format('%s: group %d is not a string', this, g), level + 1) end
          list[g] = name
        end
        if column.width ~= nil and (type(column.width) ~= 'number' or column.width <= 0) then
          error(format('%s: width must be a positive number', this), level + 1)
        end
        copy[i] = { key = column.key, title = column.title, groups = list, width = column.width }
      end
      return copy
    end

    --- dixian.checklist { id, title, columns = { { key, title, group, width } }, row = function(h, ctx) -> { key = value }, source, override }
    function api.checklist(spec)
      local where = caller(2)
      while_loading(where, 'dixian.checklist')
      local what = format("checklist '%s'", type(spec) == 'table' and tostring(spec.id) or '?')
      check_fields(where, what, spec, CHECKLIST_FIELDS)
      local ok, columns = pcall(read_columns, spec.columns, what, 1)
      if not ok then fail(where, '%s', columns) end
      declare(declared.checklists, 'checklist', spec.id, {
        title = need(where, what, spec, 'title', 'string'),
        columns = columns,
        row = need(where, what, spec, 'row', 'function'),
        source = optional(where, what, spec, 'source', 'string'),
      }, spec.override, where)
    end

    local REPORT_FIELDS = set_of { 'id', 'title', 'render', 'source', 'description', 'needs', 'override' }
    local REPORT_NEEDS = set_of { 'due' }

    --- dixian.report { id, title, render = function(data, ctx) -> document, source, description, needs, override }
    function api.report(spec)
      local where = caller(2)
      while_loading(where, 'dixian.report')
      local what = format("report '%s'", type(spec) == 'table' and tostring(spec.id) or '?')
      check_fields(where, what, spec, REPORT_FIELDS)
      local needs = optional(where, what, spec, 'needs', 'table') or {}
      for _, need_name in ipairs(needs) do
        if not REPORT_NEEDS[need_name] then fail(where, "%s: needs '%s' is not something a report can ask for (due)", what, tostring(need_name)) end
      end
      declare(declared.reports, 'report', spec.id, {
        title = need(where, what, spec, 'title', 'string'),
        render = need(where, what, spec, 'render', 'function'),
        source = optional(where, what, spec, 'source', 'string'),
        description = optional(where, what, spec, 'description', 'string'),
        needs = needs,
      }, spec.override, where)
    end

    -- Reads a document a report's render function returned into plain tables the host reads:
    -- { title, blocks = { { heading = } | { text = } | { table = { title, columns, rows } } } }.
    -- A malformed document raises naming the render function's line and the part at fault.
    local CELL_TYPES = set_of { 'string', 'number', 'boolean' }
    local SECTION_FIELDS = set_of { 'heading', 'text', 'table', 'tables' }
    local TABLE_FIELDS = set_of { 'title', 'columns', 'rows' }
    local function read_document(report, document)
      local function bad(message, ...)
        error(format("%s: report '%s' returned a malformed document: ", report.where, report.id) .. format(message, ...), 0)
      end
      if type(document) ~= 'table' then bad('expected a table of sections, got %s', type(document)) end
      local blocks = {}
      local function add_table(t, path)
        if type(t) ~= 'table' then bad('%s is a %s, not a table { columns, rows }', path, type(t)) end
        for field in pairs(t) do
          if not TABLE_FIELDS[field] then bad("%s has unknown field '%s' (title, columns, rows)", path, tostring(field)) end
        end
        if t.title ~= nil and type(t.title) ~= 'string' then bad('%s: title must be a string', path) end
        local ok, columns = pcall(read_columns, t.columns, path, 1)
        if not ok then bad('%s', columns) end
        if type(t.rows) ~= 'table' then bad('%s needs rows, a list of rows', path) end
        local rows = {}
        for r, row in ipairs(t.rows) do
          if type(row) ~= 'table' then bad('%s row %d is a %s, not a table', path, r, type(row)) end
          local cells = {}
          for c, column in ipairs(columns) do
            local value = row[column.key]
            if value == nil then value = row[c] end
            if value ~= nil and not CELL_TYPES[type(value)] then
              bad("%s row %d column '%s' is a %s; a cell is a string, number or boolean", path, r, column.key, type(value))
            end
            if value == nil then value = '' end
            cells[c] = value
          end
          rows[r] = cells
        end
        blocks[#blocks + 1] = { table = { title = t.title, columns = columns, rows = rows } }
      end
      for s, section in ipairs(document) do
        local path = format('section %d', s)
        if type(section) ~= 'table' then bad('%s is a %s, not a table { heading, text, table }', path, type(section)) end
        for field in pairs(section) do
          if not SECTION_FIELDS[field] then bad("%s has unknown field '%s' (heading, text, table, tables)", path, tostring(field)) end
        end
        if section.heading ~= nil then
          if type(section.heading) ~= 'string' then bad('%s: heading must be a string', path) end
          blocks[#blocks + 1] = { heading = section.heading }
        end
        local text = section.text
        if type(text) == 'string' then text = { text } end
        if text ~= nil then
          if type(text) ~= 'table' then bad('%s: text must be a string or a list of strings', path) end
          for p, paragraph in ipairs(text) do
            if type(paragraph) ~= 'string' then bad('%s: paragraph %d is a %s, not a string', path, p, type(paragraph)) end
            blocks[#blocks + 1] = { text = paragraph }
          end
        end
        if section.table ~= nil then add_table(section.table, path .. ' table') end
        if section.tables ~= nil then
          if type(section.tables) ~= 'table' then bad('%s: tables must be a list of tables', path) end
          for t, each in ipairs(section.tables) do add_table(each, format('%s table %d', path, t)) end
        end
      end
      if document.title ~= nil and type(document.title) ~= 'string' then bad('title must be a string') end
      return { title = document.title or report.title, blocks = blocks }
    end

    local exports = {}

    --- dixian.export(name, value): shares helpers with the plugins loaded after this one (those
    --- that extend it), which get them with dixian.import(name).
    function api.export(name, value)
      local where = caller(2)
      while_loading(where, 'dixian.export')
      if type(name) ~= 'string' or not name:match(ID_PATTERN) then fail(where, 'export needs a name, got %s', tostring(name)) end
      if value == nil then fail(where, "export '%s' needs a value", name) end
      if exports[name] ~= nil then fail(where, "export '%s' is already declared at %s", name, exports[name].where) end
      exports[name] = { value = value, where = where }
    end

    --- dixian.import(name): what a plugin loaded earlier exported under name.
    function api.import(name)
      local export = exports[name]
      if export == nil then
        local names = {}
        for known in pairs(exports) do names[#names + 1] = known end
        sort(names)
        error(format("nothing is exported as '%s' (exports: %s)", tostring(name), #names > 0 and concat(names, ', ') or 'none'), 2)
      end
      return export.value
    end

    local SPEC_FIELDS = set_of { 'as_of', 'household', 'findings', 'includes', 'excludes', 'guard', 'refused', 'reasons', 'calendar', 'checklist', 'asset', 'due' }

    --- dixian.spec(name, { as_of, household, findings | includes | excludes | due, guard, refused, reasons })
    function api.spec(name, spec)
      local where = caller(2)
      while_loading(where, 'dixian.spec')
      local what = format("spec '%s'", tostring(name))
      if type(name) ~= 'string' then fail(where, 'a spec needs a name (a string)') end
      check_fields(where, what, spec, SPEC_FIELDS)
      checked_date(spec.as_of, what .. ': as_of', 2)
      if spec.calendar == nil and spec.asset == nil then need(where, what, spec, 'household', 'table') end
      if spec.asset ~= nil and spec.household ~= nil then fail(where, '%s: give a household or an asset, not both', what) end
      if spec.guard ~= nil and not TRANSITION[spec.guard] then
        fail(where, "%s: unknown transition '%s'", what, tostring(spec.guard))
      end
      local spec_entry = { name = name, where = where, plugin = current_plugin }
      for key, value in pairs(spec) do spec_entry[key] = value end
      declared.specs[#declared.specs + 1] = spec_entry
    end

    -- Working days: weekdays, less a calendar's holidays, plus its adjusted working days. A date
    -- beyond the years the calendar lists raises: its holidays are not known.
    local working_calendars = {}
    local function working_calendar(id, level)
      local cached = working_calendars[id]
      if cached then return cached end
      for _, calendar in ipairs(declared.calendars) do
        if calendar.id == id then
          local off, on, first, last = {}, {}, nil, nil
          local function cover(day)
            local y = parse_date(day)
            if first == nil or y < first then first = y end
            if last == nil or y > last then last = y end
          end
          for _, day in ipairs(calendar.holidays) do off[day] = true cover(day) end
          for _, day in ipairs(calendar.workdays) do on[day] = true cover(day) end
          cached = { off = off, on = on, first = first, last = last, id = id }
          working_calendars[id] = cached
          return cached
        end
      end
      error(format("no calendar '%s' is declared", tostring(id)), level + 1)
    end

    local function add_working_days(d, n, calendar_id, level)
      local calendar = working_calendar(calendar_id, level + 1)
      if type(n) ~= 'number' or n < 0 or n ~= floor(n) then
        error(format('the number of working days must be a whole number, at least 0, got %s', tostring(n)), level + 1)
      end
      local day = day_number(checked_date(d, 'the date', level + 1))
      local left = n
      while left > 0 do
        day = day + 1
        local text = from_day_number(day)
        local y = parse_date(text)
        if calendar.first == nil or y < calendar.first or y > calendar.last then
          error(format("calendar '%s' lists holidays for %s only; working days in %d are not known",
            calendar.id, calendar.first and format('%d-%d', calendar.first, calendar.last) or 'no year', y), level + 1)
        end
        local weekday = (day + 3) % 7 + 1
        if calendar.on[text] or (weekday <= 5 and not calendar.off[text]) then left = left - 1 end
      end
      return from_day_number(day)
    end

    --- dixian.date.add_working_days(d, n, calendar): the date n working days after d in
    --- calendar `calendar` (its id; 'cn' when not given).
    function date.add_working_days(d, n, calendar)
      return add_working_days(d, n, calendar or 'cn', 2)
    end

    -- The context a check reads: the assessment date and the parameters in force on it.
    local context
    local check_findings  -- defined with the runners below
    local places = {}     -- names of area codes, set by the host (host.set_places)

    local function make_context(as_of)
      local y, m, d = parse_date(as_of)
      local params = {}
      for _, parameter in ipairs(declared.parameters) do
        local chosen
        for _, entry in ipairs(parameter.values) do
          if entry.from <= as_of then chosen = entry else break end
        end
        if chosen ~= nil and chosen.unset == nil then
          params[parameter.id] = read_only(chosen.value, 'ctx.params.' .. parameter.id)
        end
      end
      -- A parameter without a value on the date raises, naming why (never a silent nil).
      local missing = {
        __index = function(_, name)
          local value = parameter_value(name, as_of, 2)  -- not a tail call: level 2 must be this frame
          return value
        end,
      }
      local ctx
      ctx = guarded({
        as_of = as_of, year = y, month = m, day = d,
        -- What the plugin's household checks find on h: a list of { check, title, group,
        -- message, severity, risk_types } (for checklists that show the checks' findings).
        findings = function(h) return check_findings(h, ctx) end,
        -- The name of an area code (a township's, from the plugin's geography), or the code.
        place = function(code) return places[code] or code end,
        -- The date n working days after d, in the calendar of parameter working_calendar ('cn' without it).
        add_working_days = function(day, n)
          local calendar = rawget(params, 'working_calendar') or 'cn'
          local result = add_working_days(day, n, calendar, 2)
          return result
        end,
        params = guarded(setmetatable(params, missing), 'the screening context is read-only: cannot set ctx.params.%s'),
        param = function(name, on)
          if on == nil then on = as_of end
          checked_date(on, 'the date', 2)
          local value = parameter_value(name, on, 2)  -- not a tail call: level 2 must be this frame
          return value
        end,
      }, 'the screening context is read-only: cannot set ctx.%s')
      return ctx
    end

    -- Runners the host calls --------------------------------------------------------------------

    local host = {}

    --- The metatable of household and member views: a check may not add fields to them (a
    --- field left behind would be seen by the next check or household).
    host.view_metatable = {
      __newindex = function(_, key)
        error(format("the household view is read-only: cannot add field '%s'", tostring(key)), 2)
      end,
      __metatable = false,
    }

    --- The metatable of the view's `what` tables ('household', 'member', 'income', 'survey')
    --- when they are filled without the fields named in `missing` (a set): reading one of those
    --- raises an error naming it, never a silent nil, and so does `pairs`, which would skip them.
    function host.view_metatable_without(what, missing)
      return {
        __newindex = host.view_metatable.__newindex,
        __index = function(_, key)
          if missing[key] then
            error(format("%s field '%s' is not in this view: views hold only the fields the plugin's scripts name, and none names '%s' (docs/plugin-api.md, \"Fields a plugin reads\")", what, key, key), 2)
          end
        end,
        __pairs = function()
          error(format("pairs over a %s of the view: it holds only the fields the plugin's scripts name; read fields by name (docs/plugin-api.md, \"Fields a plugin reads\")", what), 3)  -- 3: past pairs, at the script
        end,
        __metatable = false,
      }
    end

    --- The empty list every view shares for episodes, plans, visits and monthly incomes it lacks.
    host.empty_list = setmetatable({}, {
      __newindex = function() error('the household view is read-only: cannot add to an empty list', 2) end,
      __metatable = false,
    })

    --- Gives a plugin environment the `dixian` table; `plugin` names the plugin being loaded.
    local public_api  -- the read-only dixian table plugins see, made at the first install (the API is complete then)

    function host.install(env, plugin)
      current_plugin = plugin
      public_api = public_api or read_only(api, 'dixian')
      env.dixian = public_api
    end

    --- What the loaded plugins declared, without their functions. Called once, when every
    --- file is loaded: it ends loading, and from then on a declaration raises (while_loading).
    function host.describe()
      loading = false
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

    --- Sets the names of area codes ctx.place gives.
    function host.set_places(names)
      places = names
    end

    --- Sets the assessment date for the runs that follow.
    function host.prepare(as_of)
      checked_date(as_of, 'the assessment date', 2)
      context = make_context(as_of)
    end

    local FINDING_FIELDS = set_of { 'message', 'severity', 'risk_types' }

    -- Errors the runners catch ----------------------------------------------------------------

    -- Whether an error a runner caught is a resource limit's stop (the memory cap, Lua's stack
    -- or C stack, the pattern guard, the instruction budget) rather than the plugin's own error.
    -- A runner raises such a stop on to the host, which runs each check (or deadline) alone and
    -- switches off the one that overran for the rest of the run, instead of paying for it on
    -- every household. The sandbox tells (stop_kind), not the words of the message.
    local function is_resource_stop(problem)
      return stop_kind(problem) ~= nil
    end

    -- "plugin/file.lua:12" of the innermost plugin frame of the error being handled, called from
    -- a runner's message handler: past the handler, C functions (error, coroutine.yield) and the
    -- host's own chunks.
    local function raise_site()
      for level = 3, 60 do
        local site = where_is(level)
        if site == nil then return nil end
        local source = match(site, '^(.*):%d+$')  -- C functions are at line -1
        if source and source ~= 'dixian.api' and source ~= 'dixian.sandbox' then return site end
      end
      return nil
    end

    -- Where the last error object a runner caught that was not a string was raised.
    local raised_at

    -- The message handler of the runners' protected calls: a message without a location (a
    -- stray coroutine.yield's, error('...', 0)) gets the plugin line that raised it, and so
    -- does an error object that is not a string (in raised_at; the runner words the message).
    local function locate_error(problem)
      if type(problem) == 'string' then
        if match(problem, '^[^%s:]+:%d+:') or is_resource_stop(problem) then return problem end
        local site = raise_site()
        return site and (site .. ': ' .. problem) or problem
      end
      raised_at = raise_site()
      return problem
    end

    -- The message of a runner's failure on a caught error `problem` of `kind` (check,
    -- deadline...) `entry`; raises a resource stop on to the host instead.
    local function failure_of(problem, kind, entry)
      if is_resource_stop(problem) then error(problem, 0) end
      if type(problem) == 'string' then
        if match(problem, '^[^%s:]+:%d+:') then return problem end
        -- No plugin frame was left to name (an error from a tail call): the declaration's line.
        return entry.where .. ': ' .. problem
      end
      return format('%s: %s %s raised a %s value', raised_at or entry.where, kind, entry.id, type(problem))
    end

    -- A problem when a check's finding message is longer than the limit, or nil.
    local function oversized(check, message)
      if #message > MAX_TEXT_BYTES then
        return format('%s: check %s returned a message of %d bytes; a message is at most %d bytes', check.where, check.id, #message, MAX_TEXT_BYTES)
      end
    end

    -- Appends one finding (or a problem) for household i and check k to out.
    local function collect(out, i, k, check, result)
      local kind = type(result)
      if kind == 'string' then
        local too_long = oversized(check, result)
        if too_long then return false, too_long end
        local n = out.n + 1
        out.n, out.h[n], out.k[n], out.m[n], out.s[n], out.r[n] = n, i, k, result, false, false
        return true
      end
      if kind ~= 'table' then
        return false, format('%s: check %s returned a %s; return nil, a message, a finding { message = ... } or a list of findings',
          check.where, check.id, kind)
      end
      if result.message == nil then
        if next(result) ~= nil and #result == 0 then
          return false, format('%s: check %s returned a table with neither a message nor a list of findings', check.where, check.id)
        end
        for _, item in ipairs(result) do
          local ok, problem = collect(out, i, k, check, item)
          if not ok then return false, problem end
        end
        return true
      end
      for key in pairs(result) do
        if not FINDING_FIELDS[key] then
          return false, format("%s: check %s returned a finding with unknown field '%s' (known: message, risk_types, severity)",
            check.where, check.id, tostring(key))
        end
      end
      if type(result.message) ~= 'string' then
        return false, format('%s: check %s returned a finding whose message is a %s, not a string', check.where, check.id, type(result.message))
      end
      local too_long = oversized(check, result.message)
      if too_long then return false, too_long end
      if result.severity ~= nil and not SEVERITY[result.severity] then
        return false, format("%s: check %s returned severity '%s' (known: %s)", check.where, check.id, tostring(result.severity), concat(SEVERITIES, ', '))
      end
      local risks = false
      if result.risk_types ~= nil then
        if type(result.risk_types) ~= 'table' then
          return false, format('%s: check %s returned risk_types that are not a list', check.where, check.id)
        end
        for _, name in ipairs(result.risk_types) do
          if not RISK[name] then
            return false, format("%s: check %s returned unknown risk type '%s'", check.where, check.id, tostring(name))
          end
        end
        risks = result.risk_types
      end
      local n = out.n + 1
      out.n, out.h[n], out.k[n], out.m[n], out.s[n], out.r[n] = n, i, k, result.message, result.severity or false, risks
      return true
    end

    -- Runs the checks with each call protected: a check that raises or returns nonsense is
    -- recorded in `failed` and the others go on.
    local function run_checks_protected(list, batch, n, only, disabled)
      local ctx = context
      local out = { n = 0, h = {}, k = {}, m = {}, s = {}, r = {} }
      local failed = { n = 0, h = {}, k = {}, m = {} }
      local first, last = 1, #list
      if only then first, last = only, only end
      for i = 1, n do
        local subject = batch[i]
        for k = first, last do
          if not disabled[k] then
            local check = list[k]
            local ok, result = xpcall(check.run, locate_error, subject, ctx)
            local problem
            if ok then
              if result ~= nil and result ~= false then ok, problem = collect(out, i, k, check, result) end
            else
              problem = failure_of(result, 'check', check)
            end
            if not ok then
              local f = failed.n + 1
              failed.n, failed.h[f], failed.k[f], failed.m[f] = f, i, k, problem
            end
          end
        end
      end
      return out, failed
    end

    local NO_FAILURES = { n = 0, h = {}, k = {}, m = {} }
    local fall_back = {}  -- raised to leave the fast path

    -- The fast path: no protection per call. Any error or nonsense abandons the batch's work
    -- and the batch is run again protected, so findings and failures come out the same.
    local function run_checks(list, batch, n, only, disabled)
      if only or next(disabled) ~= nil then return run_checks_protected(list, batch, n, only, disabled) end
      local ctx = context
      local out = { n = 0, h = {}, k = {}, m = {}, s = {}, r = {} }
      local count = #list
      local ok = pcall(function()
        for i = 1, n do
          local subject = batch[i]
          for k = 1, count do
            local result = list[k].run(subject, ctx)
            if result ~= nil and result ~= false then
              if type(result) == 'string' and #result <= MAX_TEXT_BYTES then
                local f = out.n + 1
                out.n, out.h[f], out.k[f], out.m[f], out.s[f], out.r[f] = f, i, k, result, false, false
              elseif not collect(out, i, k, list[k], result) then
                error(fall_back)
              end
            end
          end
        end
      end)
      if ok then return out, NO_FAILURES end
      return run_checks_protected(list, batch, n, only, disabled)
    end

    -- Every household check run on h under ctx, its findings as a list of tables. A check that
    -- raises raises here; one that returns nonsense raises naming its line.
    check_findings = function(h, ctx)
      local out = { n = 0, h = {}, k = {}, m = {}, s = {}, r = {} }
      local list = declared.checks
      for k = 1, #list do
        local check = list[k]
        local result = check.run(h, ctx)
        if result ~= nil and result ~= false then
          local ok, problem = collect(out, 1, k, check, result)
          if not ok then error(problem, 0) end
        end
      end
      local findings = {}
      for i = 1, out.n do
        local check = list[out.k[i]]
        findings[i] = { check = check.id, title = check.title, group = check.group, message = out.m[i],
                        severity = out.s[i] or check.severity, risk_types = out.r[i] or check.risk_types }
      end
      return findings
    end

    --- Runs every enabled check (or only check `only`) on households batch[1..n].
    function host.screen(batch, n, only, disabled)
      return run_checks(declared.checks, batch, n, only, disabled or {})
    end

    --- The same over assets.
    function host.screen_assets(batch, n, only, disabled)
      return run_checks(declared.asset_checks, batch, n, only, disabled or {})
    end

    --- Asks every guard of `transition` about household h: a list of { guard, title, reason }
    --- and a list of guard failures (a guard that raised or returned nonsense refuses too).
    function host.guard(transition, h)
      local reasons, failures = {}, {}
      for _, guard in ipairs(declared.guards) do
        if guard.transition == transition then
          local ok, result = xpcall(guard.run, locate_error, h, context)
          if not ok then
            local message = type(result) == 'string' and result
              or format('%s: guard %s raised a %s value', raised_at or guard.where, guard.id, type(result))
            failures[#failures + 1] = { guard = guard.id, message = message }
          elseif type(result) == 'string' or type(result) == 'table' then
            for _, reason in ipairs(type(result) == 'string' and { result } or result) do
              if type(reason) ~= 'string' then
                failures[#failures + 1] = { guard = guard.id,
                  message = format('%s: guard %s returned a reason that is a %s, not a string', guard.where, guard.id, type(reason)) }
              elseif #reason > MAX_TEXT_BYTES then
                failures[#failures + 1] = { guard = guard.id,
                  message = format('%s: guard %s returned a reason of %d bytes; a reason is at most %d bytes', guard.where, guard.id, #reason, MAX_TEXT_BYTES) }
              else
                reasons[#reasons + 1] = { guard = guard.id, title = guard.title, reason = reason }
              end
            end
          elseif result ~= nil and result ~= false then
            failures[#failures + 1] = { guard = guard.id,
              message = format('%s: guard %s returned a %s; return nil, a reason or a list of reasons', guard.where, guard.id, type(result)) }
          end
        end
      end
      return reasons, failures
    end

    local ITEM_FIELDS = set_of { 'due_on', 'message', 'person', 'responsible' }

    -- Checks one item a deadline returned; nil and the problem when it is nonsense.
    local function due_item(deadline, item)
      if type(item) ~= 'table' then
        return nil, format('%s: deadline %s returned a %s; return nil, an item { due_on, message } or a list of items',
          deadline.where, deadline.id, type(item))
      end
      for key in pairs(item) do
        if not ITEM_FIELDS[key] then
          return nil, format("%s: deadline %s returned an item with unknown field '%s' (known: due_on, message, person, responsible)",
            deadline.where, deadline.id, tostring(key))
        end
      end
      if not parse_date(item.due_on) then
        return nil, format('%s: deadline %s returned due_on %s, not a date written YYYY-MM-DD', deadline.where, deadline.id, tostring(item.due_on))
      end
      for _, field in ipairs { 'message', 'person', 'responsible' } do
        local value = item[field]
        if (value ~= nil or field == 'message') and type(value) ~= 'string' then
          return nil, format('%s: deadline %s returned an item whose %s is a %s, not a string', deadline.where, deadline.id, field, type(value))
        end
        if value ~= nil and #value > MAX_TEXT_BYTES then
          return nil, format('%s: deadline %s returned an item whose %s is %d bytes long; the limit is %d bytes',
            deadline.where, deadline.id, field, #value, MAX_TEXT_BYTES)
        end
      end
      return item
    end

    --- Runs every deadline (or only deadline `only`; none in `disabled`) on households
    --- batch[1..n], each call protected: items as parallel lists (household index, deadline
    --- index, due date, message, person, responsible; false where not given) and failures
    --- (household index, deadline index, message).
    function host.deadlines(batch, n, only, disabled)
      local out = { n = 0, h = {}, k = {}, d = {}, m = {}, p = {}, r = {} }
      local failed = { n = 0, h = {}, k = {}, m = {} }
      local ctx = context
      local list = declared.deadlines
      local function add(i, k, item)
        local f = out.n + 1
        out.n, out.h[f], out.k[f], out.d[f], out.m[f] = f, i, k, item.due_on, item.message
        out.p[f], out.r[f] = item.person or false, item.responsible or false
      end
      local first, last = 1, #list
      if only then first, last = only, only end
      for i = 1, n do
        for k = first, last do
          local deadline = list[k]
          if disabled and disabled[k] then goto next_deadline end
          local ok, result = xpcall(deadline.run, locate_error, batch[i], ctx)
          local problem
          if not ok then
            problem = failure_of(result, 'deadline', deadline)
          elseif result ~= nil and result ~= false then
            local items = (type(result) == 'table' and result.due_on == nil and result.message == nil) and result or { result }
            if next(items) ~= nil and #items == 0 then
              problem = format('%s: deadline %s returned a table that is neither an item { due_on, message } nor a list of items',
                deadline.where, deadline.id)
              items = {}
            end
            for _, item in ipairs(items) do
              local checked, why = due_item(deadline, item)
              if checked then add(i, k, checked) else problem = why break end
            end
          end
          if problem then
            local f = failed.n + 1
            failed.n, failed.h[f], failed.k[f], failed.m[f] = f, i, k, problem
          end
          ::next_deadline::
        end
      end
      return out, failed
    end

    --- The spec at `index` (its household fixture, expectations and location).
    function host.spec(index)
      return declared.specs[index]
    end

    --- The rows checklist `id` gives the first n households of batch: a list of row tables,
    --- false for a household the row function left off the list (it returned nil).
    --- A row function that raises or returns something else than a table stops the checklist:
    --- nil, the household's index and the error (with the plugin file and line).
    function host.checklist_rows(id, batch, n)
      local checklist
      for _, each in ipairs(declared.checklists) do
        if each.id == id then checklist = each end
      end
      if not checklist then error(format("no checklist '%s'", tostring(id)), 2) end
      local keys = checklist.keys
      if not keys then
        keys = {}
        for _, column in ipairs(checklist.columns) do keys[column.key] = true end
        checklist.keys = keys
      end
      local rows, row_of, ctx = {}, checklist.row, context
      for i = 1, n do
        local ok, row = xpcall(row_of, locate_error, batch[i], ctx)
        if not ok then
          return nil, i, type(row) == 'string' and row
            or format('%s: checklist %s raised a %s value', raised_at or checklist.where, id, type(row))
        end
        if row == nil then
          row = false  -- the household is not on this list
        elseif type(row) ~= 'table' then
          return nil, i, format('%s: checklist %s: the row function returned %s, not a table (or nil to leave the household off)',
            checklist.where, id, type(row))
        else
          for key in pairs(row) do
            if not keys[key] then
              return nil, i, format("%s: checklist %s: the row fills '%s', which is not one of its columns",
                checklist.where, id, tostring(key))
            end
          end
        end
        rows[i] = row
      end
      return rows
    end

    --- The document report `id` renders with the host's queries `data`, read and checked.
    function host.render_report(id, data)
      for _, report in ipairs(declared.reports) do
        if report.id == id then return read_document(report, report.render(data, context)) end
      end
      error(format("no report '%s'", tostring(id)), 2)
    end

    return host
    """#
}
