-- 查损补失 (seed 000 二(一)) for a village a disaster hit: the places record the village's disaster
-- (places.csv 受灾日期, 受灾情况) and each household of it not yet monitored is listed to be
-- checked, as the seed asks of 受到影响的农户. How recent is `recent_event_days`, the county's.

dixian.check {
  id = 'ningxia.disaster-village',
  title = '受灾村农户全面排查名单（尚未纳入监测）',
  list = true,
  group = '查损补失',
  risk_types = { 'natural-disaster' },
  severity = 'medium',
  source = '宁党农发〔2021〕7号 二(一)：及时排查化解水旱灾害、气象灾害……带来的区域性返贫风险……对受到影响的农户进行全面排查，建立台账，及时纳入防止返贫监测帮扶',
  description = 'Every household not monitored of a village with a disaster recorded in the places within '
    .. 'recent_event_days of the assessment date: the seed asks each affected household to be checked and, '
    .. 'where it qualifies, monitored.',
  run = function(h, ctx)
    if h.category == 'monitored' then return nil end
    local on = h.village_disaster_on
    if on ~= nil and ctx.within(on, ctx.params.recent_event_days) then
      return string.format('所在村（%s）%s遭受%s：逐户排查受灾损失，符合条件的及时纳入监测帮扶',
        h.village_name or h.village, on, h.village_disaster ~= '' and h.village_disaster or '灾害')
    end
  end,
}
