-- 大排查 二(五) "三保障"和饮水安全方面 (seed 002): every rural household.
local X = require('lib.xiaoxian')
local names = X.names

dixian.check {
  id = 'xiaoxian.out-of-school',
  title = '义务教育阶段适龄儿童少年失学辍学',
  group = '三保障和饮水安全',
  risk_types = { 'schooling' },
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(五)：核查农户家中是否有除身体原因不具备学习条件外义务教育阶段适龄儿童、少年（6-15周岁）失学辍学',
  run = function(h, ctx)
    local ages = ctx.params.compulsory_school_ages
    local children = X.names(h, function(p) return X.out_of_school(p, ctx) ~= nil end)
    if children ~= '' then
      return string.format('%d-%d周岁适龄儿童少年失学辍学或未入学：%s', ages.from, ages.to, children)
    end
  end,
}

dixian.check {
  id = 'xiaoxian.uninsured',
  title = '家庭成员未全部参加城乡居民基本医疗保险',
  group = '三保障和饮水安全',
  risk_types = { 'illness' },
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(五)：所有农村人口是否全部参加城乡居民基本医疗保险',
  run = function(h, ctx)
    local uninsured = names(h, function(p) return not p.medical_insurance end)
    if uninsured ~= '' then return '未参加城乡居民基本医疗保险：' .. uninsured end
  end,
}

dixian.check {
  id = 'xiaoxian.hospital-reimbursement-late',
  title = '住院医疗费用报销不及时',
  group = '三保障和饮水安全',
  risk_types = { 'illness' },
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(五)：是否存在因医保信息系统升级改造或异地就医未及时提供相关资料导致住院医疗费用报销不及时问题',
  description = 'Every household (二(五) 所有农户): a stay discharged more than reimbursement_days before the assessment date with a cost and nothing reimbursed. Whether the delay came from the 医保 system\'s upgrade or from missing papers for 异地就医 is for the visit.',
  run = function(h, ctx)
    local days = ctx.params.reimbursement_days
    local late = {}
    for _, stay in ipairs(h.hospital_stays) do
      if stay.discharged_on and stay.cost > 0 and (stay.reimbursed or 0) == 0
          and ctx.after(dixian.date.add_days(stay.discharged_on, days)) then
        late[#late + 1] = string.format('%s在%s住院，%s出院，费用%.0f元', stay.name or '家庭成员', stay.hospital, stay.discharged_on, stay.cost)
      end
    end
    if #late > 0 then
      return string.format('%s；出院超过%d天仍未报销，应核实是否因医保信息系统升级改造或异地就医未及时提供相关资料',
        table.concat(late, '；'), days)
    end
  end,
}

dixian.check {
  id = 'xiaoxian.medical-burden',
  title = '大病重病监测户医疗费用负担较重',
  group = '三保障和饮水安全',
  risk_types = { 'illness' },
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(五)：是否存在部分大病重病监测户医疗费用负担较重问题',
  run = function(h, ctx)
    if h.category ~= 'monitored' then return nil end
    local ill = names(h, function(p) return p.health == 'serious-illness' end)
    local last = h.incomes[X.assessed_year(ctx)]
    if ill ~= '' and last and last.medical_spending > math.max(last.net, 0) * ctx.params.medical_burden_share then
      return string.format('大病重病患者%s，%d年医疗支出%.0f元，占家庭纯收入%.0f元的比例过高', ill, last.year,
        last.medical_spending, last.net)
    end
  end,
}

dixian.check {
  id = 'xiaoxian.dangerous-housing',
  title = '现有住房为危房',
  group = '三保障和饮水安全',
  risk_types = { 'housing' },
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(五)：是否有农户现有住房为危房',
  run = function(h, ctx)
    local survey = h.survey
    if survey and not survey.safe_housing then
      return survey.housing_assessed and '现有住房不安全（已鉴定）' or '现有住房不安全，尚未进行鉴定'
    end
  end,
}

dixian.check {
  id = 'xiaoxian.elderly-alone-unsafe-housing',
  title = '老人独居且现有住房不安全',
  group = '三保障和饮水安全',
  risk_types = { 'housing' },
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(五)：是否存在子女经济条件和住房较好、但老人独居且现有住房不安全现象',
  description = 'The registry does not link the elderly to their children\'s households; the visit confirms the children\'s situation.',
  run = function(h, ctx)
    local survey = h.survey
    if survey == nil or survey.safe_housing or #h.members == 0 then return nil end
    for _, p in ipairs(h.members) do
      if p.age < ctx.params.elderly_age then return nil end
    end
    return string.format('%d位老人独居，现有住房不安全；应核实子女经济和住房条件，落实赡养责任和住房安全', #h.members)
  end,
}

dixian.check {
  id = 'xiaoxian.drinking-water',
  title = '供水不足或水质不达标',
  group = '三保障和饮水安全',
  risk_types = { 'drinking-water' },
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(五)：是否有供水不足或水质不达标情况',
  run = function(h, ctx)
    local survey = h.survey
    if survey == nil then return nil end
    local problems = {}
    if not survey.water_quantity then problems[#problems + 1] = '供水不足' end
    if not survey.water_quality then problems[#problems + 1] = '水质不达标' end
    if #problems > 0 then return table.concat(problems, '、') end
  end,
}
