-- What `dixian due` lists for Minqin: the clocks of seed 003 附件2 二.4 (一键报贫; 接诉即办, with
-- the county's limit) and 二.12 (一户一策), the visit duties of 附件1 二.5 and 二.8 and 正文三(三)11,
-- 回头看 after elimination (正文三(一)1, 二.15, naming the loans still owed), the fourth quarter's
-- yearly update (二.16), and the monthly duties of 附件2 二.6 and 二.16. The clocks, visits and
-- complaints are counted in lib/minqin.lua, where the checks that flag them overdue read them too.
local m = require('lib.minqin')
local loan_status = dixian.import('loan_status')

dixian.deadline {
  id = 'minqin.self-report',
  title = '一键报贫办理时限',
  responsible = '乡镇人民政府',
  source = '民农领发〔2024〕9号附件2 二.4：自农户申报日起5天内完成家庭状况核查；核查完成后5个工作日内反馈；5个工作日内完成审批；不超过15天',
  description = 'The open clocks of each 一键报贫, and (with done_on) the steps done after their due dates in the year of the date.',
  run = function(h, ctx) return m.self_report_items(h, ctx) end,
}

dixian.deadline {
  id = 'minqin.plan',
  title = '一户一策帮扶计划制定和年度调整',
  responsible = '乡镇人民政府',
  source = '民农领发〔2024〕9号附件2 二.12：识别认定或风险标注10日内完成制定；风险未消除的，3月底前完成年度动态调整',
  run = function(h, ctx) return m.clocks(h, ctx, 'plan') end,
}

dixian.deadline {
  id = 'minqin.visits',
  title = '入户走访',
  responsible = '驻村工作队',
  source = '民农领发〔2024〕9号附件1 二.5：每月对帮扶村"三类户"和低保户、残疾人、留守老人妇女儿童等困难群众开展1次走访，'
    .. '每季度对脱贫户、一般户开展1次走访；二.8：监测户的帮扶责任人每季度至少开展1次入户走访；正文三(三)11：帮扶干部每季度至少入户走访1次',
  run = function(h, ctx) return m.visit_items(h, ctx) end,
}

dixian.deadline {
  id = 'minqin.complaint',
  title = '群众申诉投诉办结时限（接诉即办）',
  responsible = '乡镇人民政府',
  source = '民农领发〔2024〕9号附件2 二.4：强化群众申诉信息处理，接诉即办、快速响应，切实提升群众满意度',
  description = 'Each complaint about the household open on the date, due complaint_close_days after it was received '
    .. '(the county\'s limit: the seed gives none); a closed complaint is done. The check minqin.complaint-open flags '
    .. 'the same items once overdue.',
  run = function(h, ctx) return m.complaint_items(h, ctx) end,
}

dixian.deadline {
  id = 'minqin.follow-up',
  title = '风险消除后"回头看"',
  responsible = '乡镇人民政府',
  source = '民农领发〔2024〕9号正文三(一)1：定期对已消除风险的监测对象开展"回头看"，确保风险稳定消除；附件2 二.15：对已消除风险的监测对象，适时开展"回头看"'
    .. '……继续落实好已享受但尚未到期的小额信贷……等存在一定时间周期的帮扶措施和政策',
  description = 'A household whose latest episode is eliminated owes a 回头看 (a follow-up step) every '
    .. 'follow_up_months months after the elimination or the last 回头看. The item names the microcredit loans '
    .. 'borrowed on or before the elimination and not repaid on the assessment date, for the cadre to check that '
    .. 'they go on (附件2 二.15: 继续落实好已享受但尚未到期的小额信贷).',
  run = function(h, ctx)
    local episode = m.latest_episode(h)
    if episode == nil or episode.status ~= 'eliminated' or episode.eliminated_on == nil then return nil end
    local last = episode.eliminated_on
    for _, step in ipairs(episode.steps) do
      if step.transition == 'follow-up' and step.taken_on > last then last = step.taken_on end
    end
    local months = ctx.params.follow_up_months
    local message = string.format('%s风险消除，最近一次"回头看"或消除于%s，每%d个月开展"回头看"', episode.eliminated_on, last, months)
    local loans = {}
    for _, loan in ipairs(h.loans) do
      if loan.borrowed_on <= episode.eliminated_on and loan_status.outstanding(loan, ctx) then
        loans[#loans + 1] = string.format('%s，%s到期%s', loan_status.describe(loan), loan.due_on,
          loan_status.overdue(loan, ctx) and '，已逾期未还' or '')
      end
    end
    if #loans > 0 then
      message = message .. '；核实已享受但尚未到期的小额信贷是否继续落实（' .. table.concat(loans, '；') .. '）'
    end
    return { due_on = dixian.date.add_months(last, months), message = message }
  end,
}

dixian.deadline {
  id = 'minqin.yearly-update',
  title = '第四季度年度信息更新和收入采集',
  responsible = '乡镇人民政府',
  source = '民农领发〔2024〕9号附件2 二.16：第四季度，结合脱贫人口年度基础信息调整，对已消除风险的监测对象基础信息进行年度更新，'
    .. '做好脱贫人口和监测对象收入采集录入工作',
  description = 'From 1 October, each 脱贫户, 监测户 and household whose risk was eliminated without the year\'s income '
    .. 'recorded owes it by 31 December.',
  run = function(h, ctx)
    if ctx.month < 10 then return nil end
    local latest = m.latest_episode(h)
    local eliminated = latest ~= nil and latest.status == 'eliminated'
    if not (h.category == 'lifted' or h.category == 'monitored' or eliminated) then return nil end
    if h.incomes[ctx.year] ~= nil then return nil end
    return { due_on = string.format('%04d-12-31', ctx.year),
      message = string.format('第四季度完成%d年度基础信息更新和收入采集录入（与农户"面对面"算账，应统尽统）', ctx.year) }
  end,
}

dixian.duty {
  id = 'minqin.department-warnings',
  title = '相关行业部门推送预警信息',
  responsible = '相关行业部门',
  day = 28,
  source = '民农领发〔2024〕9号附件2 二.6：相关行业部门每月28日向县农业农村局推送一次预警信息',
}

dixian.duty {
  id = 'minqin.dynamic-management',
  title = '防返贫监测系统动态管理（新识别、人员增减、风险消除标注、再标注）',
  responsible = '乡镇人民政府',
  day = 31,
  source = '民农领发〔2024〕9号附件2 二.16：每月下旬对全国防返贫监测和衔接推进乡村振兴系统开展一次新识别、人员增减、风险消除标注、风险再标注等动态管理工作',
}

dixian.duty {
  id = 'minqin.send-back-report',
  title = '清退、回退监测对象书面报市农业农村局审核',
  responsible = '县农业农村局',
  day = 25,
  source = '民农领发〔2024〕9号附件2 二.16：对需开展清退、回退监测对象的，每月25日前以书面形式报市农业农村局审核',
}

dixian.duty {
  id = 'minqin.monthly-report',
  title = '识别、消除情况报市农业农村局备案',
  responsible = '县农业农村局',
  day = 30,
  source = '民农领发〔2024〕9号附件2 二.16：每月30日前将识别、消除情况报市农业农村局备案',
}

dixian.duty {
  id = 'minqin.team-leader-meeting',
  title = '驻村工作队长工作例会',
  responsible = '镇驻村工作队总队长',
  day = 31,
  source = '民农领发〔2024〕9号附件1 三.16：镇驻村工作队总队长，每月至少召开1次驻村工作队长工作例会',
}
