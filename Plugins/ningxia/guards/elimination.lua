-- 风险消除: seed 001 (四) "对已稳定消除风险的退出监测帮扶" and seed 000 二(二)3 "对返贫致贫风险已
-- 稳定消除的对象，按照程序消除风险". The seeds name no list of conditions; the guard refuses an
-- elimination while what the seeds themselves ask for is not there: income above the line
-- (名词解释2、3), 两不愁三保障 and drinking water secured (seed 001 (四)(五)), and an 一户一策
-- plan for this episode (seed 000 二(二)3). Each is a switch of `elimination_rules`.
local N = require('lib.ningxia')

dixian.guard {
  id = 'ningxia.stable-elimination',
  title = '风险稳定消除方可退出监测',
  transition = 'eliminate',
  source = '宁党发〔2021〕15号 (四)：对已稳定消除风险的退出监测帮扶；宁党农发〔2021〕7号 二(二)3：对返贫致贫风险已稳定消除的对象，按照程序消除风险',
  run = function(h, ctx)
    local rules = ctx.params.elimination_rules
    local reasons = {}
    if rules.income_above_line then
      local income, basis = N.income(h, ctx)
      if income == nil then
        reasons[#reasons + 1] = '没有收入记录，无法确认收入稳定超过监测标准'
      elseif income < ctx.params.monitoring_line then
        reasons[#reasons + 1] = string.format('%s家庭人均可支配收入%.0f元，未超过监测标准%.0f元', basis, income, ctx.params.monitoring_line)
      end
    end
    if rules.guarantees_met then
      if h.survey == nil then
        reasons[#reasons + 1] = '没有"两不愁三保障"及饮水安全核查记录'
      else
        local unmet = N.unmet_guarantees(h.survey)
        if #unmet > 0 then reasons[#reasons + 1] = table.concat(unmet, '、') .. '未保障' end
      end
    end
    if rules.plan_in_place then
      local episode = N.open_episode(h)
      if episode and #N.plans_of(h, episode) == 0 then
        reasons[#reasons + 1] = '本次监测未制定"一户一策"帮扶方案，帮扶措施未落实'
      end
    end
    if #reasons > 0 then return reasons end
  end,
}
