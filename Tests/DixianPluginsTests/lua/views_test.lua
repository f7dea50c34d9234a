-- Unit tests of dixian.api/views.lua.
local modules = ...
local views = modules.views()
local tests = {}

local function view(what, known, missing, fields)
  return setmetatable(fields, views.metatable(what, what == 'asset' and 'asset' or 'household', known, missing))
end

function tests.a_known_field_without_a_value_reads_as_nil()
  local member = view('member', { 'name', 'disability_grade' }, {}, { name = '张三' })
  assert(member.name == '张三' and member.disability_grade == nil)
end

function tests.an_unknown_field_is_an_error_naming_it_and_the_fields_there_are()
  local income = view('income', { 'wage', 'net', 'year' }, {}, { wage = 1, net = 2, year = 2023 })
  local ok, problem = pcall(function() return income.wgae end)
  assert(not ok and problem:find("income field 'wgae' does not exist (income fields: net, wage, year;", 1, true), problem)
end

function tests.a_field_left_out_says_why_and_pairs_is_refused()
  local household = view('household', { 'size', 'survey' }, { 'survey' }, { size = 3 })
  local ok, problem = pcall(function() return household.survey end)
  assert(not ok and problem:find("household field 'survey' is not in this view", 1, true), problem)
  ok, problem = pcall(pairs, household)
  assert(not ok and problem:find('pairs over a household of the view', 1, true), problem)
end

function tests.a_whole_view_can_be_walked_with_pairs()
  local n = 0
  for _ in pairs(view('member', { 'name', 'age' }, {}, { name = '张三', age = 40 })) do n = n + 1 end
  assert(n == 2)
end

function tests.a_view_is_read_only()
  local asset = view('asset', { 'id' }, {}, { id = 'A1' })
  local ok, problem = pcall(function() asset.note = 'x' end)
  assert(not ok and problem:find("the asset view is read-only: cannot add field 'note'", 1, true), problem)
end

return tests
