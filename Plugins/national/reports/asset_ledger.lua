-- 扶贫项目资产台账: the assets formed by assistance projects, for every county. What a ledger
-- of project assets records (class 公益性/经营性/确权到户, value, village, custodian, ownership,
-- use, yearly income and its distribution) is the registry's asset ledger; the report adds the
-- totals by class and township and names the assets that need attention (idle, ownership not
-- registered, no custodian), each status with the day it began where the ledger holds it.
-- Income and distributions are those of the year before the report's date, the last whole year.
local T = dixian.import('report_tables')

local SUMS = { 'assets', 'value', 'income', 'distributed', 'idle', 'unregistered', 'no_custodian' }

local function summary_columns(first_key, first_title)
  return {
    { key = first_key, title = first_title },
    { key = 'assets', title = '资产个数' },
    { key = 'value', title = '资产原值（元）', width = 16 },
    { key = 'income', title = '收益（元）', group = '上年度收益情况' },
    { key = 'distributed', title = '分配（元）', group = '上年度收益情况' },
    { key = 'idle', title = '闲置', group = '需关注资产（个）' },
    { key = 'unregistered', title = '未确权', group = '需关注资产（个）' },
    { key = 'no_custodian', title = '未明确管护主体', group = '需关注资产（个）' },
  }
end

local function rounded(rows, name_key, source_key)
  for _, row in ipairs(rows) do
    row[name_key] = row[source_key]
    row.value, row.income, row.distributed = T.yuan(row.value), T.yuan(row.income), T.yuan(row.distributed)
  end
  return rows
end

dixian.report {
  id = 'asset-ledger',
  title = '扶贫项目资产台账',
  description = 'Assets formed by assistance projects: totals by class and township, and every asset with its custodian, ownership, use, income and distribution.',
  -- Landscape: the detail table's 13 columns would be squeezed on a portrait page. The county's
  -- usual sign-off line (no seed shows the ledger's form).
  sign_off = dixian.import('sign_off'),
  orientation = 'landscape',
  render = function(data, ctx)
    local year = ctx.year - 1
    local by_class = rounded(data.assets { by = 'class', year = year }, 'class_label', 'class_name')
    local by_township = rounded(data.assets { by = 'township', year = year }, 'township_label', 'township_name')
    local list = data.asset_list { year = year }
    local attention = {}
    for _, asset in ipairs(list) do
      local why = {}
      if asset.status == 'idle' then why[#why + 1] = '闲置' end
      if not asset.registered then why[#why + 1] = '未确权' end
      if asset.custodian == nil then why[#why + 1] = '未明确管护主体' end
      asset.attention = table.concat(why, '、')
      -- The day the status began (the ledger's 状态起始日期), where it holds one, beside the status.
      if asset.status_since and asset.status_since <= ctx.as_of then asset.status_name = string.format('%s（自%s起）', asset.status_name, asset.status_since) end
      asset.value, asset.income, asset.distributed = T.yuan(asset.value), T.yuan(asset.income), T.yuan(asset.distributed)
      if #why > 0 then attention[#attention + 1] = asset end
    end
    local total_value = T.yuan(T.sum(by_class, 'value'))
    return {
      title = string.format('扶贫项目资产台账（截至%s）', ctx.as_of),
      {
        heading = '一、资产总体情况',
        text = string.format('共登记扶贫项目资产%d个，原值%d元；%d年度收益%d元，分配%d元。其中闲置%d个，未确权%d个，未明确管护主体%d个。',
          T.sum(by_class, 'assets'), total_value, year, T.yuan(T.sum(by_class, 'income')), T.yuan(T.sum(by_class, 'distributed')),
          T.sum(by_class, 'idle'), T.sum(by_class, 'unregistered'), T.sum(by_class, 'no_custodian')),
        table = { title = '按资产类别', columns = summary_columns('class_label', '资产类别'),
                  rows = T.with_total(by_class, 'class_label', SUMS) },
      },
      {
        heading = '二、分乡镇情况',
        table = { title = '按乡镇', columns = summary_columns('township_label', '乡镇'),
                  rows = T.with_total(by_township, 'township_label', SUMS) },
      },
      {
        heading = '三、资产明细',
        table = {
          columns = {
            { key = 'id', title = '资产编号' },
            { key = 'project', title = '项目名称', width = 24 },
            { key = 'class_name', title = '资产类别' },
            { key = 'township_name', title = '乡镇' },
            { key = 'village', title = '村（代码）', width = 14 },
            { key = 'formed_on', title = '形成日期', width = 12 },
            { key = 'value', title = '资产原值（元）', width = 14 },
            { key = 'custodian', title = '管护主体', width = 16 },
            { key = 'registered', title = '是否确权' },
            { key = 'status_name', title = '使用状态', width = 14 },
            { key = 'income', title = '收益（元）', group = year .. '年度' },
            { key = 'distributed', title = '分配（元）', group = year .. '年度' },
            { key = 'attention', title = '需关注问题', width = 20 },
          },
          rows = list,
        },
      },
      {
        heading = '四、需关注的资产',
        text = #attention == 0 and '无闲置、未确权或未明确管护主体的资产。'
          or string.format('以下%d个资产闲置、未确权或未明确管护主体，应明确管护责任、办理确权登记、盘活闲置资产。', #attention),
      },
    }
  end,
}
