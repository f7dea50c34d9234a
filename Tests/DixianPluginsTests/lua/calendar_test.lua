-- Unit tests of dixian.api/calendar.lua, with a stand-in for the host's working-day counter.
local modules = ...
local date = modules.date()
local asked, charged = nil, 0
local calendar = modules.calendar(date, function(d, n, id)
  asked = { d, n, id }
  if d == '2026-12-31' then return nil, "calendar 'cn' lists holidays for 2024-2026 only", 2 end
  return '2026-10-09', nil, 9
end, function(instructions) charged = charged + instructions end)
local tests = {}

function tests.the_days_the_host_stepped_through_are_charged_to_the_budget()
  charged = 0
  date.add_working_days('2026-09-30', 1)
  pcall(date.add_working_days, '2026-12-31', 3)
  assert(charged == 11 * 20, charged)
end

function tests.the_host_counts_and_cn_is_the_default_calendar()
  assert(date.add_working_days('2026-09-30', 1) == '2026-10-09')
  assert(asked[1] == '2026-09-30' and asked[2] == 1 and asked[3] == 'cn')
  date.add_working_days('2026-09-30', 1, 'ningxia')
  assert(asked[3] == 'ningxia')
  assert(calendar.add_working_days('2026-09-30', 1, 'cn', 1) == '2026-10-09')
end

function tests.the_hosts_refusal_is_raised_at_the_line_that_asked()
  local ok, problem = pcall(function()
    local due = date.add_working_days('2026-12-31', 3)
    return due
  end)
  assert(not ok and problem:find("^tests/calendar_test.lua:%d+: calendar 'cn' lists holidays for 2024%-2026 only$"), problem)
end

return tests
