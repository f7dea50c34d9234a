-- 六必访、六必查走访清单: seed 003 附件2 二.9 names six kinds of household to visit (六必访) and
-- six to check (六必查). The list has a row for every household on either list, the reason
-- under its own column (the members it concerns, or 是), and the visit's columns for the
-- visitor; 单亲 is read from the members' relations (lib/minqin.lua M.single_parents).
local m = require('lib.minqin')

local household = dixian.import('household_columns')
local VISIT, CHECK = '六必访', '六必查（未纳入监测户）'

local function names(list) return list and table.concat(list, '、') or nil end

dixian.checklist {
  id = 'six-musts-visit-list',
  title = '“六必访”“六必查”走访清单',
  source = '民农领发〔2024〕9号附件2 二.9：坚持"六必访"……开展"六必查"',
  -- The seed shows no form: the county's sign-off line; landscape, for its 22 columns.
  sign_off = dixian.import('sign_off'),
  orientation = 'landscape',
  columns = household.append(household.columns(), {
    { key = 'helper', title = '帮扶责任人' },
    { key = 'serious', title = '大病重病患者', group = VISIT },
    { key = 'chronic', title = '负担较重的慢性病患者', group = VISIT },
    { key = 'disabled', title = '重度残疾人', group = VISIT },
    { key = 'left_behind', title = '留守老人妇女儿童', group = VISIT },
    { key = 'frail', title = '单亲和失能老年人', group = VISIT },
    { key = 'event', title = '遭遇重大变故和自然灾害', group = VISIT },
    { key = 'allowance', title = '农村低保和特困供养对象', group = CHECK },
    { key = 'hospital', title = '有病人住院家庭', group = CHECK },
    { key = 'students', title = '供养高中和大专学生家庭', group = CHECK },
    { key = 'disabled_family', title = '残疾人家庭', group = CHECK },
    { key = 'accident', title = '突发意外家庭', group = CHECK },
    { key = 'complaint', title = '有投诉举报情况的农户', group = CHECK },
    { key = 'visited_on', title = '走访日期', group = '走访核查情况' },
    { key = 'visitor', title = '走访人', group = '走访核查情况' },
    { key = 'conclusion', title = '核查结论（是否纳入监测）', group = '走访核查情况', width = 20 },
  }),
  row = function(h, ctx)
    local visit, check = m.six_must_visit(h, ctx), m.six_must_check(h, ctx)
    if not (visit or check) then return nil end
    local row = household.row(h, ctx)
    row.helper = h.helper
    if visit then
      row.serious, row.chronic, row.disabled = names(visit.serious), names(visit.chronic), names(visit.disabled)
      row.left_behind = visit.left_behind and '是' or nil
      local frail = {}
      for _, name in ipairs(visit.single_parents or {}) do frail[#frail + 1] = name .. '（单亲）' end
      for _, name in ipairs(visit.frail or {}) do frail[#frail + 1] = name end
      row.frail = #frail > 0 and table.concat(frail, '、') or nil
      row.event = visit.event and visit.event.reported_on or nil
    end
    if check then
      local kinds = {}
      if check.allowance then kinds[#kinds + 1] = '低保' end
      if check.support then kinds[#kinds + 1] = '特困供养' end
      row.allowance = #kinds > 0 and table.concat(kinds, '、') or nil
      row.students, row.disabled_family = names(check.students), names(check.disabled)
      row.accident = names(check.accidents)
      row.hospital = names(check.hospital)
      row.complaint = names(check.complaints)
    end
    return row
  end,
}
