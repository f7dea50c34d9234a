-- Ningxia's parameters. "seed 001" is 宁党发〔2021〕15号 (its glossary 《实施意见》相关名词解释);
-- "seed 000" is 宁党农发〔2021〕7号.

dixian.parameter('monitoring_line', {
  title = '监测标准（家庭人均可支配收入，国家扶贫标准1.5倍左右）',
  unit = '元',
  source = 'seed 001 名词解释2、3：低于国家扶贫标准1.5倍左右（2019—2020年参考值5000元）',
  values = {
    { from = '2019-01-01', value = 5000, source = 'seed 001 名词解释2、3（2019—2020年参考值）' },
    -- The seeds give no line after 2020. A county sets its year's line by overriding this
    -- parameter; until then screening for 2021 on stops with this message instead of guessing.
    { from = '2021-01-01', unset = '宁党发〔2021〕15号只给出2019—2020年参考值5000元，请在县级插件中设定当年监测标准（国家扶贫标准的1.5倍左右）' },
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
