-- Dates as plugins write them, 'YYYY-MM-DD' strings: parsing, day arithmetic and the public
-- dixian.date table (dixian.date.add_working_days is added by calendar.lua).
local error, type = error, type
local format, floor = string.format, math.floor

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
  -- Year 0000 is no date: the host's dates (LocalDate) start at year 1, and the two must agree.
  if y < 1 or m < 1 or m > 12 or d < 1 then return nil end
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
--- dixian.date.months_between(a, b): whole months from date a to date b, counted as add_months
--- counts them (negative when b is earlier): 2024-01-31 to 2024-02-29 is 1, to 2024-02-28 is 0.
function date.months_between(a, b)
  local ay, am = checked_date(a, 'the first date', 2)
  local by, bm = checked_date(b, 'the second date', 2)
  local months = (by - ay) * 12 + (bm - am)
  if months > 0 and date.add_months(a, months) > b then return months - 1 end
  if months < 0 and date.add_months(a, months) < b then return months + 1 end
  return months
end
--- dixian.date.parts(d): year, month, day as numbers.
function date.parts(d) return checked_date(d, 'the date', 2) end
--- dixian.date.weekday(d): 1 for Monday to 7 for Sunday.
function date.weekday(d)
  return (day_number(checked_date(d, 'the date', 2)) + 3) % 7 + 1
end

return date, {
  is_leap = is_leap, month_days = MONTH_DAYS, parse = parse_date, day_number = day_number,
  from_day_number = from_day_number, checked = checked_date,
}
