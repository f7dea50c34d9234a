-- 后评估的常态化问题排查 (seed 004 五.3): "对脱贫户、边缘易致贫户收入下降、“三保障”和饮水安全、
-- 防止返贫动态监测和帮扶等重点问题，要持续开展找短板、查弱项，实施常态化问题排查和整改". Income falls
-- are the risk points of checks/income_risks.lua; this check reads the latest 两不愁三保障 survey.
-- 脱贫户 here are 脱贫人口 as in B.in_scope (the 脱贫不稳定户 among the monitored included).
local B = require('lib.binxian')

-- The survey's answers and the gap each names when it is no.
local ITEMS = {
  { 'food_and_clothing', '吃穿' },
  { 'compulsory_education', '义务教育' },
  { 'basic_medical', '基本医疗' },
  { 'safe_housing', '住房安全' },
  { 'water_quantity', '饮水水量' },
  { 'water_quality', '饮水水质' },
}

dixian.check {
  id = 'binxian.guarantees-gap',
  title = '后评估重点问题：“两不愁三保障”和饮水安全短板',
  group = '后评估',
  risk_types = { 'other' },
  severity = 'high',
  source = '宾农工组办发〔2021〕33号 五.3：对脱贫户、边缘易致贫户收入下降、“三保障”和饮水安全……实施常态化问题排查和整改',
  run = function(h, ctx)
    local survey = h.survey
    if not B.in_scope(h) or survey == nil then return nil end
    local gaps = {}
    for _, item in ipairs(ITEMS) do
      if not survey[item[1]] then gaps[#gaps + 1] = item[2] end
    end
    if #gaps > 0 then
      return string.format('%s排查：%s未保障，应立查立改', survey.surveyed_on, table.concat(gaps, '、'))
    end
  end,
}
