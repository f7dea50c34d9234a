-- 六必访 and 六必查: seed 003 附件2 二.9 (严格筛查返贫致贫风险). Who is on each list is decided
-- in lib/minqin.lua (M.six_must_visit, M.six_must_check), shared with the visit list.
local m = require('lib.minqin')

dixian.check {
  id = 'minqin.six-must-visit',
  title = '六必访对象',
  list = true,
  group = '风险排查',
  severity = 'medium',
  source = '民农领发〔2024〕9号附件2 二.9：坚持"六必访"，对大病重病患者、负担较重的慢性病患者、重度残疾人、留守老人妇女儿童、单亲和失能老年人、遭遇重大变故和自然灾害的家庭实行重点排查',
  description = 'One finding per household, its message naming every reason and its risk types those of the reasons '
    .. '(illness, disability, lack of labour, the event\'s own). 单亲 is read from the members\' relations '
    .. '(lib/minqin.lua M.single_parents: a parent with a child under six_must_visit.single_parent_child_age and no spouse in the household).',
  run = function(h, ctx)
    local why = m.six_must_visit(h, ctx)
    if not why then return nil end
    local reasons, risks, seen = {}, {}, {}
    local function reason(text, ...)
      reasons[#reasons + 1] = text
      for _, risk in ipairs({ ... }) do
        if not seen[risk] then seen[risk] = true risks[#risks + 1] = risk end
      end
    end
    if why.serious then reason('大病重病患者（' .. table.concat(why.serious, '、') .. '）', 'illness') end
    if why.chronic then reason('负担较重的慢性病患者（' .. table.concat(why.chronic, '、') .. '）', 'illness') end
    if why.disabled then reason('重度残疾人（' .. table.concat(why.disabled, '、') .. '）', 'disability') end
    if why.left_behind then reason('留守老人妇女儿童', 'other') end
    if why.single_parents then reason('单亲（' .. table.concat(why.single_parents, '、') .. '）', 'other') end
    if why.frail then reason('失能老年人（' .. table.concat(why.frail, '、') .. '）', 'lack-of-labor') end
    if why.event then
      local kinds = {}
      for _, risk in ipairs(why.event.risk_types) do
        if risk == 'natural-disaster' or risk == 'accident' then kinds[#kinds + 1] = risk end
      end
      reason('遭遇重大变故或自然灾害（' .. why.event.reported_on .. '）', table.unpack(kinds))
    end
    return { message = '六必访：' .. table.concat(reasons, '；'), risk_types = risks }
  end,
}

dixian.check {
  id = 'minqin.six-must-check',
  title = '六必查对象（未纳入监测）',
  list = true,
  group = '风险排查',
  severity = 'medium',
  source = '民农领发〔2024〕9号附件2 二.9：开展"六必查"，对农村低保和特困供养对象、有病人住院家庭、供养高中和大专学生家庭、残疾人家庭、突发意外家庭、有投诉举报情况的农户，严格核查认定',
  description = 'Households not monitored. An accident counts for six_must_check.accident_days after it was reported; '
    .. 'a hospital stay while the member is in hospital and six_must_check.hospital_days after the discharge. '
    .. 'A complaint counts while open and six_must_check.complaint_days after it was received.',
  run = function(h, ctx)
    local why = m.six_must_check(h, ctx)
    if not why then return nil end
    local reasons = {}
    if why.allowance then reasons[#reasons + 1] = '农村低保对象' end
    if why.support then reasons[#reasons + 1] = '特困供养对象' end
    if why.hospital then reasons[#reasons + 1] = '有病人住院（' .. table.concat(why.hospital, '、') .. '）' end
    if why.students then reasons[#reasons + 1] = '供养高中和大专学生（' .. table.concat(why.students, '、') .. '）' end
    if why.disabled then reasons[#reasons + 1] = '残疾人家庭（' .. table.concat(why.disabled, '、') .. '）' end
    if why.accidents then
      local list = {}
      for i, day in ipairs(why.accidents) do list[i] = '突发意外（' .. day .. '）' end
      reasons[#reasons + 1] = table.concat(list, '；')
    end
    if why.complaints then reasons[#reasons + 1] = '有投诉举报（' .. table.concat(why.complaints, '、') .. '）' end
    return '六必查：' .. table.concat(reasons, '；') .. '，应严格核查，符合条件的纳入监测'
  end,
}
