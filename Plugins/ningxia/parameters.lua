-- Ningxia's parameters. "seed 001" is 宁党发〔2021〕15号 (its glossary 《实施意见》相关名词解释);
-- "seed 000" is 宁党农发〔2021〕7号.

-- The line after 2020: Ningxia sets it each year (seed 001 (四)：适时优化调整监测标准) in a
-- notice of the region's 党委农村工作领导小组办公室 / 乡村振兴局 (since 2024 农业农村厅) on that
-- year's 防止返贫监测范围. No such notice could be found in public sources (searched December
-- 2026 for 宁夏 防止返贫监测范围/监测标准 2021–2026), so each year is unset with the document to
-- take it from; the national guidance quoted is context, not Ningxia's figure. A county sets the
-- year's line in its own parameters.lua (Yanchi: Plugins/yanchi/parameters.lua).
local function line_unset(year, guidance)
  return string.format('宁夏%d年度防止返贫监测范围未见公开文件：请按自治区党委农办（乡村振兴局、农业农村厅）印发的%d年度防止返贫监测范围通知，在县级插件 parameters.lua 中以 override 设定 monitoring_line（%s）',
    year, year, guidance)
end

dixian.parameter('monitoring_line', {
  title = '监测标准（家庭人均可支配收入，国家扶贫标准1.5倍左右）',
  unit = '元',
  source = 'seed 001 名词解释2、3：低于国家扶贫标准1.5倍左右（2019—2020年参考值5000元）',
  values = {
    { from = '2019-01-01', value = 5000, source = 'seed 001 名词解释2、3（2019—2020年参考值）' },
    { from = '2021-01-01', unset = line_unset(2021, '全国指导约6000元') },
    { from = '2022-01-01', unset = line_unset(2022, '全国指导6300元') },
    { from = '2023-01-01', unset = line_unset(2023, '全国指导6900—7000元') },
    { from = '2024-01-01', unset = line_unset(2024, '全国指导7400—7800元，由各省区确定') },
    { from = '2025-01-01', unset = line_unset(2025, '按当年通知') },
    { from = '2026-01-01', unset = line_unset(2026, '按当年通知') },
  },
})

dixian.parameter('income_window_months', {
  title = '年收入计算周期（月）',
  source = 'seed 001 名词解释2、3：界定月份的上年月份至当年上一月为一个年收入计算周期',
  value = 12,
})

dixian.parameter('income_drop_share', {
  title = '收入大幅缩减的幅度',
  source = 'seed 001 名词解释2⑤、3③ say 收入大幅缩减 without a figure; a parameter, not from the seed',
  value = 0.3,
})

dixian.parameter('rigid_spending_factor', {
  title = '刚性支出明显超过上年度收入的倍数',
  source = 'seed 001 名词解释2⑤、3③ say 明显超过 without a figure; 1.0 counts any excess. Not from the seed',
  value = 1.0,
})

dixian.parameter('medical_burden_share', {
  title = '医疗个人自费开支较大（占家庭纯收入的比例）',
  source = 'seed 001 名词解释3① says 个人自费开支较大 without a figure; a parameter, not from the seed',
  value = 0.3,
})

dixian.parameter('college_students', {
  title = '供养全日制普通高校在校生人数',
  source = 'seed 001 名词解释3②：家庭供养2个及以上全日制普通高校在校生（含高职学生）',
  value = 2,
})

dixian.parameter('stable_work_months', {
  title = '务工稳定的月数',
  source = 'seed 001 名词解释2① says 就业不稳 without a figure; a parameter, not from the seed',
  value = 6,
})

dixian.parameter('recent_event_days', {
  title = '近期遭遇灾害或突发事件（天）',
  source = 'seed 000 二(一) 查损补失 asks for timely checks without a period; a parameter, not from the seed',
  value = 365,
})
