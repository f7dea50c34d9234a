-- Tests on a household member's figures that the plugins extending this one share (a 周岁 within a
-- parameter's range, a 残疾等级 among a parameter's grades): dixian.import('member_status').
-- Loaded before the county plugins' checks and deadlines. The tests take the figure, not the
-- member: a national file that named a view field would make the views of every plugin fill it
-- (docs/plugin-api.md, "Fields a plugin reads").
local M = {}

--- Whether `years` (a member's 周岁 on the assessment date) lies in `range`, a parameter's
--- { from =, to = } with both ends included (16 to 60 takes 16 and 60).
function M.within(years, range)
  return years >= range.from and years <= range.to
end

--- Whether `grade` (a member's 残疾等级, 1 to 4; nil without a disability) is one of `grades`,
--- a parameter's list of grades.
function M.graded(grade, grades)
  if grade == nil then return false end
  for _, listed in ipairs(grades) do
    if grade == listed then return true end
  end
  return false
end

dixian.export('member_status', M)
