-- 七不消: seed 003 附件2 二.14 (坚持"七不消"……严格按照入户核实、民主评议和公示、村级评议、县级审核批准和
-- 公告等程序标注风险消除) names the rule but not its seven items; they are county policy. The items
-- below are the ones the seed and the national rules behind it state (DOMAIN.md, "National rules"):
-- no-labor households stay monitored (seed 003 二.15), income must be stably above the line
-- (二.3), the guarantees and drinking water must be secured, rigid spending must be under
-- control, and help must be in place (一户一策, 二.12). Each item can be switched off or
-- reworded by a county through the parameter below.
local m = require('lib.minqin')

dixian.parameter('seven_nots', {
  title = '七不消（风险消除的否决条件）',
  source = 'seed 003 附件2 二.14 names the rule; the items are county parameters',
  value = {
    no_labor = true,            -- 整户无劳动能力的，不消（seed 003 二.15）
    income_below_line = true,   -- 收入未稳定超过监测范围的，不消（seed 003 二.3）
    guarantee_unmet = true,     -- "两不愁三保障"及饮水安全未保障的，不消
    dropout = true,             -- 有义务教育阶段辍学的，不消
    uninsured = true,           -- 有成员未参加基本医疗保险的，不消
    rigid_spending = true,      -- 刚性支出超过纯收入的，不消
    no_plan = true,             -- 未制定"一户一策"帮扶计划的，不消（seed 003 二.12）
  },
})

dixian.guard {
  id = 'minqin.seven-nots',
  title = '七不消',
  transition = 'eliminate',
  source = 'seed 003 附件2 二.14、二.15',
  run = function(h, ctx)
    local rule = ctx.params.seven_nots
    local reasons = {}
    if rule.no_labor and h.no_member_able_to_work then
      reasons[#reasons + 1] = '整户无劳动能力，暂不标注消除风险，持续跟踪监测'
    end
    local income = m.last_year_income(h, ctx)
    if rule.income_below_line then
      if income == nil or income.per_capita == nil then
        reasons[#reasons + 1] = '没有上一年度收入记录，无法确认收入稳定超过监测范围'
      elseif income.per_capita < ctx.params.monitoring_line then
        reasons[#reasons + 1] = string.format('%d年人均纯收入%s，未超过监测范围%s',
          income.year, m.yuan(income.per_capita), m.yuan(ctx.params.monitoring_line))
      end
    end
    local survey = h.survey
    if rule.guarantee_unmet then
      if survey == nil then
        reasons[#reasons + 1] = '没有"两不愁三保障"核查记录'
      else
        local unmet = {}
        if not survey.food_and_clothing then unmet[#unmet + 1] = '吃穿' end
        if not survey.compulsory_education then unmet[#unmet + 1] = '义务教育' end
        if not survey.basic_medical then unmet[#unmet + 1] = '基本医疗' end
        if not survey.safe_housing then unmet[#unmet + 1] = '住房安全' end
        if not (survey.water_quantity and survey.water_quality) then unmet[#unmet + 1] = '饮水安全' end
        if #unmet > 0 then reasons[#reasons + 1] = table.concat(unmet, '、') .. '未保障' end
      end
    end
    if rule.dropout then
      local dropouts = m.names(h, function(p) return p.school_status == 'dropped-out' and p.age >= 6 and p.age <= 15 end)
      if dropouts ~= '' then reasons[#reasons + 1] = '义务教育阶段辍学（' .. dropouts .. '）' end
    end
    if rule.uninsured then
      local uninsured = m.names(h, function(p) return not p.medical_insurance end)
      if uninsured ~= '' then reasons[#reasons + 1] = '未参加基本医疗保险（' .. uninsured .. '）' end
    end
    if rule.rigid_spending and income and income.medical_spending + income.education_spending > income.net then
      reasons[#reasons + 1] = string.format('%d年医疗、教育刚性支出%s，超过家庭纯收入%s', income.year,
        m.yuan(income.medical_spending + income.education_spending), m.yuan(income.net))
    end
    if rule.no_plan and #h.plans == 0 then
      reasons[#reasons + 1] = '未制定"一户一策"帮扶计划'
    end
    return reasons
  end,
}
