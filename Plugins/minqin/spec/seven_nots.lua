-- 七不消 (seed 003 附件2 二.14, 二.15, and the national criteria of guards/seven_nots.lua): the guard
-- on risk elimination.
local stable = {
  monitored_kind = 'marginal',
  members = { { age = 45 }, { age = 44, sex = 'female' } },
  incomes = { { year = 2023, wage = 26000, operating = 4000 } },
  survey = {},
  episodes = { { reported_on = '2023-03-01', identified_on = '2023-03-10', risk_types = { 'illness' } } },
  plans = { { made_on = '2023-03-15', adjusted_on = '2024-03-20' } },
}

dixian.spec('a household stably above the line with every guarantee met may be eliminated', {
  as_of = '2024-06-30', household = stable, guard = 'eliminate', refused = false,
})

dixian.spec('a household with no one able to work is refused: it stays monitored', {
  as_of = '2024-06-30',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 80, labor_capacity = 'none' }, { age = 78, sex = 'female', labor_capacity = 'none' } },
    incomes = { { year = 2023, transfer = 20000 } },
    survey = {},
    plans = { { made_on = '2023-03-15' } },
  },
  guard = 'eliminate', refused = true, reasons = { '整户无劳动能力' },
})

dixian.spec('7799 yuan per capita in 2023 is refused: income not above the 7800 line', {
  as_of = '2024-06-30',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 45 }, { age = 44, sex = 'female' } },
    incomes = { { year = 2023, wage = 15598 } },
    survey = {},
    plans = { { made_on = '2023-03-15' } },
  },
  guard = 'eliminate', refused = true, reasons = { '未超过监测范围' },
})

dixian.spec('unsafe housing and a dropout are refused with both reasons', {
  as_of = '2024-06-30',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 45 }, { age = 13, school_stage = 'junior-secondary', school_status = 'dropped-out' } },
    incomes = { { year = 2023, wage = 30000 } },
    survey = { safe_housing = false },
    plans = { { made_on = '2023-03-15' } },
  },
  guard = 'eliminate', refused = true, reasons = { '住房安全未保障', '辍学' },
})

-- The stable household with `changes` (NONE leaves a field out).
local NONE = {}
local function stable_but(changes)
  local h = {}
  for key, value in pairs(stable) do h[key] = value end
  for key, value in pairs(changes) do
    if value == NONE then h[key] = nil else h[key] = value end
  end
  return h
end

-- "No plan" means no plan for THIS episode: a plan of an earlier, eliminated episode does not count.
local two_episodes = {
  { id = 1, reported_on = '2021-03-01', identified_on = '2021-03-10', status = 'eliminated', eliminated_on = '2022-05-01', risk_types = { 'illness' } },
  { id = 2, reported_on = '2024-02-01', identified_on = '2024-02-10', risk_types = { 'accident' } },
}

dixian.spec('a plan made for an earlier episode is no plan for this one: refused', {
  as_of = '2024-06-30',
  household = stable_but { episodes = two_episodes, plans = { { episode_id = 1, made_on = '2021-03-15' } } },
  guard = 'eliminate', refused = true, reasons = { '未制定"一户一策"帮扶计划' },
})

dixian.spec('a plan made for this episode: allowed', {
  as_of = '2024-06-30',
  household = stable_but { episodes = two_episodes,
    plans = { { episode_id = 1, made_on = '2021-03-15' }, { episode_id = 2, made_on = '2024-02-15' } } },
  guard = 'eliminate', refused = false,
})

dixian.spec('a new risk labelled after the plan, the plan not adjusted since: refused (不存在新增风险)', {
  as_of = '2024-06-30',
  household = stable_but {
    episodes = { { id = 1, reported_on = '2024-02-01', identified_on = '2024-02-10', risk_types = { 'illness', 'housing' },
      steps = { { transition = 'approve', taken_on = '2024-02-10', risk_types = { 'illness' } },
                { transition = 'relabel', taken_on = '2024-05-20', risk_types = { 'housing' } } } } },
    plans = { { episode_id = 1, made_on = '2024-02-15' } },
  },
  guard = 'eliminate', refused = true, reasons = { '新增风险' },
})

dixian.spec('medical and education spending above the net income: refused (刚性支出不可控)', {
  as_of = '2024-06-30',
  household = stable_but { incomes = { { year = 2023, wage = 20000, medical_spending = 18000, education_spending = 3000 } } },
  guard = 'eliminate', refused = true, reasons = { '刚性支出' },
})

dixian.spec('no 两不愁三保障 survey: refused, the guarantees cannot be confirmed', {
  as_of = '2024-06-30',
  household = stable_but { survey = NONE },
  guard = 'eliminate', refused = true, reasons = { '核查记录' },
})
