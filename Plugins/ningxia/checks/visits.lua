-- 定期跟踪回访 (seed 001 (四)：完善农户主动申请、部门信息比对、县乡村干部定期跟踪回访相结合的……
-- 动态管理与核查机制): a monitored household is visited every `follow_up_visit_days` from its
-- identification. The same clock gives `dixian due` its item (deadlines/visits.lua).
local N = require('lib.ningxia')

dixian.check {
  id = 'ningxia.follow-up-visit',
  title = '监测户未定期跟踪回访',
  group = '监测帮扶',
  severity = 'medium',
  source = '宁党发〔2021〕15号 (四)：县乡村干部定期跟踪回访；(八)：县、乡、村对农村低收入人口开展定期核查',
  run = function(h, ctx)
    local due, since = N.next_visit(h, ctx)
    if due == nil or not ctx.after(due) then return nil end
    return string.format('%s后%d天内未跟踪回访（应于%s前回访）', since, ctx.params.follow_up_visit_days, due)
  end,
}
