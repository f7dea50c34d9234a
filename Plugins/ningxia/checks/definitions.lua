-- 脱贫不稳定户 and 边缘易致贫户 by their definitions (seed 001, 名词解释2 and 3). Households that fit
-- and are not monitored are the 漏统 of 四查四补 (seed 000 二(二)1), hence the group.
local N = require('lib.ningxia')

dixian.check {
  id = 'ningxia.unstable',
  title = '符合脱贫不稳定户界定标准、尚未纳入监测',
  group = '查漏补缺·漏统',
  risk_types = { 'other' },
  severity = 'high',
  source = '宁党发〔2021〕15号名词解释2；宁党农发〔2021〕7号 二(二)1',
  run = function(h, ctx)
    if h.category ~= 'lifted' then return nil end
    local income, basis = N.income(h, ctx)
    if income == nil or income >= ctx.params.monitoring_line then return nil end
    local factors = N.unstable_factors(h, ctx)
    if #factors == 0 then return nil end
    return string.format('脱贫户%s家庭人均可支配收入%.0f元，低于监测标准%.0f元，且存在：%s；应纳入脱贫不稳定户监测',
      basis, income, ctx.params.monitoring_line, table.concat(factors, '；'))
  end,
}

dixian.check {
  id = 'ningxia.marginal',
  title = '符合边缘易致贫户界定标准、尚未纳入监测',
  group = '查漏补缺·漏统',
  risk_types = { 'other' },
  severity = 'high',
  source = '宁党发〔2021〕15号名词解释3；宁党农发〔2021〕7号 二(二)1',
  run = function(h, ctx)
    if h.category ~= 'general' then return nil end
    local income, basis = N.income(h, ctx)
    if income == nil or income >= ctx.params.monitoring_line then return nil end
    local factors = N.marginal_factors(h, ctx)
    if #factors == 0 then return nil end
    return string.format('%s家庭人均可支配收入%.0f元，低于监测标准%.0f元，正常生产生活有困难且存在：%s；应纳入边缘易致贫户监测',
      basis, income, ctx.params.monitoring_line, table.concat(factors, '；'))
  end,
}

dixian.check {
  id = 'ningxia.income-window-incomplete',
  title = '滚动12个月收入记录不全',
  -- A gap in the data, not one of the 四漏 problems of seed 000 二(二): its group is outside the
  -- four families, so the 四查四补 ledger and summary leave it out.
  group = '数据核查',
  severity = 'low',
  source = '宁党发〔2021〕15号名词解释2、3：界定月份的上年月份至当年上一月为一个年收入计算周期',
  description = 'Households with some but not all monthly incomes of the window: they are judged on last year instead.',
  run = function(h, ctx)
    local _, found, first, last = N.window(h, ctx)
    if found > 0 and found < ctx.params.income_window_months then
      return string.format('%s至%s只有%d个月的收入记录，应补齐后按滚动12个月口径研判', first, last, found)
    end
  end,
}
