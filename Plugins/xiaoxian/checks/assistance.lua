-- 大排查 二(六) 防止返贫监测和帮扶方面 (seed 002): of its items the registry holds the helper
-- assigned to each household and the visits made to it. The seed gives no frequency of 跟踪走访:
-- the interval is the county's (parameter follow_up_visit_days). 应纳未纳 needs Anhui's line
-- (parameter monitoring_line, unset): see docs/rules.md.

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

--- What the 跟踪走访 clock of a household runs from: its last visit (by any of the roles the
--- seed names: 乡村基层干部, 驻村工作队, 帮扶责任人) or its latest identification for
--- monitoring, whichever is later, in words too; nil when it has neither.
local function last_contact(h)
  local on, since
  for _, visit in ipairs(h.visits) do
    if on == nil or visit.visited_on > on then on, since = visit.visited_on, '最近一次走访' .. visit.visited_on end
  end
  for _, episode in ipairs(h.episodes) do
    local identified = episode.identified_on
    if identified and (on == nil or identified > on) then on, since = identified, identified .. '识别纳入监测' end
  end
  return on, since
end

dixian.check {
  id = 'xiaoxian.no-follow-up-visit',
  title = '脱贫户或监测对象未跟踪走访',
  group = '防止返贫监测和帮扶',
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(六)：乡村基层干部、驻村工作队、帮扶责任人是否开展跟踪走访',
  description = 'A 脱贫户 or 监测户 with no visit within follow_up_visit_days (the county\'s interval; the seed gives none) of its last visit or its identification for monitoring, or with neither recorded.',
  run = function(h, ctx)
    if h.category == 'general' then return nil end
    local days = ctx.params.follow_up_visit_days
    local on, since = last_contact(h)
    if on == nil then return '无乡村基层干部、驻村工作队或帮扶责任人跟踪走访的记录' end
    local due = dixian.date.add_days(on, days)
    if ctx.after(due) then return string.format('%s后%d天内未跟踪走访（应于%s前走访）', since, days, due) end
  end,
}
