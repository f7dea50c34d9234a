-- 后评估 (seed 004 五): "2021年开始，国家、省将每年开展1次巩固拓展脱贫攻坚成果后评估工作".
-- The assessment itself is the state's and the province's; what the county owes is to be ready
-- for it every year ("各乡镇……迅速启动“后评估”和考核准备工作", "提前做好迎评工作", and in 五.5 the
-- archives and records put in order). The seed gives no date and the public sources searched fix
-- none, so "by each year's end, from 2021" is the county's own choice: a county that knows the
-- assessment's date declares this duty again with its day and month (override = true).
-- The day is not a parameter, on purpose: a duty's `day` and `months` are fixed when the plugin
-- loads, and a parameter has a value only for an assessment date (ctx.params), which no duty
-- reads; a parameter here would be one nothing can read. docs/rules.md (seed 004 五) says the
-- date is the county's reading.
dixian.duty {
  id = 'binxian.post-evaluation',
  title = '巩固拓展脱贫攻坚成果后评估和年度考核迎评准备',
  responsible = '各乡镇',
  day = 31,
  months = { 12 },
  from = '2021-01-01',
  source = '宾农工组办发〔2021〕33号 五："2021年开始，国家、省将每年开展1次巩固拓展脱贫攻坚成果后评估工作"；'
    .. '五.1 "各乡镇……迅速启动“后评估”和考核准备工作"',
}
