-- The runners the host calls: screening batches of households and assets, guards, deadlines,
-- checklist rows and report documents, each call of plugin code protected so that one check
-- that raises or returns nonsense is recorded and the others go on; and the assessment date
-- they run under.
local support, dates, declarations, documents, contexts, stop_kind = ...
local error, type, pairs, ipairs, next, tostring, pcall, xpcall = error, type, pairs, ipairs, next, tostring, pcall, xpcall
local format, concat, match, sub = string.format, table.concat, string.match, string.sub
local set_of, where_is, MAX_TEXT_BYTES = support.set_of, support.where_is, support.MAX_TEXT_BYTES
local parse_date, checked_date = dates.parse, dates.checked
local declared, RISK, SEVERITY = declarations.declared, declarations.RISK, declarations.SEVERITY
local SEVERITIES = declarations.SEVERITIES
local read_document = documents.read_document

local runners = {}

local context  -- the context of the assessment date (runners.prepare)

local FINDING_FIELDS = set_of { 'message', 'severity', 'risk_types' }

local begin_subject, subject_wake, next_day = contexts.begin_subject, contexts.subject_wake, contexts.next_day

-- Appends subject i's wake-up date `on` (nil: none) to the columns `wakes` (h, d, count n).
local function add_wake(wakes, i, on)
  if on == nil then return end
  local n = wakes.n + 1
  wakes.n, wakes.h[n], wakes.d[n] = n, i, on
end

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
    if source and sub(source, 1, 7) ~= 'dixian.' then return site end  -- the host's chunks are dixian.*
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
  local wakes = { n = 0, h = {}, d = {} }
  local first, last = 1, #list
  if only then first, last = only, only end
  for i = 1, n do
    local subject = batch[i]
    begin_subject()
    local failures = failed.n
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
    -- A check that failed is asked again the next day.
    add_wake(wakes, i, failed.n > failures and next_day() or subject_wake())
  end
  return out, failed, wakes
end

local NO_FAILURES = { n = 0, h = {}, k = {}, m = {} }
local fall_back = {}  -- raised to leave the fast path

-- The fast path: no protection per call. Any error or nonsense abandons the batch's work
-- and the batch is run again protected, so findings and failures come out the same.
local function run_checks(list, batch, n, only, disabled)
  if only or next(disabled) ~= nil then return run_checks_protected(list, batch, n, only, disabled) end
  local ctx = context
  local out = { n = 0, h = {}, k = {}, m = {}, s = {}, r = {} }
  local wakes = { n = 0, h = {}, d = {} }
  local count = #list
  local ok = pcall(function()
    for i = 1, n do
      local subject = batch[i]
      begin_subject()
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
      add_wake(wakes, i, subject_wake())
    end
  end)
  if ok then return out, NO_FAILURES, wakes end
  return run_checks_protected(list, batch, n, only, disabled)
end

-- Every household check run on h under ctx, its findings as a list of tables. A check that
-- raises raises here; one that returns nonsense raises naming its line.
local function check_findings(h, ctx)
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

--- Runs every enabled check (or only check `only`) on households batch[1..n]: findings,
--- failures and wake-up dates, as parallel lists (see collect and add_wake).
function runners.screen(batch, n, only, disabled)
  return run_checks(declared.checks, batch, n, only, disabled or {})
end

--- The same over assets.
function runners.screen_assets(batch, n, only, disabled)
  return run_checks(declared.asset_checks, batch, n, only, disabled or {})
end

--- Asks every guard of `transition` about household h: a list of { guard, title, reason }
--- and a list of guard failures (a guard that raised or returned nonsense refuses too).
function runners.guard(transition, h)
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

local ITEM_FIELDS = set_of { 'due_on', 'done_on', 'message', 'person', 'responsible' }

-- Checks one item a deadline returned; nil and the problem when it is nonsense.
local function due_item(deadline, item)
  if type(item) ~= 'table' then
    return nil, format('%s: deadline %s returned a %s; return nil, an item { due_on, message } or a list of items',
      deadline.where, deadline.id, type(item))
  end
  for key in pairs(item) do
    if not ITEM_FIELDS[key] then
      return nil, format("%s: deadline %s returned an item with unknown field '%s' (known: due_on, done_on, message, person, responsible)",
        deadline.where, deadline.id, tostring(key))
    end
  end
  if not parse_date(item.due_on) then
    return nil, format('%s: deadline %s returned due_on %s, not a date written YYYY-MM-DD', deadline.where, deadline.id, tostring(item.due_on))
  end
  -- done_on: work already done, after its due date (work done in time leaves no item).
  if item.done_on ~= nil then
    if not parse_date(item.done_on) then
      return nil, format('%s: deadline %s returned done_on %s, not a date written YYYY-MM-DD', deadline.where, deadline.id, tostring(item.done_on))
    end
    if item.done_on <= item.due_on then
      return nil, format('%s: deadline %s returned an item done on %s, not after its due date %s: an item with done_on is work done late',
        deadline.where, deadline.id, item.done_on, item.due_on)
    end
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
--- index, due date, message, person, responsible, done date; false where not given), failures
--- (household index, deadline index, message) and wake-up dates (household index, date).
function runners.deadlines(batch, n, only, disabled)
  local out = { n = 0, h = {}, k = {}, d = {}, m = {}, p = {}, r = {}, o = {} }
  local failed = { n = 0, h = {}, k = {}, m = {} }
  local wakes = { n = 0, h = {}, d = {} }
  local ctx = context
  local list = declared.deadlines
  local function add(i, k, item)
    local f = out.n + 1
    out.n, out.h[f], out.k[f], out.d[f], out.m[f] = f, i, k, item.due_on, item.message
    out.p[f], out.r[f], out.o[f] = item.person or false, item.responsible or false, item.done_on or false
  end
  local first, last = 1, #list
  if only then first, last = only, only end
  for i = 1, n do
    begin_subject()
    local failures = failed.n
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
    add_wake(wakes, i, failed.n > failures and next_day() or subject_wake())
  end
  return out, failed, wakes
end

--- The spec at `index` (its household fixture, expectations and location).
function runners.spec(index)
  return declared.specs[index]
end

--- The rows checklist `id` gives the first n households of batch: a list of row tables,
--- false for a household the row function left off the list (it returned nil).
--- A row function that raises or returns something else than a table stops the checklist:
--- nil, the household's index and the error (with the plugin file and line).
function runners.checklist_rows(id, batch, n)
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
function runners.render_report(id, data)
  for _, report in ipairs(declared.reports) do
    if report.id == id then return read_document(report, report.render(data, context)) end
  end
  error(format("no report '%s'", tostring(id)), 2)
end

--- Sets the assessment date for the runs that follow.
function runners.prepare(as_of)
  checked_date(as_of, 'the assessment date', 2)
  context = contexts.make(as_of, check_findings)
end

return runners
