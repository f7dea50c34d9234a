-- 大排查 二(六) 防止返贫监测和帮扶方面 (seed 002): of its items the registry holds the helper
-- assigned to each household. 跟踪走访 has no frequency in the seed, and 应纳未纳 needs Anhui's
-- line (parameter monitoring_line, unset): see docs/rules.md.

dixian.check {
  id = 'xiaoxian.no-helper',
  title = '脱贫户或监测对象未安排帮扶责任人',
  group = '防止返贫监测和帮扶',
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(六)：脱贫户和监测对象帮扶责任人是否安排到位',
  run = function(h, ctx)
    if h.category ~= 'general' and h.helper == nil then return '未安排帮扶责任人' end
  end,
}
