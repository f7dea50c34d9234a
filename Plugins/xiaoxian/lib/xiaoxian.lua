-- Helpers shared by Xiao County's checks, checklist and report.
local X = {}
local member_status = dixian.import('member_status')

--- The group of the asset checks, which the self-inspection report counts as assets.
X.ASSET_GROUP = '项目资产'

--- The names of the members for which `test(member)` holds, joined with 、.
function X.names(h, test)
  local list = {}
  for _, member in ipairs(h.members) do
    if test(member) then list[#list + 1] = member.name end
  end
  return table.concat(list, '、')
end

--- The 大排查 (parameter `inspections`) whose field stage holds the date, or else the latest
--- one of the date's year that began before it; nil when none.
function X.inspection(ctx)
  local found
  for _, window in ipairs(ctx.params.inspections) do
    if tonumber(window.from:sub(1, 4)) == ctx.year and not ctx.before(window.from)
        and (found == nil or window.from > found.from) then
      found = window
    end
  end
  return found
end

--- The income year a rule judges: the year the 大排查 of the date assesses (seed 002 二(十三):
--- 核查所有脱贫户及监测对象2021年度家庭人均纯收入), or, outside one, the last complete year.
function X.assessed_year(ctx)
  local inspection = X.inspection(ctx)
  return inspection and inspection.year or ctx.year - 1
end

--- Whether the asset is a 光伏帮扶电站 (seed 002 二(八)): its project names one of the words
--- of the parameter solar_words (the ledger has no asset type).
function X.solar(asset, ctx)
  for _, word in ipairs(ctx.params.solar_words) do
    if asset.project:find(word, 1, true) then return true end
  end
  return false
end

local COMPULSORY_STAGES = { primary = true, ['junior-secondary'] = true }

--- Why member p is a 失学辍学 child of compulsory age (seed 002 二(五)), or nil: 辍学 when
--- they dropped out of primary or junior secondary school, 未入学 when they have no school
--- stage (or only preschool) and are too young to have finished compulsory education; a child
--- who cannot study for physical reasons (除身体原因不具备学习条件外) is excepted. The one
--- definition of the check and of the 入户排查台账's 是否失学辍学.
function X.out_of_school(p, ctx)
  if not member_status.within(p.age, ctx.params.compulsory_school_ages) then return nil end
  if member_status.graded(p.disability_grade, ctx.params.unable_to_study_grades) then return nil end
  if p.school_status == 'dropped-out' and COMPULSORY_STAGES[p.school_stage] then return '辍学' end
  if (p.school_stage == nil or p.school_stage == 'preschool') and p.age < ctx.params.compulsory_completion_age then
    return '未入学'
  end
end

return X
