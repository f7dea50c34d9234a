-- The declarations plugins make while they load: parameters, checks, asset checks, guards,
-- permits, calendars, deadlines, duties, checklists, reports, exports and specs, each checked and
-- located at the plugin line that made it. Returns the public `dixian` table (before it is
-- made read-only), the lists declared so far, the loading state and parameter lookup.
local support, dates, date, documents, vocabulary = ...
local error, type, pairs, ipairs, tostring, pcall = error, type, pairs, ipairs, tostring, pcall
local format, concat, sort, floor = string.format, table.concat, table.sort, math.floor
local caller, fail, set_of, read_only = support.caller, support.fail, support.set_of, support.read_only
local check_fields, need, optional = support.check_fields, support.need, support.optional
local MAX_ID_BYTES, ID_PATTERN = support.MAX_ID_BYTES, support.ID_PATTERN
local parse_date, checked_date = dates.parse, dates.checked
local read_columns = documents.read_columns
local RISK_TYPES, SEVERITIES, TRANSITIONS = vocabulary.risk_types, vocabulary.severities, vocabulary.transitions
local RISK, SEVERITY, TRANSITION = set_of(RISK_TYPES), set_of(SEVERITIES), set_of(TRANSITIONS)
local STEPS, ROLES = vocabulary.steps, vocabulary.roles
local STEP, ROLE = set_of(STEPS), set_of(ROLES)

local API_VERSION = 1

-- Everything declared so far, in declaration order.
local declared = {
  parameters = {}, checks = {}, asset_checks = {}, guards = {}, calendars = {},
  deadlines = {}, duties = {}, checklists = {}, reports = {}, specs = {}, permits = {},
}

-- The plugin whose files are loading (host.install sets it), and whether declarations are
-- still possible: only while the plugins load (host.describe ends it). One made later, from a
-- check's run say, would not be in the lists the host read.
local loading = { plugin = '?', open = true }

-- Raises naming the plugin line when `what` (dixian.check, ...) is called after loading.
local function while_loading(where, what)
  if not loading.open then
    fail(where, '%s: declarations are only possible while the plugin loads, not from a check, guard, deadline, checklist row or report', what)
  end
end

-- Adds or replaces an entry of a declared list, keyed by `id`.
local function declare(list, kind, id, entry, override, where)
  if type(id) ~= 'string' or not id:match(ID_PATTERN) then
    fail(where, "%s id must be letters, digits, '.', '_' or '-', got %s", kind, tostring(id))
  end
  if #id > MAX_ID_BYTES then fail(where, '%s id is %d bytes long; the limit is %d bytes', kind, #id, MAX_ID_BYTES) end
  entry.id, entry.where, entry.plugin = id, where, loading.plugin
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

local CHECK_FIELDS = set_of { 'id', 'title', 'risk_types', 'severity', 'group', 'source', 'description', 'list', 'run', 'override' }

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
    list = optional(where, what, spec, 'list', 'boolean'),
  }, spec.override, where)
end

--- dixian.check { id, title, run = function(h, ctx), risk_types, severity, group, source, description, list, override }
--- (list = true: the check names households the rules ask staff to visit or look at, not problems)
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

local PERMIT_FIELDS = set_of { 'step', 'roles', 'source', 'note', 'override' }

