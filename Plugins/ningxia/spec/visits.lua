-- 定期跟踪回访 (seed 001 (四)) every 90 days from identification, and the yearly 集中全面查补
-- (seed 000 三(四)).
local function monitored(visits)
  return {
    monitored_kind = 'unstable', helper = '王帮扶',
    members = { { age = 45, local_work = true } }, incomes = { { year = 2019, wage = 40000 } },
    episodes = { { reported_on = '2020-01-02', identified_on = '2020-01-10', risk_types = { 'illness' } } },
    plans = { { made_on = '2020-01-15' } },
    visits = visits,
  }
end

dixian.spec('identified on 10 January and never visited: the visit was due on 9 April', {
  as_of = '2020-06-15', household = monitored({}),
  findings = { 'ningxia.follow-up-visit' },
  due = { { id = 'ningxia.follow-up-visit', due_on = '2020-04-09' } },
})

dixian.spec('visited on 20 March: the next visit is due on 18 June, not yet overdue', {
  as_of = '2020-06-15', household = monitored({ { visited_on = '2020-03-20', role = 'helper' } }),
  excludes = { 'ningxia.follow-up-visit' },
  due = { { id = 'ningxia.follow-up-visit', due_on = '2020-06-18' } },
})

dixian.spec('visited on 17 March: 90 days end on 15 June, the assessment day itself, not overdue', {
  as_of = '2020-06-15', household = monitored({ { visited_on = '2020-03-17', role = 'helper' } }),
  excludes = { 'ningxia.follow-up-visit' },
})

dixian.spec('visited on 16 March: the visit was due on 14 June and is overdue', {
  as_of = '2020-06-15', household = monitored({ { visited_on = '2020-03-16', role = 'village-cadre' } }),
  findings = { 'ningxia.follow-up-visit' },
})

dixian.spec('集中全面查补: a lifted household not visited in 2020 owes it by 31 December', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = { { age = 45, local_work = true } }, incomes = { { year = 2019, wage = 40000 } },
                visits = { { visited_on = '2019-11-20', role = 'village-cadre' } } },
  due = { { id = 'ningxia.yearly-check', due_on = '2020-12-31' } },
})

dixian.spec('集中全面查补: visited in March 2020; its episode eliminated, so no follow-up visit is owed either', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = { { age = 45, local_work = true } }, incomes = { { year = 2019, wage = 40000 } },
                episodes = { { reported_on = '2019-03-01', identified_on = '2019-03-10', eliminated_on = '2019-12-20',
                               status = 'eliminated', risk_types = { 'illness' } } },
                visits = { { visited_on = '2020-03-05', role = 'helper' } } },
  due = {},
})

dixian.spec('集中全面查补: a general household is not on the list by default', {
  as_of = '2020-06-15',
  household = { members = { { age = 45, local_work = true } }, incomes = { { year = 2019, wage = 40000 } } },
  due = {},
})
