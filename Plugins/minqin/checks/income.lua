-- Income checks. seed 003 附件2 二.3 (the line), 二.1–二.2 (incomes that fell).
local m = require('lib.minqin')

dixian.check {
  id = 'minqin.income-below-line',
  title = '家庭年人均纯收入低于监测范围',
  group = '收入监测',
  risk_types = { 'other' },
  severity = 'high',
  source = '民农领发〔2024〕9号附件2 二.3：全县2024年度防止返贫监测范围调整为7800元',
  description = 'A household not yet monitored whose per-capita net income of the last complete year is below the line.',
  run = function(h, ctx)
    if h.category == 'monitored' then return nil end
    local income = m.last_year_income(h, ctx)
    if income == nil or income.per_capita == nil then return nil end
    local line = ctx.params.monitoring_line
    if income.per_capita < line then
      return string.format('%d年家庭人均纯收入%s，低于%d年监测范围%s，应入户核实并按程序研判纳入监测',
        income.year, m.yuan(income.per_capita), ctx.year, m.yuan(line))
    end
  end,
}

--- Whether h counts among 脱贫人口: a 脱贫户, or a 脱贫不稳定户 (a 脱贫户 being monitored).
local function lifted_out(h)
  return h.category == 'lifted' or (h.category == 'monitored' and h.monitored_kind == 'unstable')
end

dixian.check {
  id = 'minqin.income-fell',
  title = '脱贫人口收入不增反降',
  group = '收入监测',
  risk_types = { 'other' },
  severity = 'medium',
  source = '民农领发〔2024〕9号附件2 二.2：紧盯2023年收入不增反降的脱贫人口，逐户健全完善管理台账',
  description = '脱贫人口 (脱贫户 and 脱贫不稳定户) whose per-capita net income of the last complete year is below the year before.',
  run = function(h, ctx)
    if not lifted_out(h) then return nil end
    local now = m.last_year_income(h, ctx)
    if now == nil then return nil end
    local before = h.incomes[now.year - 1]
    if before == nil or now.per_capita == nil or before.per_capita == nil then return nil end
    if now.per_capita < before.per_capita then
      return string.format('%d年家庭人均纯收入%s，比%d年的%s下降%s，应健全管理台账、落实帮扶措施、核实收入变化',
        now.year, m.yuan(now.per_capita), before.year, m.yuan(before.per_capita), m.yuan(before.per_capita - now.per_capita))
    end
  end,
}