--- dixian.permit { step, roles = { role, ... }, source, note, override }: the roles of the
--- server's users that may take a workflow step (a monitoring transition, an elimination
--- stage, a visit, a plan, a measure, a problem, a warning's verification). A step no plugin
--- of the chain permits is the county administrator's alone.
function api.permit(spec)
  local where = caller(2)
  while_loading(where, 'dixian.permit')
  local what = format("permit '%s'", type(spec) == 'table' and tostring(spec.step) or '?')
  check_fields(where, what, spec, PERMIT_FIELDS)
  local step = need(where, what, spec, 'step', 'string')
  if not STEP[step] then fail(where, "%s: unknown step '%s' (known: %s)", what, step, concat(STEPS, ', ')) end
  local roles = need(where, what, spec, 'roles', 'table')
  if #roles == 0 then fail(where, '%s: roles must list at least one role (known: %s)', what, concat(ROLES, ', ')) end
  local copy = {}
  for i, role in ipairs(roles) do
    if not ROLE[role] then fail(where, "%s: unknown role '%s' (known: %s)", what, tostring(role), concat(ROLES, ', ')) end
    copy[i] = role
  end
  declare(declared.permits, 'permit', step, {
    roles = copy,
    source = optional(where, what, spec, 'source', 'string'),
    note = optional(where, what, spec, 'note', 'string'),
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
--- still to be done for household h, due on due_on; with done_on = date (after due_on), work
--- that was done late, on done_on.
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

local DUTY_FIELDS = set_of { 'id', 'title', 'responsible', 'day', 'months', 'from', 'through', 'source', 'override' }

-- The months a duty falls due in, in calendar order: `list` must be a list of distinct months
-- 1..12 (in any order); all twelve when it is absent.
local function month_list(where, what, list)
  if list == nil then return { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 } end
  local size = type(list) == 'table' and #list or 0
  local keys = 0
  if size > 0 then for _ in pairs(list) do keys = keys + 1 end end
  if size == 0 or keys ~= size then
    fail(where, '%s: months must be a list of the months it falls due in, 1 to 12 (all twelve when absent), got %s',
      what, type(list) == 'table' and 'a table that is not a list of months' or type(list))
  end
  local listed = {}
  for i, month in ipairs(list) do
    if type(month) ~= 'number' or month ~= floor(month) or month < 1 or month > 12 then
      fail(where, '%s: months[%d] must be a month, 1 to 12, got %s', what, i, tostring(month))
    end
    if listed[month] then fail(where, '%s: months lists %d twice', what, month) end
    listed[month] = true
  end
  local months = {}
  for month = 1, 12 do
    if listed[month] then months[#months + 1] = month end
  end
  return months
end

-- spec[field] when given, which must then be a date written YYYY-MM-DD.
local function optional_date(where, what, spec, field)
  local value = spec[field]
  if value ~= nil and (type(value) ~= 'string' or not parse_date(value)) then
    fail(where, '%s: %s must be a date written YYYY-MM-DD, got %s', what, field, tostring(value))
  end
  return value
end

--- dixian.duty { id, title, responsible, day = 1..31, months = { 1..12 }, from, through, source, override }:
--- a duty of a unit, due on `day` of each month listed in `months` (every month when absent;
--- the month's last day when it is shorter), on the due dates from `from` through `through`
--- (dates, both included; no limit on a side not given): a quarterly duty lists
--- { 3, 6, 9, 12 }, a yearly one a single month, a duty of one year's campaign its window.
function api.duty(spec)
  local where = caller(2)
  while_loading(where, 'dixian.duty')
  local what = format("duty '%s'", type(spec) == 'table' and tostring(spec.id) or '?')
  check_fields(where, what, spec, DUTY_FIELDS)
  local day = need(where, what, spec, 'day', 'number')
  if day ~= floor(day) or day < 1 or day > 31 then fail(where, '%s: day must be a day of the month, 1 to 31, got %s', what, tostring(day)) end
  local months = month_list(where, what, spec.months)
  local from, through = optional_date(where, what, spec, 'from'), optional_date(where, what, spec, 'through')
  if from ~= nil and through ~= nil and through < from then
    fail(where, '%s: through (%s) is before from (%s)', what, through, from)
  end
  declare(declared.duties, 'duty', spec.id, {
    title = need(where, what, spec, 'title', 'string'),
    responsible = need(where, what, spec, 'responsible', 'string'),
    day = day, months = months, from = from, through = through,
    source = optional(where, what, spec, 'source', 'string'),
  }, spec.override, where)
end

local CHECKLIST_FIELDS = set_of { 'id', 'title', 'columns', 'row', 'source', 'sign_off', 'orientation', 'override' }

-- The labels of a sign-off line (填报单位、填表人、审核人、填报日期): 1 to 8 strings of 1 to 40
-- characters, or nil.
local function read_sign_off(where, what, value)
  if value == nil then return nil end
  if type(value) ~= 'table' or #value < 1 or #value > 8 then
    local got = type(value) == 'table' and (#value > 8 and tostring(#value) or 'table') or type(value)
    fail(where, '%s: sign_off must be a list of 1 to 8 labels, got %s', what, got)
  end
  local labels = {}
  for i, label in ipairs(value) do
    if type(label) ~= 'string' or label == '' or utf8.len(label) == nil or utf8.len(label) > 40 then
      fail(where, '%s: sign_off[%d] must be a label of 1 to 40 characters, got %s', what, i, tostring(label))
    end
    labels[i] = label
  end
  return labels
end

-- How a form is printed: 'portrait' or 'landscape', or nil (the host chooses by the width of
-- its columns).
local function read_orientation(where, what, value)
  if value == nil or value == 'portrait' or value == 'landscape' then return value end
  fail(where, "%s: orientation must be 'portrait' or 'landscape', got %s", what, tostring(value))
end

--- dixian.checklist { id, title, columns = { { key, title, group, width } }, row = function(h, ctx) -> { key = value }, source, sign_off, orientation, override }:
--- sign_off, the labels of the line printed under the table (填报单位：, 填表人：, 审核人：, 填报日期：);
--- orientation, 'portrait' or 'landscape' (by the columns' width when absent).
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
    sign_off = read_sign_off(where, what, spec.sign_off),
    orientation = read_orientation(where, what, spec.orientation),
  }, spec.override, where)
end

local REPORT_FIELDS = set_of { 'id', 'title', 'render', 'source', 'description', 'needs', 'sign_off', 'orientation', 'override' }
local REPORT_NEEDS = set_of { 'due' }

--- dixian.report { id, title, render = function(data, ctx) -> document, source, description, needs, sign_off, orientation, override }:
--- sign_off and orientation as a checklist's, the line printed at the end of the report.
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
    sign_off = read_sign_off(where, what, spec.sign_off),
    orientation = read_orientation(where, what, spec.orientation),
  }, spec.override, where)
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

local SPEC_FIELDS = set_of { 'as_of', 'household', 'findings', 'includes', 'excludes', 'guard', 'refused', 'reasons', 'messages', 'calendar', 'checklist', 'asset', 'due', 'not_due', 'duty' }

--- dixian.spec(name, { as_of, household, findings | includes | excludes | messages | due | not_due, guard, refused, reasons } | { as_of, calendar } | { as_of, duty })
function api.spec(name, spec)
  local where = caller(2)
  while_loading(where, 'dixian.spec')
  local what = format("spec '%s'", tostring(name))
  if type(name) ~= 'string' then fail(where, 'a spec needs a name (a string)') end
  check_fields(where, what, spec, SPEC_FIELDS)
  checked_date(spec.as_of, what .. ': as_of', 2)
  if spec.calendar == nil and spec.asset == nil and spec.duty == nil then need(where, what, spec, 'household', 'table') end
  if spec.asset ~= nil and spec.household ~= nil then fail(where, '%s: give a household or an asset, not both', what) end
  if spec.guard ~= nil and not TRANSITION[spec.guard] then
    fail(where, "%s: unknown transition '%s'", what, tostring(spec.guard))
  end
  local spec_entry = { name = name, where = where, plugin = loading.plugin }
  for key, value in pairs(spec) do spec_entry[key] = value end
  declared.specs[#declared.specs + 1] = spec_entry
end

return {
  api = api, declared = declared, loading = loading, parameter_value = parameter_value,
  RISK = RISK, SEVERITY = SEVERITY, SEVERITIES = SEVERITIES,
}
