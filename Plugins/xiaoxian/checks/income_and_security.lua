-- 大排查 二(十) 就业稳岗, 二(十二) 低收入人口常态化帮扶, 二(十三) 收入支出变化 (seed 002).
local X = require('lib.xiaoxian')
local names = X.names
local member_status = dixian.import('member_status')

dixian.check {
  id = 'xiaoxian.income-growth',
  title = '脱贫户及监测对象人均纯收入未比上年增长',
  group = '收入支出变化',
  risk_types = { 'other' },
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(十三)：脱贫户人均纯收入是否比2020年实现增长；经营性收入和工资性收入是否实现增长',
  run = function(h, ctx)
    if h.category == 'general' then return nil end
    local year = X.assessed_year(ctx)
    local now, before = h.incomes[year], h.incomes[year - 1]
    if now == nil or before == nil or now.per_capita == nil then return nil end
    if now.per_capita <= before.per_capita then
      local detail = ''
      if now.wage + now.operating <= before.wage + before.operating then detail = '，工资性和经营性收入未增长' end
      return string.format('%d年人均纯收入%.0f元，未比%d年的%.0f元增长%s', now.year, now.per_capita, before.year,
        before.per_capita, detail)
    end
  end,
}

dixian.check {
  id = 'xiaoxian.welfare-post-without-labor',
  title = '为无劳动能力人员安排公益性岗位',
  group = '就业稳岗',
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(十)：是否存在岗位安排不合理，为无劳动力或者丧失劳动力的脱贫户和监测对象安排公益性岗位现象',
  run = function(h, ctx)
    local misplaced = names(h, function(p) return p.public_welfare_post and p.labor_capacity == 'none' end)
    if misplaced ~= '' then return '无劳动能力却安排了公益性岗位：' .. misplaced end
  end,
}

dixian.check {
  id = 'xiaoxian.security-not-covered',
  title = '应纳未纳低保或特困供养',
  group = '低收入人口常态化帮扶',
  risk_types = { 'lack-of-labor' },
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(十二)：完全丧失劳动能力或部分丧失劳动能力且无法通过产业就业获得稳定收入的人口以及低收入家庭中的重度残疾人、重病患者是否按规定纳入农村低保或特困人员救助供养范围',
  run = function(h, ctx)
    if h.category == 'general' or h.minimum_living_allowance or h.extreme_poverty_support then return nil end
    if h.no_member_able_to_work then
      return '整户丧失劳动能力，未纳入农村低保或特困人员救助供养'
    end
    local needy = names(h, function(p)
      return p.health == 'serious-illness' or member_status.graded(p.disability_grade, ctx.params.severe_disability_grades)
    end)
    if needy ~= '' then
      return '重病患者或重度残疾人（' .. needy .. '）所在家庭未纳入农村低保或特困人员救助供养，应核实'
    end
  end,
}
