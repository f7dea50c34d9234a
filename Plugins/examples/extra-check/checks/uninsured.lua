-- One more check for Minqin. Seed 003 正文 3: 持续做好农村低收入人口纳入三重制度保障范围动态全覆盖,
-- 落实基本医保公平普惠保障政策. A monitored or lifted-out member without basic medical insurance
-- is outside the first of the three layers.
dixian.check {
  id = 'minqin-extra.uninsured',
  title = '监测户、脱贫户成员未参加基本医疗保险',
  group = '扩展检查',
  risk_types = { 'illness' },
  severity = 'high',
  source = '民农领发〔2024〕9号 三(一)3：持续做好农村低收入人口纳入三重制度保障范围动态全覆盖',
  run = function(h, ctx)
    if h.category == 'general' then return nil end
    local names = {}
    for _, member in ipairs(h.members) do
      if not member.medical_insurance then names[#names + 1] = member.name end
    end
    if #names > 0 then
      return '未参加基本医疗保险：' .. table.concat(names, '、') .. '，应落实资助参保'
    end
  end,
}
