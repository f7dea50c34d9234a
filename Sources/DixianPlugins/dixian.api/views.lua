-- The guards on the views checks read. A household view's household, member, income and survey
-- tables, an asset view and its distribution rows carry a metatable made here: they are
-- read-only (a field left behind would be seen by the next check or household), and reading a
-- field they do not have raises naming it and the plugin line, never a silent nil: a misspelled
-- field is an error, not a nil that fails three lines later in arithmetic.
local error, type, tostring, ipairs, setmetatable = error, type, tostring, ipairs, setmetatable
local format, concat, sort = string.format, table.concat, table.sort

local views = {}

local SECTION = { asset = 'The asset view', distribution = 'The asset view' }

-- The metatable of a view's `what` tables ('household', 'member', 'income', 'survey', 'asset',
-- 'distribution'), part of the `view` ('household' or 'asset'), whose fields are the list
-- `known`, filled without those of the list `missing`: reading a missing field raises saying
-- why it is missing, and so does `pairs`, which would skip it; reading a field not in `known`
-- raises listing those that are.
function views.metatable(what, view, known, missing)
  local is_known, is_missing, names = {}, {}, {}
  for i, name in ipairs(known) do is_known[name], names[i] = true, name end
  for _, name in ipairs(missing) do is_missing[name] = true end
  sort(names)
  local section = SECTION[what] or 'The household view'
  local metatable = {
    __newindex = function(_, key)
      error(format("the %s view is read-only: cannot add field '%s'", view, tostring(key)), 2)
    end,
    __index = function(_, key)
      if is_missing[key] then
        error(format("%s field '%s' is not in this view: views hold only the fields the plugin's scripts name, and none names '%s' (docs/plugin-api.md, \"Fields a plugin reads\")", what, key, key), 2)
      elseif not is_known[key] then
        error(format("%s field '%s' does not exist (%s fields: %s; docs/plugin-api.md, \"%s\")",
          what, type(key) == 'string' and key or tostring(key), what, concat(names, ', '), section), 2)
      end
    end,
    __metatable = false,
  }
  if #missing > 0 then
    metatable.__pairs = function()
      error(format("pairs over a %s of the view: it holds only the fields the plugin's scripts name; read fields by name (docs/plugin-api.md, \"Fields a plugin reads\")", what), 3)  -- 3: past pairs, at the script
    end
  end
  return metatable
end

--- The empty list every view shares for episodes, plans, visits and monthly incomes it lacks.
views.empty_list = setmetatable({}, {
  __newindex = function() error('the household view is read-only: cannot add to an empty list', 2) end,
  __metatable = false,
})

return views
