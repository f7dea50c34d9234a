-- 跟踪走访 (seed 002 二(六)): a 脱贫户 or 监测户 is visited within follow_up_visit_days (90, the
-- county's interval: the seed gives none) of its last visit or its identification for monitoring.
local steady = { { year = 2020, wage = 30000 }, { year = 2021, wage = 32000 } }
local function lifted(visits)
  return { category = 'lifted', helper = '吴帮扶', members = { { age = 50 } }, incomes = steady, visits = visits }
end

dixian.spec('a lifted-out household never visited', {
  as_of = '2021-12-20',
  household = lifted({}),
  findings = { 'xiaoxian.no-follow-up-visit' },
  messages = { ['xiaoxian.no-follow-up-visit'] = '无乡村基层干部、驻村工作队或帮扶责任人跟踪走访的记录' },
})

dixian.spec('visited by the resident team on 1 October: the next visit is due by 30 December', {
  as_of = '2021-12-20',
  household = lifted({ { visited_on = '2021-10-01', role = 'resident-team' } }),
  excludes = { 'xiaoxian.no-follow-up-visit' },
})

dixian.spec('visited on 21 September: 90 days end on 20 December, the assessment day itself, not overdue', {
  as_of = '2021-12-20',
  household = lifted({ { visited_on = '2021-06-01', role = 'helper' }, { visited_on = '2021-09-21', role = 'township-staff' } }),
  excludes = { 'xiaoxian.no-follow-up-visit' },
})

dixian.spec('last visited on 20 September: the visit was due by 19 December', {
  as_of = '2021-12-20',
  household = lifted({ { visited_on = '2021-09-20', role = 'village-cadre' } }),
  findings = { 'xiaoxian.no-follow-up-visit' },
  messages = { ['xiaoxian.no-follow-up-visit'] = '最近一次走访2021-09-20后90天内未跟踪走访（应于2021-12-19前走访）' },
})

dixian.spec('a household identified for monitoring on 1 November and not yet visited is within its 90 days', {
  as_of = '2021-12-20',
  household = {
    monitored_kind = 'marginal', helper = '吴帮扶', members = { { age = 50 } }, incomes = steady,
    episodes = { { reported_on = '2021-10-25', identified_on = '2021-11-01', risk_types = { 'illness' } } },
  },
  excludes = { 'xiaoxian.no-follow-up-visit' },
})

dixian.spec('a household identified on 1 June and never visited since', {
  as_of = '2021-12-20',
  household = {
    monitored_kind = 'unstable', helper = '吴帮扶', members = { { age = 50 } }, incomes = steady,
    episodes = { { reported_on = '2021-05-20', identified_on = '2021-06-01', risk_types = { 'illness' } } },
    visits = { { visited_on = '2021-03-01', role = 'helper' } },
  },
  findings = { 'xiaoxian.no-follow-up-visit' },
  messages = { ['xiaoxian.no-follow-up-visit'] = '2021-06-01识别纳入监测后90天内未跟踪走访（应于2021-08-30前走访）' },
})

dixian.spec('a general household is outside 跟踪走访', {
  as_of = '2021-12-20',
  household = { members = { { age = 50 } }, incomes = steady },
  excludes = { 'xiaoxian.no-follow-up-visit' },
})
