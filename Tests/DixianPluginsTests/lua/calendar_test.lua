-- Unit tests of dixian.api/calendar.lua, with a stand-in for the host's working-day counter.
local modules = ...
local date = modules.date()
local asked
local calendar = modules.calendar(date, function(d, n, id)
  asked = { d, n, id }
  if d == '2026-12-31' then return nil, "calendar 'cn' lists holidays for 2024-2026 only" end
  return '2026-10-09'
end)
local tests = {}

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
