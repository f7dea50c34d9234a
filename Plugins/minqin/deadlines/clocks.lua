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

-- The last day of the assessment date's month and quarter.
local function month_end(ctx)
  return dixian.date.add_days(dixian.date.add_months(string.format('%04d-%02d-01', ctx.year, ctx.month), 1), -1)
end

local function quarter_bounds(ctx)
  local first_month = ctx.month - (ctx.month - 1) % 3
  local first = string.format('%04d-%02d-01', ctx.year, first_month)
  return first, dixian.date.add_days(dixian.date.add_months(first, 3), -1)
end

dixian.deadline {
  id = 'minqin.visits',
  title = '入户走访',
  responsible = '驻村工作队',
  source = 'seed 003 附件1 二.5：每月对"三类户"和低保户、残疾人、留守老人妇女儿童等困难群众开展1次走访；二.8：监测户的帮扶责任人每季度至少开展1次入户走访',
  description = 'The monthly visits of the resident team and the quarterly visits of monitored households\' helpers; '
    .. 'the quarterly visits to lifted-out and general households are every household of the county and are not listed.',
  run = function(h, ctx)
    local rule = ctx.params.visit_frequency
    local monthly = m.set(rule.resident_team_monthly)
    local disabled = false
    for _, member in ipairs(h.members) do
      if member.disability_grade then disabled = true end
    end
    local items = {}
    local month_first = string.format('%04d-%02d-01', ctx.year, ctx.month)
    if (monthly.monitored and m.open_episode(h)) or (monthly.minimum_living_allowance and h.minimum_living_allowance)
        or (monthly.disability and disabled) or (monthly.left_behind and h.left_behind) then
      if not m.visited(h, 'resident-team', month_first, month_end(ctx)) then
        items[#items + 1] = { due_on = month_end(ctx), message = '驻村工作队本月走访（每月1次）' }
      end
    end
    if m.set(rule.helper_quarterly).monitored and m.open_episode(h) then
      local first, last = quarter_bounds(ctx)
      if not m.visited(h, 'helper', first, last) then
        items[#items + 1] = { due_on = last, responsible = '帮扶责任人', person = h.helper,
          message = '帮扶责任人本季度入户走访（每季度至少1次）' }
      end
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
