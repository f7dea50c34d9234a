-- The context a check reads (`ctx`): the assessment date, the parameters in force on it, and
-- the helpers that depend on it. Read-only: a check cannot change what the next one sees.
local support, dates, declarations, calendar = ...
local error, ipairs, rawget, setmetatable = error, ipairs, rawget, setmetatable
local format = string.format
local math_type = math.type
local guarded, read_only = support.guarded, support.read_only
local parse_date, checked_date = dates.parse, dates.checked
local day_number, from_day_number = dates.day_number, dates.from_day_number
local declared, parameter_value = declarations.declared, declarations.parameter_value
local add_working_days = calendar.add_working_days

local context = {}

local places = {}  -- names of area codes, set by the host (host.set_places)

-- Wake-up dates (issue 23). While the checks (or deadlines) run on one subject, `wake` is the
-- earliest date on which what they read of the date may give another answer: reading ctx.as_of
-- or ctx.day, the next day; ctx.month, the next month's first day; ctx.year, the next year's.
-- The comparisons ctx.before, ctx.after and ctx.within say exactly when their answer flips, so
-- a check that compares through them is woken only then. nil: nothing read of the date.
local wake

-- Moves the subject's wake-up date to `date` if that is earlier. A date after 9999-12-31
-- (a comparison with an open-ended 9999-12-31) never comes: it is no wake-up date, and as
-- text it would sort before the real ones.
local function wake_on(date)
  if #date ~= 10 then return end
  if wake == nil or date < wake then wake = date end
end

local next_day  -- the day after the assessment date of the last context made

-- The day after the assessment date: when a subject on which a check failed is asked again.
function context.next_day()
  return next_day
end

-- Starts tracking the wake-up date of the next subject (the runners, before each household).
function context.begin_subject()
  wake = nil
end

-- The wake-up date tracked since begin_subject, or nil.
function context.subject_wake()
  return wake
end

-- Sets the names of area codes ctx.place gives.
function context.set_places(names)
  places = names
end

-- The context of assessment date `as_of`; `check_findings(h, ctx)` runs the household checks.
function context.make(as_of, check_findings)
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
  local today = day_number(y, m, d)
  next_day = from_day_number(today + 1)
  local next_month = m == 12 and format('%04d-01-01', y + 1) or format('%04d-%02d-01', y, m + 1)
  local next_year = format('%04d-01-01', y + 1)
  -- The date's fields, served through `dated` so that reading one moves the wake-up date.
  local date_fields = { as_of = as_of, day = d, month = m, year = y }
  local field_wakes = { as_of = next_day, day = next_day, month = next_month, year = next_year }
  local dated = {
    __index = function(_, key)
      local on = field_wakes[key]
      if on == nil then return nil end
      wake_on(on)
      return date_fields[key]
    end,
    __metatable = false,
  }
  local ctx
  ctx = guarded(setmetatable({
    -- ctx.before(date): the assessment date is before `date` (true until that day).
    before = function(date)
      checked_date(date, 'the date', 2)
      if as_of < date then wake_on(date) return true end
      return false
    end,
    -- ctx.after(date): the assessment date is after `date` (false up to that day).
    after = function(date)
      checked_date(date, 'the date', 2)
      if as_of > date then return true end
      wake_on(from_day_number(day_number(parse_date(date)) + 1))
      return false
    end,
    -- ctx.within(date, days): the assessment date is no more than `days` days after `date`
    -- (true up to date + days; true before `date` too).
    within = function(date, days)
      checked_date(date, 'the date', 2)
      if math_type(days) ~= 'integer' then error('ctx.within: days must be a whole number', 2) end
      local last = day_number(parse_date(date)) + days
      if today <= last then wake_on(from_day_number(last + 1)) return true end
      return false
    end,
    -- What the plugin's household checks find on h: a list of { check, title, group,
    -- message, severity, risk_types } (for checklists that show the checks' findings).
    findings = function(h) return check_findings(h, ctx) end,
    -- The name of an area code (a township's, from the plugin's geography), or the code.
    place = function(code) return places[code] or code end,
    -- The date n working days after d, in the calendar of parameter working_calendar ('cn' without it).
    add_working_days = function(day, n)
      local id = rawget(params, 'working_calendar') or 'cn'
      local result = add_working_days(day, n, id, 2)  -- not a tail call: level 2 must be this frame
      return result
    end,
    params = guarded(setmetatable(params, missing), 'the screening context is read-only: cannot set ctx.params.%s'),
    param = function(name, on)
      if on == nil then on = as_of end
      checked_date(on, 'the date', 2)
      local value = parameter_value(name, on, 2)  -- not a tail call: level 2 must be this frame
      return value
    end,
  }, dated), 'the screening context is read-only: cannot set ctx.%s')
  return ctx
end

return context
