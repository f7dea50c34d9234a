-- 大排查入户排查台账: the household checklist of seed 002 (附件), with its columns and their
-- upper headers exactly as the form has them, after the place and household number a county
-- needs to find a row among a township's hundreds (乡镇, 村（代码）, 户编号: not on the form,
-- added before its 户主姓名). The row is filled from the registry where it holds the answer;
-- the cells it cannot know (是否稳定, 支付能力, 失学原因, 其他安全住房, 其他困难) are left for
-- the visitor to fill in.
local X = require('lib.xiaoxian')
local household = dixian.import('household_columns')
local names = X.names

dixian.checklist {
  id = 'household-ledger',
  title = '大排查入户排查台账',
  source = '萧乡振办〔2021〕7号附件：大排查入户排查台账',
  -- Not on the annex: the line a county office signs under what it hands up. Landscape: the
  -- annex's 19 columns, and the three that find a row, are as wide as a page turned.
  sign_off = dixian.import('sign_off'),
  orientation = 'landscape',
  -- 乡镇, 村（代码）, 户编号, then the form's 户主姓名, 户属性, 家庭人口数 and the rest.
  columns = household.append(household.columns(), {
    { key = 'annual_income', title = '家庭年收入', group = '收入状况' },
    { key = 'main_source', title = '收入主要来源', group = '收入状况' },
    { key = 'income_stable', title = '收入是否稳定', group = '收入状况' },
    { key = 'all_insured', title = '家庭成员是否全部参加新农合', group = '基本医疗保障' },
    { key = 'seriously_ill', title = '家中是否有大病或长期慢性病患者', group = '基本医疗保障' },
    { key = 'can_pay', title = '是否具备自行支付能力', group = '基本医疗保障' },
    { key = 'school_age_children', title = '家中是否有义务教育阶段适龄儿童或少年', group = '义务教育保障' },
    { key = 'dropped_out', title = '如有，是否失学辍学', group = '义务教育保障' },
    { key = 'dropout_reason', title = '如果失学辍学，原因是什么', group = '义务教育保障' },
    { key = 'housing_safe', title = '现有住房是否安全', group = '住房安全保障' },
    { key = 'housing_assessed', title = '如果现有住房不安全，是否进行过鉴定', group = '住房安全保障' },
    { key = 'other_safe_housing', title = '如果现有住房不安全，是否有其他安全住房', group = '住房安全保障' },
    { key = 'water_problem', title = '是否存在饮水安全问题', group = '饮水安全保障' },
    { key = 'other_problems', title = '户内发现其他问题（进行描述）' },
    { key = 'problem_count', title = '户内共发现问题数（个）' },
    { key = 'other_difficulties', title = '是否存在其他困难' },
  }),
  row = function(h, ctx)
    local ages = ctx.params.compulsory_school_ages
    local last = h.incomes[X.assessed_year(ctx)]
    local survey = h.survey
    local row = household.row(h, ctx)
    local problems = 0
    if last then
      row.annual_income = math.floor(last.net + 0.5)
      local sources = { { '工资性收入', last.wage }, { '经营性收入', last.operating }, { '财产性收入', last.property }, { '转移性收入', last.transfer } }
      table.sort(sources, function(a, b) return a[2] > b[2] end)
      row.main_source = sources[1][1]
    end
    local uninsured = names(h, function(p) return not p.medical_insurance end)
    row.all_insured = uninsured == ''
    if uninsured ~= '' then problems = problems + 1 end
    row.seriously_ill = names(h, function(p) return p.health ~= 'healthy' end) ~= ''
    local children = names(h, function(p) return p.age >= ages.from and p.age <= ages.to end)
    row.school_age_children = children ~= ''
    if children ~= '' then
      local out = names(h, function(p) return X.out_of_school(p, ctx) ~= nil end)
      row.dropped_out = out ~= ''
      if out ~= '' then problems = problems + 1 end
    end
    if survey then
      row.housing_safe = survey.safe_housing
      if not survey.safe_housing then
        row.housing_assessed = survey.housing_assessed
        problems = problems + 1
      end
      row.water_problem = not (survey.water_quantity and survey.water_quality)
      if row.water_problem then problems = problems + 1 end
      if survey.notes ~= '' then row.other_problems = survey.notes end
    end
    row.problem_count = problems
    return row
  end,
}
