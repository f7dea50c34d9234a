-- Yanchi's own values. Seed 001 names the 红黄绿 grading but gives none of its thresholds; every
-- value here is a county parameter, not a figure from the seeds.

-- A sharper reading of 收入大幅缩减 than the region's 30% (ningxia/parameters.lua): Yanchi
-- overrides this one parameter and nothing else of the region's rules.
dixian.parameter('income_drop_share', {
  override = true,
  title = '收入大幅缩减的幅度（盐池县）',
  source = 'county parameter; seed 001 gives no figure',
  value = 0.2,
})

dixian.parameter('grading', {
  title = '"红黄绿"分级标准',
  source = 'seed 001 (四) names the grading; the thresholds are county parameters',
  value = {
    -- 黄色预警: income above the line but less than this share above it.
    yellow_margin = 0.2,
  },
})
