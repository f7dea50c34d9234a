-- 四查四补问题台账: seed 000 二 asks each family of checks to 排查 households and 建立台账
-- (二(一): "对受到影响的农户进行全面排查，建立台账"). One row per household where the checks found
-- something, the findings under the family they belong to; the 整改 columns are for the
-- township to fill as problems are put right. 查短补齐 (二(三)) is about villages and public
-- services, which the household registry does not hold: its column stays for the county to fill.
local FAMILIES = { '查损补失', '查漏补缺', '查短补齐', '查弱补强' }
local KEYS = { ['查损补失'] = 'losses', ['查漏补缺'] = 'gaps', ['查短补齐'] = 'shortfalls', ['查弱补强'] = 'weaknesses' }
local household = dixian.import('household_columns')

local columns = household.columns()
for _, family in ipairs(FAMILIES) do
  columns[#columns + 1] = { key = KEYS[family], title = family, group = '排查发现问题', width = 36 }
end
household.append(columns, {
  { key = 'problem_count', title = '问题数（个）' },
  { key = 'measure', title = '整改措施', group = '整改落实', width = 24 },
  { key = 'unit', title = '责任单位', group = '整改落实' },
  { key = 'person', title = '责任人', group = '整改落实' },
  { key = 'deadline', title = '整改时限', group = '整改落实' },
  { key = 'result', title = '整改情况', group = '整改落实', width = 20 },
})

dixian.checklist {
  id = 'four-checks-ledger',
  title = '“四查四补”问题台账',
  source = '宁党农发〔2021〕7号 二：“四查四补”常态化查补重点（排查……建立台账）',
  -- The seed shows no form: the county's sign-off line; landscape, for its 16 columns.
  sign_off = dixian.import('sign_off'),
  orientation = 'landscape',
  columns = columns,
  row = function(h, ctx)
    local found, count = {}, 0
    for _, finding in ipairs(ctx.findings(h)) do
      local family = finding.group and finding.group:match('^([^·]+)')
      local key = family and KEYS[family]
      if key then
        found[key] = found[key] or {}
        found[key][#found[key] + 1] = finding.message
        count = count + 1
      end
    end
    if count == 0 then return nil end
    local row = household.row(h, ctx)
    row.problem_count = count
    for key, messages in pairs(found) do row[key] = table.concat(messages, '；') end
    return row
  end,
}
