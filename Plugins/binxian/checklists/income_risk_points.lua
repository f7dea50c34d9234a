-- 减收风险点排查清单: seed 004 二.1 asks that the income-loss risk points be checked 逐户逐人逐项
-- for 脱贫人口 and 边缘易致贫人口, 列出清单到户到人. One row per household in scope, a column per
-- named point. The seed counts ten points and names six (种养业经营、扶贫产业项目和光伏收益分配、
-- 小额贷款收益、务工就业、兜底政策落实、自然灾害); the other four have one column for the visitor.
-- A point the checks judge reads 无 when they find nothing; a point the registry cannot judge
-- for a household (光伏收益分配 is judged on the assets) is left blank.
local B = require('lib.binxian')

local household = dixian.import('household_columns')
local GROUP = '减收风险点（逐户逐项排查）'
-- The checks (checks/income_risks.lua) that judge a point, by column.
local POINTS = {
  farming = 'binxian.farming-income-fell',
  wages = 'binxian.wage-income-fell',
  safety_net = 'binxian.safety-net-missing',
  disaster = 'binxian.natural-disaster',
  microcredit = 'binxian.microcredit-income',
}

dixian.checklist {
  id = 'income-risk-points',
  title = '十项减收风险点排查清单',
  source = '宾农工组办发〔2021〕33号 二.1：对涉及种养业经营、扶贫产业项目和光伏收益分配、小额贷款收益、务工就业、兜底政策落实、自然灾害等10项可能出现的减收风险点要逐户逐人逐项排查……列出清单到户到人',
  -- The seed shows no form: the county's sign-off line; landscape, for its 18 columns.
  sign_off = dixian.import('sign_off'),
  orientation = 'landscape',
  columns = household.append(household.columns(), {
    { key = 'net', title = '上年家庭纯收入（元）' },
    { key = 'per_capita', title = '上年人均纯收入（元）' },
    { key = 'farming', title = '种养业经营', group = GROUP, width = 24 },
    { key = 'projects', title = '扶贫产业项目和光伏收益分配', group = GROUP },
    { key = 'microcredit', title = '小额贷款收益', group = GROUP },
    { key = 'wages', title = '务工就业', group = GROUP, width = 24 },
    { key = 'safety_net', title = '兜底政策落实', group = GROUP, width = 24 },
    { key = 'disaster', title = '自然灾害', group = GROUP, width = 24 },
    { key = 'others', title = '其他减收风险点', group = GROUP },
    { key = 'risk_count', title = '发现风险点数（个）' },
    { key = 'measures', title = '落实帮扶措施', width = 24 },
    { key = 'checked_by', title = '排查人' },
  }),
  row = function(h, ctx)
    if not B.in_scope(h) then return nil end
    local found = {}
    for _, finding in ipairs(ctx.findings(h)) do found[finding.check] = finding.message end
    local row = household.row(h, ctx)
    row.risk_count = 0
    local last = h.incomes[ctx.year - 1]
    if last then
      row.net = math.floor(last.net + 0.5)
      row.per_capita = math.floor(last.per_capita + 0.5)
    end
    for key, check in pairs(POINTS) do
      if found[check] then
        row[key] = found[check]
        row.risk_count = row.risk_count + 1
      else
        row[key] = '无'
      end
    end
    return row
  end,
}
