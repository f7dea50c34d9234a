-- A village's disaster recorded in the places (places.csv 受灾日期, 受灾情况): 二.1 自然灾害 for
-- 脱贫人口 and 边缘易致贫户, and 三.1's 近期遭受洪涝灾害的村屯 for every 帮扶户.

local function in_village(category, disaster_on, disaster, extra)
  local household = {
    category = category, members = { { age = 45 } }, incomes = { { year = 2020, wage = 30000 } },
    village_name = '新华村', village_disaster_on = disaster_on, village_disaster = disaster,
  }
  for key, value in pairs(extra or {}) do household[key] = value end
  return household
end

dixian.spec('三.1: a 脱贫户 of a village flooded in August is on the list, and 二.1 自然灾害 names the village', {
  as_of = '2021-09-19',
  household = in_village('lifted', '2021-08-02', '暴雨洪涝'),
  findings = { 'binxian.natural-disaster', 'binxian.flooded-village' },
  messages = {
    ['binxian.natural-disaster'] = '所在村（新华村）2021-08-02遭受暴雨洪涝，应逐户逐项摸排收入、受灾情况',
    ['binxian.flooded-village'] = '所在村（新华村）2021-08-02遭受暴雨洪涝：逐户、逐项摸排收入、受灾等情况',
  },
})

dixian.spec('三.1: a 突发严重困难户 of the flooded village is a 帮扶户 on the list, though outside 二.1\'s risk points', {
  as_of = '2021-09-19',
  household = in_village('monitored', '2021-08-02', '暴雨洪涝', { monitored_kind = 'sudden-hardship' }),
  includes = { 'binxian.flooded-village' },
  excludes = { 'binxian.natural-disaster' },
})

dixian.spec('三.1: a general household of the flooded village is no 帮扶户: on neither', {
  as_of = '2021-09-19',
  household = in_village('general', '2021-08-02', '暴雨洪涝'),
  excludes = { 'binxian.flooded-village', 'binxian.natural-disaster' },
})

dixian.spec('二.1: a village hit by drought is a 自然灾害 risk point, but not a 洪涝 village', {
  as_of = '2021-09-19',
  household = in_village('lifted', '2021-07-10', '干旱'),
  includes = { 'binxian.natural-disaster' },
  excludes = { 'binxian.flooded-village' },
  messages = { ['binxian.natural-disaster'] = '所在村（新华村）2021-07-10遭受干旱' },
})

dixian.spec('a flood recorded for a day after the assessment date is not known on it', {
  as_of = '2021-09-19',
  household = in_village('lifted', '2021-09-20', '洪涝'),
  excludes = { 'binxian.flooded-village', 'binxian.natural-disaster' },
})

for _, case in ipairs({ { '2019-12-31', false }, { '2020-01-01', true } }) do
  local on, recent = case[1], case[2]
  local spec = { as_of = '2021-09-19', household = in_village('lifted', on, '洪涝') }
  spec[recent and 'includes' or 'excludes'] = { 'binxian.flooded-village', 'binxian.natural-disaster' }
  dixian.spec(string.format('近期 (recent_event_years 1): a flood of %s is %s', on, recent and 'recent' or 'not recent'), spec)
end
