-- The context a check reads (`ctx`): the assessment date, the parameters in force on it, and
-- the helpers that depend on it. Read-only: a check cannot change what the next one sees.
local support, dates, declarations, calendar = ...
local ipairs, rawget, setmetatable = ipairs, rawget, setmetatable
local guarded, read_only = support.guarded, support.read_only
local parse_date, checked_date = dates.parse, dates.checked
local declared, parameter_value = declarations.declared, declarations.parameter_value
local add_working_days = calendar.add_working_days

local context = {}

local places = {}  -- names of area codes, set by the host (host.set_places)

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
  }, 'the screening context is read-only: cannot set ctx.%s')
  return ctx
end

return context
