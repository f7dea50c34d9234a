-- 七不消: seed 003 附件2 二.14 (坚持"七不消"，对返贫致贫风险已经稳定消除，且不存在新增返贫致贫风险的，
-- 严格按照入户核实、民主评议和公示、村级评议、县级审核批准和公告等程序标注风险消除) names the rule but
-- not its seven items, and no public source lists Minqin's seven. What is encoded below is only
-- what public rules state about when risk may not be marked eliminated, each item a switch the
-- county sets in the parameter `seven_nots`:
--   income_above_line  收入稳定超过当年监测范围: the national criterion, as announced by counties
--                      (http://www.cxs.gov.cn/info/egovinfo/1016/xxgkcontent/cxs046-/2024-1230004.htm:
--                      "收入稳定超过当年监测范围、“三保障”和饮水安全持续巩固……且不存在新增返贫致贫风险的，
--                      按程序标注风险消除"); the line is seed 003 二.3's.
--   guarantees         "两不愁三保障"及饮水安全持续巩固: the same source, and Hainan's answer on the
--                      national rule (hainan.gov.cn, "对收入不稳定、刚性支出不可控、“两不愁三保障”未解决
--                      的监测对象，不得标注消除风险"). What counts as unmet is lib/minqin.lua's
--                      M.unmet_guarantees, the one the all-year check minqin.guarantee-unmet reads.
--   rigid_spending     刚性支出不可控: the Hainan source above. Reading it as "the last year's medical
--                      and education spending above the household's net income" is the county's
--                      own choice (no public source gives a measure).
--   no_labor           无劳动能力的，落实社会保障措施后，暂不标注"风险消除"，持续跟踪监测: the Hainan
--                      source above, and seed 003 二.15 (对整户无劳动能力的监测对象暂不标注消除风险).
--   no_new_risk        不存在新增返贫致贫风险: seed 003 二.14 itself and the cxs.gov.cn source. A new
--                      risk is one labelled on the episode (再标注, relabel) after its latest
--                      一户一策 plan or adjustment: the registry shows no other new risk.
--   plan_in_place      帮扶措施落实: a 一户一策 plan for THIS episode (seed 003 二.12: 对所有监测对象
--                      制定"一户一策"帮扶计划); a plan of an earlier episode does not count.
--   stable_months      收入持续稳定 over a period: the county's own choice, off (false) here. A
--                      county that sets a number N (枞阳县 sets half a year: "收入持续稳定(原则上不得
--                      低于半年)", https://zongyang.gov.cn/openness/OpennessContent/show/913795.html)
--                      needs each of the N months before the assessment month recorded in the monthly
--                      incomes, each at or above a twelfth of the line per head.
local m = require('lib.minqin')

dixian.parameter('seven_nots', {
  title = '七不消（风险消除的否决条件）',
  source = '民农领发〔2024〕9号附件2 二.14 提出“七不消”；各项条件取自公开的规定（见插件 guards/seven_nots.lua）',
  value = {
    income_above_line = true,
    guarantees = true,
    rigid_spending = true,
    no_labor = true,
    no_new_risk = true,
    plan_in_place = true,
    stable_months = false,
  },
})

-- Whether each of the `months` months before the assessment month has a monthly income of at
-- least a twelfth of the line per head; the first month that fails, or nil.
local function unstable_month(h, ctx, months, line)
  local by_month = {}
  for _, record in ipairs(h.monthly_incomes) do
    by_month[string.format('%04d-%02d', record.year, record.month)] = record.net
  end
  local first = string.format('%04d-%02d-01', ctx.year, ctx.month)
  for back = 1, months do
    local key = dixian.date.add_months(first, -back):sub(1, 7)
    local net = by_month[key]
    if net == nil or net * 12 / h.size < line then return key end
  end
  return nil
end

dixian.guard {
  id = 'minqin.seven-nots',
  title = '七不消',
  transition = 'eliminate',
  source = '民农领发〔2024〕9号附件2 二.14、二.15；国家风险消除标准（见插件 guards/seven_nots.lua）',
  run = function(h, ctx)
    local rule = ctx.params.seven_nots
    local reasons = {}
    local line = ctx.params.monitoring_line
    if rule.no_labor and h.no_member_able_to_work then
      reasons[#reasons + 1] = '整户无劳动能力，暂不标注消除风险，持续跟踪监测'
    end
    local income = m.last_year_income(h, ctx)
    if rule.income_above_line then
      if income == nil or income.per_capita == nil then
        reasons[#reasons + 1] = '没有上一年度收入记录，无法确认收入稳定超过监测范围'
      elseif income.per_capita < line then
        reasons[#reasons + 1] = string.format('%d年人均纯收入%s，未超过监测范围%s',
          income.year, m.yuan(income.per_capita), m.yuan(line))
      end
    end
    if rule.stable_months then
      local month = unstable_month(h, ctx, rule.stable_months, line)
      if month then
        reasons[#reasons + 1] = string.format('%s月收入未记录或按人均折年低于监测范围%s，收入未持续稳定%d个月',
          month, m.yuan(line), rule.stable_months)
      end
    end
    if rule.guarantees then
      if h.survey == nil then reasons[#reasons + 1] = '没有"两不愁三保障"核查记录' end
      for _, u in ipairs(m.unmet_guarantees(h, ctx)) do reasons[#reasons + 1] = u.what end
    end
    if rule.rigid_spending and income and income.medical_spending + income.education_spending > income.net then
      reasons[#reasons + 1] = string.format('%d年医疗、教育刚性支出%s，超过家庭纯收入%s', income.year,
        m.yuan(income.medical_spending + income.education_spending), m.yuan(income.net))
    end
    local episode = m.open_episode(h)
    if episode and (rule.plan_in_place or rule.no_new_risk) then
      local latest_plan
      for _, plan in ipairs(h.plans) do
        if m.plan_of(plan, episode) then
          local touched = plan.adjusted_on or plan.made_on
          if latest_plan == nil or touched > latest_plan then latest_plan = touched end
        end
      end
      if rule.plan_in_place and latest_plan == nil then
        reasons[#reasons + 1] = string.format('本次监测（%s识别）未制定"一户一策"帮扶计划', episode.identified_on or episode.reported_on)
      end
      local relabel = m.latest_step(episode, 'relabel')
      if rule.no_new_risk and relabel and latest_plan and relabel.taken_on > latest_plan then
        reasons[#reasons + 1] = string.format('%s再标注新增风险，帮扶计划尚未调整（%s），新增风险未消除', relabel.taken_on, latest_plan)
      end
    end
    return reasons
  end,
}
