-- Unit tests of dixian.api/date.lua.
local modules = ...
local date, dates = modules.date()
local tests = {}

function tests.a_real_date_parses_and_others_do_not()
  local y, m, d = dates.parse('2024-02-29')
  assert(y == 2024 and m == 2 and d == 29)
  assert(dates.parse('2023-02-29') == nil)
  assert(dates.parse('2024-13-01') == nil)
  assert(dates.parse('2024-1-01') == nil)
  assert(dates.parse(20240101) == nil)
  assert(dates.parse('0000-01-01') == nil, 'year 0 is no date, as the host says')
  assert(date.valid('2024-06-30') and not date.valid('2024-06-31'))
end

function tests.day_numbers_go_both_ways()
  assert(dates.day_number(1970, 1, 1) == 0)
  for _, text in ipairs { '1900-03-01', '2000-02-29', '2024-12-31', '2100-01-01' } do
    assert(dates.from_day_number(dates.day_number(dates.parse(text))) == text, text)
  end
end

function tests.adding_months_clamps_to_the_end_of_the_month()
  assert(date.add_months('2024-01-31', 1) == '2024-02-29')
  assert(date.add_months('2023-01-31', 1) == '2023-02-28')
  assert(date.add_months('2024-11-15', 3) == '2025-02-15')
  assert(date.add_months('2024-03-31', -1) == '2024-02-29')
end

function tests.whole_months_between_are_counted_as_adding_months_counts()
  assert(date.months_between('2023-05-10', '2023-12-31') == 7)
  assert(date.months_between('2023-05-10', '2023-12-09') == 6, 'the seventh month is not full until the 10th')
  assert(date.months_between('2023-05-10', '2023-12-10') == 7)
  assert(date.months_between('2024-01-31', '2024-02-29') == 1, 'add_months clamps to the end of February')
  assert(date.months_between('2024-01-31', '2024-02-28') == 0)
  assert(date.months_between('2024-06-30', '2024-06-30') == 0)
  assert(date.months_between('2024-03-15', '2024-02-20') == 0, 'less than a month earlier')
  assert(date.months_between('2024-03-31', '2024-02-29') == -1)
  assert(date.months_between('2021-12-20', '2024-06-30') == 30)
  local ok, problem = pcall(date.months_between, '2024-06-30', '2024-06-31')
  assert(not ok and problem:find("the second date must be a date written YYYY-MM-DD, got '2024-06-31'", 1, true), problem)
end

function tests.days_between_weekdays_and_adding_days()
  assert(date.days_between('2024-06-01', '2024-06-30') == 29)
  assert(date.days_between('2024-06-30', '2024-06-01') == -29)
  assert(date.weekday('2024-06-30') == 7)  -- a Sunday
  assert(date.weekday('2024-07-01') == 1)
  assert(date.add_days('2024-12-31', 1) == '2025-01-01')
end

function tests.a_bad_date_is_an_error_quoting_it()
  local ok, problem = pcall(date.add_days, '2024-02-30', 1)
  assert(not ok and problem:find("the date must be a date written YYYY-MM-DD, got '2024-02-30'", 1, true), problem)
  ok, problem = pcall(date.parts, nil)
  assert(not ok and problem:find('the date must be a date written YYYY-MM-DD, got nil', 1, true), problem)
end

return tests
