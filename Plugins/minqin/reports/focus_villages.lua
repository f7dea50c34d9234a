-- 重点排查区域: seed 003 正文 三(一)1 asks the county to "紧盯监测对象空白村、近三年未纳入监测对象村等
-- 重点区域". The report lists, village by village, those of the report's area that are one or
-- the other on its date, for the townships to organise their 排查 there:
--   监测对象空白村: no household of the village had been identified as a 监测对象 (纳入监测) by
--   the date, its risk eliminated since or not (the episodes' dates, not today's category);
--   近三年未纳入监测对象村: no household of the village was identified in the three years up to
--   the date (the 36 months ending on it).
-- A village counts only where the registry holds at least one of its households. The seed gives
-- no more precise definition: these two readings are the county's, and say so in the report.
local T = dixian.import('report_tables')

--- The rows of `rows` by their `village` value.
local function by_village(rows)
  local found = {}
  for _, row in ipairs(rows) do found[row.village] = row end
  return found
end

dixian.report {
  id = 'focus-villages',
  title = '重点排查区域清单（监测对象空白村、近三年未纳入监测对象村）',
  source = '民农领发〔2024〕9号 正文 三(一)1：紧盯监测对象空白村、近三年未纳入监测对象村等重点区域',
  description = 'The villages of the area where no household had been identified for monitoring by the report date, or none in the 36 months up to it, with their households and people.',
  sign_off = dixian.import('sign_off'),
  orientation = 'portrait',
  render = function(data, ctx)
    local since = dixian.date.add_days(dixian.date.add_months(ctx.as_of, -36), 1)
    local villages = data.households { by = 'village' }
    -- Every identification up to the date: the registry's dates begin in 2000.
    local monitored = by_village(data.episodes { event = 'identified', from = '2000-01-01', to = ctx.as_of, by = 'village' })
    local identified = by_village(data.episodes { event = 'identified', from = since, to = ctx.as_of, by = 'village' })
    local rows, blank, unidentified = {}, 0, 0
    for _, village in ipairs(villages) do
      local is_blank = monitored[village.village] == nil
      local is_unidentified = identified[village.village] == nil
      if is_blank or is_unidentified then
        local township = string.sub(village.village, 1, 9)
        local kinds = {}
        if is_blank then kinds[#kinds + 1] = '监测对象空白村'; blank = blank + 1 end
        if is_unidentified then kinds[#kinds + 1] = '近三年未纳入监测对象村'; unidentified = unidentified + 1 end
        rows[#rows + 1] = {
          township = data.place(township), village_name = village.village_name, village = village.village,
          households = village.households, people = village.people,
          monitored = monitored[village.village] and monitored[village.village].households or 0,
          kinds = table.concat(kinds, '、'),
        }
      end
    end
    local scope = data.area == '' and '全县' or data.place(data.area)
    local summary = string.format(
      '截至%s，%s有农户的%d个村中，监测对象空白村%d个，近三年（%s至%s）未纳入监测对象村%d个，合计%d个村列为重点排查区域。',
      ctx.as_of, scope, #villages, blank, since, ctx.as_of, unidentified, #rows)
    local definition = '监测对象空白村指截至报告日本村没有农户被识别纳入监测（含风险已消除的）；'
      .. '近三年未纳入监测对象村指报告日前36个月内本村无农户被识别纳入监测。'
      .. '两项口径为本县按文件要求确定。'
    return {
      title = string.format('民勤县重点排查区域清单（截至%s）', ctx.as_of),
      { heading = '一、总体情况', text = { summary, definition } },
      {
        heading = '二、重点排查村清单',
        text = #rows == 0 and '无监测对象空白村或近三年未纳入监测对象村。' or nil,
        table = {
          columns = {
            { key = 'township', title = '乡镇' },
            { key = 'village_name', title = '村', width = 16 },
            { key = 'village', title = '村代码', width = 14 },
            { key = 'households', title = '农户数' },
            { key = 'people', title = '人数' },
            { key = 'monitored', title = '已纳入监测户数' },
            { key = 'kinds', title = '类型', width = 30 },
          },
          rows = T.with_total(rows, 'township', { 'households', 'people', 'monitored' }),
        },
      },
    }
  end,
}
