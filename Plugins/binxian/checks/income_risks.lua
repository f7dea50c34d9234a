-- 十项减收风险点 (seed 004 二.1): "对涉及种养业经营、扶贫产业项目和光伏收益分配、小额贷款收益、务工就业、
-- 兜底政策落实、自然灾害等10项可能出现的减收风险点要逐户逐人逐项排查". The seed counts ten points but
-- names six; the other four are not in the seed and are not invented here. Five are judged
-- here; 扶贫产业项目和光伏收益分配 is judged on the assets (checks/assets.lua). 小额贷款收益 is
-- read from the households' microcredit loans: the registry records the loans, not what they
-- earn (this plugin's reading, below). The points apply to 脱贫人口 (脱贫户 and the
-- 脱贫不稳定户 among the monitored) and 边缘易致贫户 (促进脱贫人口和边缘易致贫人口稳定增收; 二.3
-- 重点关注脱贫不稳户和边缘易致户): see B.in_scope.
local B = require('lib.binxian')
local loan_status = dixian.import('loan_status')


dixian.check {
  id = 'binxian.farming-income-fell',
  title = '减收风险点：种养业经营收入下降',
  group = '十项减收风险点',
  risk_types = { 'failed-business' },
  severity = 'medium',
  source = '宾农工组办发〔2021〕33号 二.1：种养业经营',
  run = function(h, ctx)
    if not B.in_scope(h) then return nil end
    local now, before = B.two_years(h, ctx)
    if now and before and B.fell(now.operating - now.production_costs, before.operating - before.production_costs, ctx.params.income_drop_share) then
      return string.format('%d年经营净收入%.0f元，比上年%.0f元明显下降', now.year, now.operating - now.production_costs,
        before.operating - before.production_costs)
    end
  end,
}

dixian.check {
  id = 'binxian.wage-income-fell',
  title = '减收风险点：务工就业收入下降',
  group = '十项减收风险点',
  risk_types = { 'unstable-employment' },
  severity = 'medium',
  source = '宾农工组办发〔2021〕33号 二.1：务工就业；二.3：重点关注脱贫不稳户和边缘易致户去年就业而今年未就业的人员',
  run = function(h, ctx)
    if not B.in_scope(h) then return nil end
    local now, before = B.two_years(h, ctx)
    if now and before and B.fell(now.wage, before.wage, ctx.params.income_drop_share) then
      return string.format('%d年工资性收入%.0f元，比上年%.0f元明显下降，应落实就业帮扶', now.year, now.wage, before.wage)
    end
  end,
}

dixian.check {
  id = 'binxian.safety-net-missing',
  title = '减收风险点：兜底政策未落实',
  group = '十项减收风险点',
  risk_types = { 'lack-of-labor' },
  severity = 'high',
  source = '宾农工组办发〔2021〕33号 二.1：兜底政策落实',
  run = function(h, ctx)
    if not B.in_scope(h) then return nil end
    if h.no_member_able_to_work and not h.minimum_living_allowance and not h.extreme_poverty_support then
      return '整户无劳动能力，未落实低保或特困供养兜底政策'
    end
  end,
}

dixian.check {
  id = 'binxian.natural-disaster',
  title = '减收风险点：自然灾害',
  group = '十项减收风险点',
  risk_types = { 'natural-disaster' },
  severity = 'high',
  source = '宾农工组办发〔2021〕33号 二.1：自然灾害；三.1：特别是近期遭受洪涝灾害的村屯，要进一步强化排查工作',
  description = 'A household of 脱贫人口 or 边缘易致贫户 that reported a natural disaster recently, or whose village '
    .. 'has a disaster recorded recently in the places (受灾日期), both within recent_event_years.',
  run = function(h, ctx)
    if not B.in_scope(h) then return nil end
    local episode = B.recent_risk(h, ctx, 'natural-disaster')
    if episode then
      return string.format('%s报告遭受自然灾害，应逐户逐项摸排收入、受灾情况，确保基本生活不受影响', episode.reported_on)
    end
    local village = B.village_disaster(h, ctx)
    if village then
      return string.format('所在村（%s）%s遭受%s，应逐户逐项摸排收入、受灾情况，确保基本生活不受影响',
        village.name, village.on, village.what ~= '' and village.what or '自然灾害')
    end
  end,
}

dixian.check {
  id = 'binxian.flooded-village',
  title = '近期遭受洪涝灾害村屯帮扶户摸排名单',
  list = true,
  group = '三类户',
  risk_types = { 'natural-disaster' },
  severity = 'medium',
  source = '宾农工组办发〔2021〕33号 三.1：特别是近期遭受洪涝灾害的村屯，要进一步强化排查工作，逐户、逐项摸排帮扶户的收入、受灾等情况',
  description = 'Every 帮扶户 (脱贫户 and 监测户) of a village whose recorded disaster (places.csv 受灾情况) names a flood '
    .. '(flood_words), recorded within recent_event_years: the seed asks for each of them to be checked in person.',
  run = function(h, ctx)
    if h.category ~= 'lifted' and h.category ~= 'monitored' then return nil end
    local village = B.village_disaster(h, ctx)
    if village == nil then return nil end
    for _, word in ipairs(ctx.params.flood_words) do
      if string.find(village.what, word, 1, true) then
        return string.format('所在村（%s）%s遭受%s：逐户、逐项摸排收入、受灾等情况', village.name, village.on, village.what)
      end
    end
  end,
}

dixian.check {
  id = 'binxian.microcredit-income',
  title = '减收风险点：小额贷款收益',
  group = '十项减收风险点',
  risk_types = { 'other' },
  severity = 'medium',
  source = '宾农工组办发〔2021〕33号 二.1：小额贷款收益',
  description = 'This plugin\'s reading of the 小额贷款收益 risk point: the seed names the point but not what puts '
    .. 'it at risk, and the registry records the loans, not what they earn. A loan overdue on the assessment date '
    .. '(high), or a 户贷企用 loan still owed, whose return to the household depends on an enterprise (medium). '
    .. 'The risk type is 其他 (other); an overdue loan is read as 因产业项目失败 (failed-business), also the plugin\'s '
    .. 'reading: what the loan financed has not paid it back. A 户贷企用 loan merely owed says nothing of a failed '
    .. 'project. For 脱贫人口 and 边缘易致贫户 (lib/binxian.lua B.in_scope).',
  run = function(h, ctx)
    if not B.in_scope(h) then return nil end
    local loans, overdue = {}, false
    for _, loan in ipairs(h.loans) do
      local enterprise = loan_status.enterprise_use(loan, ctx)
      local lent = loan_status.describe(loan) .. (enterprise and '（户贷企用）' or '')
      if loan_status.overdue(loan, ctx) then
        loans[#loans + 1] = string.format('%s，%s到期，逾期未还', lent, loan.due_on)
        overdue = true
      elseif enterprise then
        loans[#loans + 1] = lent .. '，收益依赖企业经营'
      end
    end
    if #loans == 0 then return nil end
    local message = '小额信贷：' .. table.concat(loans, '；') .. '，应核实贷款收益和还款能力'
    if overdue then return { message = message, severity = 'high', risk_types = { 'failed-business' } } end
    return message
  end,
}
