-- “四查四补”排查情况汇总: seed 000 二 sets the four families (查损补失、查漏补缺、查短补齐、
-- 查弱补强) and 三 asks for 常态化 checking and rectification. The summary counts what the latest
-- screening found in each family and township, and where the problem ledger stands (found,
-- put right, open, overdue) in the year of the report's date. A screening that did not run
-- completely is said to be so: its figures are short.
local T = dixian.import('report_tables')

local FAMILIES = { '查损补失', '查漏补缺', '查短补齐', '查弱补强' }

local function family_of(group)
  return group and group:match('^([^·]+)') or nil
end

dixian.report {
  id = 'four-checks-summary',
  title = '“四查四补”排查情况汇总',
  source = '宁党农发〔2021〕7号 二：“四查四补”常态化查补重点',
  description = 'Findings of the latest screening by 四查四补 family (and its 四漏 kinds) and township, and the problem ledger of the year.',
  -- A summary of a few narrow tables: portrait, signed by the county's usual line (the seed shows no form).
  sign_off = dixian.import('sign_off'),
  orientation = 'portrait',
  render = function(data, ctx)
    local screening = data.screening()
    local by_group = data.findings { by = 'group' }
    local by_township = data.findings { by = { 'township', 'group' } }
    local problems = data.problems { from = string.format('%04d-01-01', ctx.year), to = ctx.as_of, by = 'township' }

    -- Families and their kinds (查漏补缺·漏统, ·漏项, ...), in the seed's order.
    local family_rows = {}
    for _, family in ipairs(FAMILIES) do
      local kinds = {}
      for _, row in ipairs(by_group) do
        if family_of(row.group) == family then
          kinds[#kinds + 1] = { family = family, kind = row.group:match('·(.+)$') or '—', findings = row.findings, households = row.households }
        end
      end
      if #kinds == 0 then kinds[1] = { family = family, kind = '—', findings = 0, households = 0 } end
      for _, kind in ipairs(kinds) do family_rows[#family_rows + 1] = kind end
    end

    -- Townships as rows, families as columns.
    local townships, order = {}, {}
    for _, row in ipairs(by_township) do
      local family = family_of(row.group)
      if family then
        local entry = townships[row.township]
        if not entry then
          entry = { township = row.township_name }
          townships[row.township] = entry
          order[#order + 1] = row.township
        end
        entry[family] = (entry[family] or 0) + row.findings
      end
    end
    table.sort(order)
    local township_rows, columns = {}, { { key = 'township', title = '乡镇' } }
    for i, code in ipairs(order) do
      local entry = townships[code]
      local row = { township = entry.township, total = 0 }
      for f, family in ipairs(FAMILIES) do
        row['f' .. f] = entry[family] or 0
        row.total = row.total + row['f' .. f]
      end
      township_rows[i] = row
    end
    local sums = { 'total' }
    for f, family in ipairs(FAMILIES) do
      columns[#columns + 1] = { key = 'f' .. f, title = family, group = '发现问题（条）' }
      sums[#sums + 1] = 'f' .. f
    end
    columns[#columns + 1] = { key = 'total', title = '合计' }

    local total = T.sum(family_rows, 'findings')
    local intro = screening
      and string.format('%s开展的“四查四补”比对排查覆盖%d户，发现问题%d条。查短补齐涉及村级基础设施和公共服务，由县级另行排查，不在农户筛查之列。',
        screening.as_of, screening.households, total)
      or '尚未开展“四查四补”比对排查：请先运行 dixian screen。'
    if screening and not screening.complete then
      intro = intro .. '该次筛查未完整运行，部分检查项未对全部农户得出结果，以上数字不全。'
    end
    return {
      title = string.format('“四查四补”排查情况汇总（截至%s）', ctx.as_of),
      { heading = '一、排查总体情况', text = intro,
        table = {
          title = '按“四查四补”类别',
          columns = { { key = 'family', title = '类别' }, { key = 'kind', title = '问题类型' },
                      { key = 'findings', title = '问题条数' }, { key = 'households', title = '涉及户数' } },
          rows = family_rows,
        } },
      { heading = '二、分乡镇情况', table = { columns = columns, rows = T.with_total(township_rows, 'township', sums) } },
      {
        heading = '三、问题整改情况',
        text = string.format('%d年以来问题台账新增问题%d个，已整改%d个，尚未整改%d个（其中超期%d个）。', ctx.year,
          T.sum(problems, 'found'), T.sum(problems, 'closed'), T.sum(problems, 'open'), T.sum(problems, 'overdue')),
        table = {
          columns = {
            { key = 'township_name', title = '乡镇' }, { key = 'found', title = '新增问题' }, { key = 'closed', title = '已整改' },
            { key = 'open', title = '尚未整改' }, { key = 'overdue', title = '超期未整改' },
          },
          rows = T.with_total(problems, 'township_name', { 'found', 'closed', 'open', 'overdue' }),
        },
      },
    }
  end,
}
