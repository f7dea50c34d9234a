-- Identification and monitoring checks. seed 003 附件2 二.4 (一键报贫), 二.12 (一户一策),
-- 二.15 (识别超过两年), 附件1 二.5 and 二.8 (visit frequencies).
local m = require('lib.minqin')
local days = dixian.date.days_between

-- The clocks are counted in lib/minqin.lua (M.clocks), the same ones `dixian due` lists
-- (deadlines/clocks.lua): a check flags exactly the items that are overdue.
local function overdue(h, ctx, which)
  local items = m.clocks(h, ctx, which)
  if items == nil then return nil end
  local findings
  for _, item in ipairs(items) do
    if item.due_on < ctx.as_of then
      findings = findings or {}
      findings[#findings + 1] = string.format('已逾期%d天（应于%s前）：%s', days(item.due_on, ctx.as_of), item.due_on, item.message)
    end
  end
  return findings
end

dixian.check {
  id = 'minqin.self-report-overdue',
  title = '一键报贫超期未核查、未反馈或未认定',
  group = '识别认定',
  risk_types = { 'other' },
  severity = 'high',
  source = 'seed 003 附件2 二.4：5天内完成家庭状况核查；5个工作日内反馈；5个工作日内完成审批；从申报到认定不超过15天',
  run = function(h, ctx)
    return overdue(h, ctx, 'self-report')
  end,
}

dixian.check {
  id = 'minqin.plan-missing',
  title = '一户一策帮扶计划未按时制定或调整',
  group = '帮扶措施',
  severity = 'high',
  source = 'seed 003 附件2 二.12：识别认定或风险标注10日内完成"一户一策"帮扶计划制定；风险未消除的监测对象，3月底前完成年度动态调整',
  run = function(h, ctx)
    return overdue(h, ctx, 'plan')
  end,
}

dixian.check {
  id = 'minqin.identified-over-two-years',
  title = '识别超过两年尚未消除风险',
  group = '风险消除',
  severity = 'medium',
  source = 'seed 003 附件2 二.15：对识别超过两年未消除风险的监测对象，镇村逐户建立管理台账，深入剖析问题症结',
  run = function(h, ctx)
    local episode = m.open_episode(h)
    if episode == nil or episode.identified_on == nil then return nil end
    local years = ctx.params.identification_review_years
    local limit = dixian.date.add_months(episode.identified_on, 12 * years)
    if ctx.as_of > limit then
      return string.format('%s识别认定，超过%d年尚未消除风险，应建立管理台账、剖析症结、调整帮扶措施',
        episode.identified_on, years)
    end
  end,
}

-- The previous full calendar month and quarter before the assessment date, as date ranges.
local function previous_month(ctx)
  local first = string.format('%04d-%02d-01', ctx.year, ctx.month)
  return dixian.date.add_months(first, -1), dixian.date.add_days(first, -1)
end

local function previous_quarter(ctx)
  local quarter_start_month = ctx.month - (ctx.month - 1) % 3
  local first = string.format('%04d-%02d-01', ctx.year, quarter_start_month)
  return dixian.date.add_months(first, -3), dixian.date.add_days(first, -1)
end

dixian.check {
  id = 'minqin.visit-frequency',
  title = '监测户走访频次不足',
  group = '帮扶措施',
  severity = 'low',
  source = 'seed 003 附件1 二.5：驻村工作队每月对"三类户"开展1次走访；二.8：监测户的帮扶责任人每季度至少开展1次入户走访',
  description = 'Monitored households only; the other duties of the visit_frequency parameter are tracked as due dates.',
  run = function(h, ctx)
    if m.open_episode(h) == nil then return nil end
    local findings = {}
    local month_from, month_to = previous_month(ctx)
    if not m.visited(h, 'resident-team', month_from, month_to) then
      findings[#findings + 1] = string.format('驻村工作队%s至%s未走访（"三类户"每月至少走访1次）', month_from, month_to)
    end
    local quarter_from, quarter_to = previous_quarter(ctx)
    if not m.visited(h, 'helper', quarter_from, quarter_to) then
      findings[#findings + 1] = string.format('帮扶责任人%s至%s未入户走访（每季度至少1次）', quarter_from, quarter_to)
    end
    return findings
  end,
}
