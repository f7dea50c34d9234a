-- Identification and monitoring checks. seed 003 附件2 二.4 (一键报贫, open and done late;
-- 接诉即办), 二.12 (一户一策), 二.15 (识别超过两年), 附件1 二.5 and 二.8, 正文三(三)11 (visit frequencies).
local m = require('lib.minqin')
local days = dixian.date.days_between

-- The clocks, visit duties and complaints are counted in lib/minqin.lua (M.clocks,
-- M.visit_items, M.complaint_items), the same ones `dixian due` lists (deadlines/clocks.lua):
-- a check flags exactly the deadline items that are overdue.
local function overdue(items, ctx)
  if items == nil then return nil end
  local findings
  for _, item in ipairs(items) do
    if ctx.after(item.due_on) then
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
  source = '民农领发〔2024〕9号附件2 二.4：5天内完成家庭状况核查；5个工作日内反馈；5个工作日内完成审批；从申报到认定不超过15天',
  run = function(h, ctx)
    return overdue(m.clocks(h, ctx, 'self-report'), ctx)
  end,
}

dixian.check {
  id = 'minqin.self-report-late',
  title = '一键报贫核查、反馈或认定超期办结',
  group = '识别认定',
  severity = 'medium',
  source = '民农领发〔2024〕9号附件2 二.4：5天内完成家庭状况核查，坚决防止逾期情况发生；5个工作日内反馈；5个工作日内完成审批；从申报到认定不超过15天',
  description = 'A 一键报贫 step done after its due date (the clock of lib/minqin.lua, as the due list counts it), '
    .. 'done in the year of the assessment date: the work points are the year\'s (the window is the plugin\'s choice).',
  run = function(h, ctx)
    if #h.episodes == 0 then return nil end
    local findings
    for _, stage in ipairs(m.late_self_report_steps(h, ctx, m.late_since(ctx))) do
      findings = findings or {}
      findings[#findings + 1] = string.format('逾期%d天办结（应于%s前，%s办结）：%s',
        days(stage.due_on, stage.done_on), stage.due_on, stage.done_on, stage.message)
    end
    return findings
  end,
}

dixian.check {
  id = 'minqin.plan-missing',
  title = '一户一策帮扶计划未按时制定或调整',
  group = '帮扶措施',
  severity = 'high',
  source = '民农领发〔2024〕9号附件2 二.12：识别认定或风险标注10日内完成"一户一策"帮扶计划制定；风险未消除的监测对象，3月底前完成年度动态调整',
  run = function(h, ctx)
    return overdue(m.clocks(h, ctx, 'plan'), ctx)
  end,
}

dixian.check {
  id = 'minqin.identified-over-two-years',
  title = '识别超过两年尚未消除风险',
  group = '风险消除',
  severity = 'medium',
  source = '民农领发〔2024〕9号附件2 二.15：对识别超过两年未消除风险的监测对象，镇村逐户建立管理台账，深入剖析问题症结',
  run = function(h, ctx)
    local episode = m.open_episode(h)
    if episode == nil or episode.identified_on == nil then return nil end
    local years = ctx.params.identification_review_years
    local limit = dixian.date.add_months(episode.identified_on, 12 * years)
    if ctx.after(limit) then
      return string.format('%s识别认定，超过%d年尚未消除风险，应建立管理台账、剖析症结、调整帮扶措施',
        episode.identified_on, years)
    end
  end,
}

dixian.check {
  id = 'minqin.visit-frequency',
  title = '走访频次不足',
  group = '帮扶措施',
  severity = 'low',
  source = '民农领发〔2024〕9号附件1 二.5：驻村工作队每月对"三类户"开展1次走访，每季度对脱贫户、一般户开展1次走访；'
    .. '二.8：监测户的帮扶责任人每季度至少开展1次入户走访；正文三(三)11：帮扶干部每季度至少入户走访1次',
  description = 'The visits of the last month or quarter the due list (deadline minqin.visits) shows overdue, from the '
    .. 'same parameters (visit_frequency, resident_team_villages), for the households visit_frequency.checked names.',
  run = function(h, ctx)
    if not m.visits_checked(h, ctx) then return nil end
    return overdue(m.visit_items(h, ctx), ctx)
  end,
}

dixian.check {
  id = 'minqin.complaint-open',
  title = '群众申诉投诉超期未办结',
  group = '风险排查',
  severity = 'medium',
  source = '民农领发〔2024〕9号附件2 二.4：强化群众申诉信息处理，接诉即办、快速响应，切实提升群众满意度',
  description = 'The overdue items of the deadline minqin.complaint (lib/minqin.lua M.complaint_items): a complaint about '
    .. 'the household still open on the assessment date (not closed, or closed later) more than complaint_close_days '
    .. 'days after it was received. The seed gives no time limit: the parameter is the county\'s choice, and the '
    .. 'message calls it the county\'s (本县办结时限).',
  run = function(h, ctx)
    return overdue(m.complaint_items(h, ctx), ctx)
  end,
}
