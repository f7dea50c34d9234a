-- What `dixian due` lists for Minqin: the clocks of seed 003 附件2 二.4 (一键报贫) and 二.12
-- (一户一策), the visit duties of 附件1 二.5 and 二.8, and the monthly duties of 附件2 二.6 and
-- 二.16. The clocks are counted in lib/minqin.lua, where the checks that flag them overdue
-- read them too.
local m = require('lib.minqin')

dixian.deadline {
  id = 'minqin.self-report',
  title = '一键报贫办理时限',
  responsible = '乡镇人民政府',
  source = 'seed 003 附件2 二.4：自农户申报日起5天内完成家庭状况核查；核查完成后5个工作日内反馈；5个工作日内完成审批；不超过15天',
  run = function(h, ctx) return m.clocks(h, ctx, 'self-report') end,
}

dixian.deadline {
  id = 'minqin.plan',
  title = '一户一策帮扶计划制定和年度调整',
  responsible = '乡镇人民政府',
  source = 'seed 003 附件2 二.12：识别认定或风险标注10日内完成制定；风险未消除的，3月底前完成年度动态调整',
  run = function(h, ctx) return m.clocks(h, ctx, 'plan') end,
}

-- The first and last day of the period of `months` months (1 or 3) holding the assessment
-- date, and of the period before it.
local period_cache = {}  -- by assessment date and length: the same for every household of a run

local function periods(ctx, months)
  local key = ctx.as_of .. months
  local cached = period_cache[key]
  if cached == nil then
    local first = string.format('%04d-%02d-01', ctx.year, ctx.month - (ctx.month - 1) % months)
    cached = { first, dixian.date.add_days(dixian.date.add_months(first, months), -1),
               dixian.date.add_months(first, -months), dixian.date.add_days(first, -1) }
    period_cache[key] = cached
  end
  return cached[1], cached[2], cached[3], cached[4]
end

-- The visits `role` owes the household every `months` months: the last period's if it was
-- missed (overdue since its last day), and the current one's (due on its last day).
local function visit_items(h, ctx, role, months, items, responsible, person)
  local first, last, previous_first, previous_last = periods(ctx, months)
  local who = role == 'helper' and '帮扶责任人' or '驻村工作队'
  local every = months == 1 and '每月1次' or '每季度1次'
  if not m.visited(h, role, previous_first, previous_last) then
    items[#items + 1] = { due_on = previous_last, responsible = responsible, person = person,
      message = string.format('%s%s至%s未走访（%s）', who, previous_first, previous_last, every) }
  end
  if not m.visited(h, role, first, last) then
    items[#items + 1] = { due_on = last, responsible = responsible, person = person,
      message = string.format('%s%s至%s走访（%s）', who, first, last, every) }
  end
end

dixian.deadline {
  id = 'minqin.visits',
  title = '入户走访',
  responsible = '驻村工作队',
  source = 'seed 003 附件1 二.5：每月对帮扶村"三类户"和低保户、残疾人、留守老人妇女儿童等困难群众开展1次走访，'
    .. '每季度对脱贫户、一般户开展1次走访；二.8：监测户的帮扶责任人每季度至少开展1次入户走访',
  run = function(h, ctx)
    local rule = ctx.params.visit_frequency
    local villages = ctx.params.resident_team_villages
    local items = {}
    local team = villages.all
    if not team then
      for _, code in ipairs(villages) do
        if code == h.village then team = true break end
      end
    end
    local monitored = m.open_episode(h) ~= nil
    if team then
      local monthly, quarterly = m.set(rule.resident_team_monthly), m.set(rule.resident_team_quarterly)
      local disabled = false
      for _, member in ipairs(h.members) do
        if member.disability_grade then disabled = true break end
      end
      if (monthly.monitored and monitored) or (monthly.minimum_living_allowance and h.minimum_living_allowance)
          or (monthly.disability and disabled) or (monthly.left_behind and h.left_behind) then
        visit_items(h, ctx, 'resident-team', 1, items)
      elseif quarterly[h.category] then
        visit_items(h, ctx, 'resident-team', 3, items)
      end
    end
    if m.set(rule.helper_quarterly).monitored and monitored then
      visit_items(h, ctx, 'helper', 3, items, '帮扶责任人', h.helper)
    end
    return items
  end,
}

dixian.duty {
  id = 'minqin.department-warnings',
  title = '相关行业部门推送预警信息',
  responsible = '相关行业部门',
  day = 28,
  source = 'seed 003 附件2 二.6：相关行业部门每月28日向县农业农村局推送一次预警信息',
}

dixian.duty {
  id = 'minqin.send-back-report',
  title = '清退、回退监测对象书面报市农业农村局审核',
  responsible = '县农业农村局',
  day = 25,
  source = 'seed 003 附件2 二.16：对需开展清退、回退监测对象的，每月25日前以书面形式报市农业农村局审核',
}

dixian.duty {
  id = 'minqin.monthly-report',
  title = '识别、消除情况报市农业农村局备案',
  responsible = '县农业农村局',
  day = 30,
  source = 'seed 003 附件2 二.16：每月30日前将识别、消除情况报市农业农村局备案',
}
