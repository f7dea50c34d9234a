-- Yanchi's own values. Seed 001 names the 红黄绿 grading but gives none of its thresholds; every
-- value here is a county parameter, not a figure from the seeds.

-- The monitoring line from 2021 is set here, from the region's notice of each year (see
-- ningxia/parameters.lua): no public source gives Ningxia's figures, so until the county enters
-- them a run after 2020 stops naming this file. Add one entry a year, e.g.
--   { from = '2024-01-01', value = <元>, source = '<文件名、文号或网址>' },
dixian.parameter('monitoring_line', {
  override = true,
  title = '监测标准（盐池县执行自治区当年度防止返贫监测范围）',
  unit = '元',
  source = '宁党发〔2021〕15号名词解释2、3（2019—2020年参考值5000元）；2021年起按自治区当年度通知',
  values = {
    { from = '2019-01-01', value = 5000, source = '宁党发〔2021〕15号名词解释2、3（2019—2020年参考值）' },
    { from = '2021-01-01', unset = '盐池县2021年起的监测标准未设定：请按自治区当年度防止返贫监测范围通知（县乡村振兴局转发件），在 Plugins/yanchi/parameters.lua 的 monitoring_line 中逐年填写数值和来源' },
  },
})

-- A sharper reading of 收入大幅缩减 than the region's 30% (ningxia/parameters.lua): Yanchi
-- overrides this one parameter and nothing else of the region's rules.
dixian.parameter('income_drop_share', {
  override = true,
  title = '收入大幅缩减的幅度（盐池县）',
  source = '县级参数；宁党发〔2021〕15号未给出幅度',
  value = 0.2,
})

dixian.parameter('grading', {
  title = '"红黄绿"分级标准',
  source = '宁党发〔2021〕15号 (四) 提出“红黄绿”分级；分级标准由县里设定',
  value = {
    -- 黄色预警: income above the line but less than this share above it.
    yellow_margin = 0.2,
  },
})
