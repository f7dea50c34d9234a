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
  source = '宁党发〔2021〕15号名词解释2、3：低于国家扶贫标准1.5倍左右（2019—2020年参考值5000元）',
  values = {
    { from = '2019-01-01', value = 5000, source = '宁党发〔2021〕15号名词解释2、3（2019—2020年参考值）' },
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
  source = '宁党发〔2021〕15号名词解释2、3：界定月份的上年月份至当年上一月为一个年收入计算周期',
  value = 12,
})

dixian.parameter('income_drop_share', {
  title = '收入大幅缩减的幅度',
  source = '宁党发〔2021〕15号名词解释2⑤、3③只说“收入大幅缩减”，未给出幅度；本幅度由县里设定，非文件规定',
  value = 0.3,
})

dixian.parameter('rigid_spending_factor', {
  title = '刚性支出明显超过上年度收入的倍数',
  source = '宁党发〔2021〕15号名词解释2⑤、3③只说“明显超过”，未给出倍数；取1.0即超过即算，非文件规定',
  value = 1.0,
})

dixian.parameter('medical_burden_share', {
  title = '医疗个人自费开支较大（占家庭纯收入的比例）',
  source = '宁党发〔2021〕15号名词解释3①只说“个人自费开支较大”，未给出比例；本比例由县里设定，非文件规定',
  value = 0.3,
})

dixian.parameter('college_students', {
  title = '供养全日制普通高校在校生人数',
  source = '宁党发〔2021〕15号名词解释3②：家庭供养2个及以上全日制普通高校在校生（含高职学生）',
  value = 2,
})

dixian.parameter('stable_work_months', {
  title = '务工稳定的月数',
  source = '宁党发〔2021〕15号名词解释2①只说“就业不稳”，未给出月数；本月数由县里设定，非文件规定',
  value = 6,
})

dixian.parameter('stable_industry_years', {
  title = '稳定增收产业：连续有经营性收入的年数',
  source = '宁党发〔2021〕15号 (六) 只说“至少有一项稳定增收产业”，未给出年数；取2年（评估前两年），由县里设定，非文件规定',
  value = 2,
})

dixian.parameter('recent_event_days', {
  title = '近期遭遇灾害或突发事件（天）',
  source = '宁党农发〔2021〕7号 二(一)“查损补失”要求及时排查，未给出期限；本天数由县里设定，非文件规定',
  value = 365,
})

dixian.parameter('follow_up_visit_days', {
  title = '监测户定期跟踪回访的间隔（天）',
  source = '宁党发〔2021〕15号 (四)：县乡村干部定期跟踪回访；(八)：定期核查。文件未给出周期：90天（每季度一次）由县里设定，非文件规定',
  value = 90,
})

dixian.parameter('yearly_check_categories', {
  title = '集中全面查补每年入户的农户类别',
  source = '宁党农发〔2021〕7号 三(四)：每年至少定期开展一次集中全面查补。入户的农户类别由县里设定：默认脱贫户和监测户（一般户由台账筛查覆盖）',
  value = { 'lifted', 'monitored' },
})

dixian.parameter('elimination_rules', {
  title = '风险稳定消除的条件（风险消除前核对）',
  source = '宁党发〔2021〕15号 (四)：对已稳定消除风险的退出监测帮扶；宁党农发〔2021〕7号 二(二)3：对返贫致贫风险已稳定消除的对象，按照程序消除风险。两份文件未列出消除条件；各项条件取自两份文件其他条款，县里可逐项关闭',
  value = {
    income_above_line = true,   -- 收入稳定超过监测标准（seed 001 名词解释2、3）
    guarantees_met = true,      -- "两不愁三保障"及饮水安全有保障（seed 001 (四)、(五)）
    plan_in_place = true,       -- 本次监测制定了"一户一策"帮扶方案（seed 000 二(二)3）
  },
})

dixian.parameter('labour_ages', {
  title = '劳动力年龄',
  unit = '周岁',
  source = '宁党发〔2021〕15号名词解释2①、⑥、3④及(六)只说“劳动力”“主要劳动力”“有劳动能力”，未给出年龄；16至60周岁由县里设定，非文件规定',
  value = { from = 16, to = 60 },
})

dixian.parameter('compulsory_school_ages', {
  title = '义务教育阶段适龄儿童、少年年龄',
  unit = '周岁',
  source = '宁党发〔2021〕15号 (五)“义务教育阶段适龄儿童少年”、宁党农发〔2021〕7号 二(二)2“义务教育控辍保学”均未给出年龄；6至15周岁由县里设定，非文件规定',
  value = { from = 6, to = 15 },
})

dixian.parameter('unable_to_study_grades', {
  title = '身体原因不具备学习条件的残疾等级',
  source = '宁党发〔2021〕15号 (五)“除身体原因不具备学习条件外”，未说明哪些儿童；取一、二级（重度）残疾，由县里设定，非文件规定',
  value = { 1, 2 },
})

dixian.parameter('unable_to_study_serious_illness', {
  title = '患大病重病视为身体原因不具备学习条件',
  source = '宁党发〔2021〕15号 (五)“除身体原因不具备学习条件外”，未说明哪些儿童；患大病重病的儿童视为身体原因，由县里设定，非文件规定',
  value = true,
})

dixian.parameter('loan_review_days', {
  title = '小额信贷到期前风险评估的提前天数',
  unit = '天',
  source = '宁党农发〔2021〕7号 二(二)3 只说“贷款到期前开展风险评估”，未给出提前多少天；30天由县里设定，非文件规定',
  value = 30,
})
