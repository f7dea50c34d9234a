-- 查弱补强 (seed 000 二(四)1) for 脱贫人口和防止返贫监测对象: 兜底 for households that cannot live
-- from work (with seed 001 (九)), and wage and operating income that stopped growing.
local N = require('lib.ningxia')

local in_scope = N.lifted_or_monitored

dixian.check {
  id = 'ningxia.safety-net',
  title = '无劳动能力或无法通过产业就业获得稳定收入、未纳入低保或特困供养',
  group = '查弱补强',
  risk_types = { 'lack-of-labor' },
  severity = 'high',
  source = '宁党发〔2021〕15号 (九)：对脱贫人口中完全丧失劳动能力或部分丧失劳动能力且无法通过产业就业获得稳定收入的人口，按规定纳入农村低保或特困人员救助供养范围；宁党农发〔2021〕7号 二(四)1：对无劳动能力的……做好兜底保障',
  run = function(h, ctx)
    if not in_scope(h) or h.minimum_living_allowance or h.extreme_poverty_support then return nil end
    if h.no_member_able_to_work then
      return '整户无劳动能力，未纳入农村低保或特困人员救助供养，应按规定兜底保障'
    end
    for _, p in ipairs(h.members) do
      if p.labor_capacity == 'full' or N.stably_employed(p, ctx) then return nil end
    end
    if N.stable_industry(h, ctx) then return nil end
    return '家庭成员均完全或部分丧失劳动能力，无人稳定就业、没有稳定产业收入，未纳入农村低保或特困人员救助供养，应按规定兜底保障'
  end,
}

dixian.check {
  id = 'ningxia.income-growth',
  title = '工资性、经营性收入增收乏力',
  group = '查弱补强',
  risk_types = { 'unstable-employment' },
  severity = 'low',
  source = '宁党农发〔2021〕7号 二(四)1：排查解决脱贫人口和防止返贫监测对象（含移民）收入水平不高问题。重点关注经营性收入、工资性收入增收乏力',
  description = 'Wage and operating income of last year no higher than the year before (both recorded); 宁党农发〔2021〕7号 gives no figure, so any growth counts as growth.',
  run = function(h, ctx)
    if not in_scope(h) then return nil end
    local now, before = N.earned(h, ctx.year - 1), N.earned(h, ctx.year - 2)
    if now == nil or before == nil or before <= 0 or now > before then return nil end
    return string.format('%d年工资性和经营性收入%.0f元，未比%d年的%.0f元增长', ctx.year - 1, now, ctx.year - 2, before)
  end,
}
