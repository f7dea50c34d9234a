-- 查损补失 (seed 000 二(一)): the households of a village hit by a disaster, to be checked.

local function in_village(category, disaster_on, disaster)
  return {
    category = category, members = { { age = 45 } }, incomes = { { year = 2019, wage = 30000 } },
    village_name = '王乐井村', village_disaster_on = disaster_on, village_disaster = disaster,
  }
end

dixian.spec('查损补失: a general household of a village hit by hail in July is listed to be checked', {
  as_of = '2020-09-30',
  household = in_village('general', '2020-07-15', '冰雹'),
  includes = { 'ningxia.disaster-village' },
  messages = { ['ningxia.disaster-village'] = '所在村（王乐井村）2020-07-15遭受冰雹：逐户排查受灾损失' },
})

dixian.spec('查损补失: a 脱贫户 of the village is listed too', {
  as_of = '2020-09-30',
  household = in_village('lifted', '2020-07-15', '冰雹'),
  includes = { 'ningxia.disaster-village' },
})

dixian.spec('查损补失: a household already monitored is not listed again', {
  as_of = '2020-09-30',
  household = (function()
    local h = in_village('monitored', '2020-07-15', '冰雹')
    h.monitored_kind = 'marginal'
    return h
  end)(),
  excludes = { 'ningxia.disaster-village' },
})

for _, case in ipairs({ { '2019-10-01', true }, { '2019-09-30', false } }) do
  local on, listed = case[1], case[2]
  local spec = { as_of = '2020-09-30', household = in_village('general', on, '暴雨洪涝') }
  spec[listed and 'includes' or 'excludes'] = { 'ningxia.disaster-village' }
  dixian.spec(string.format('查损补失: a disaster of %s is %s (recent_event_days 365)', on, listed and 'recent' or 'too old'), spec)
end

dixian.spec('查损补失: a disaster recorded for a day after the assessment date is not known on it', {
  as_of = '2020-09-30',
  household = in_village('general', '2020-10-02', '暴雨洪涝'),
  excludes = { 'ningxia.disaster-village' },
})
