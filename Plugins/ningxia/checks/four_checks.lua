-- 四查四补 (seed 000 二): the four families as check groups. What they ask about villages and
-- infrastructure (查短补齐, 二(三)) and about migrants registered elsewhere (漏管, 二(二)4) is not
-- in the household registry and is not checked here.
local N = require('lib.ningxia')

dixian.check {
  id = 'ningxia.losses',
  title = '因灾因疫因市场波动受损、尚未纳入监测',
  group = '查损补失',
  risk_types = { 'natural-disaster', 'failed-business', 'unstable-employment' },
  severity = 'high',
  source = '宁党农发〔2021〕7号 二(一)：对受到影响的农户进行全面排查，建立台账，及时纳入防止返贫监测帮扶',
  run = function(h, ctx)
    if h.category == 'monitored' then return nil end
    local hit = N.recent(h, ctx, 'natural-disaster') or N.recent(h, ctx, 'failed-business')
      or N.recent(h, ctx, 'unstable-employment')
    if hit then
      return string.format('%s报告遭受损失（%s），尚未纳入监测，应及时纳入防止返贫监测帮扶', hit.reported_on,
        table.concat(hit.risk_types, '、'))
    end
  end,
}

dixian.check {
  id = 'ningxia.missed-guarantee',
  title = '"两不愁三保障"及饮水安全漏项',
  group = '查漏补缺·漏项',
  risk_types = { 'schooling', 'illness', 'housing', 'drinking-water' },
  severity = 'high',
  source = '宁党农发〔2021〕7号 二(二)2：排查解决所有农户"两不愁三保障"持续巩固的漏项问题',
  run = function(h, ctx)
    local gaps, risks = {}, {}
    local dropouts = N.names(h, function(p)
      return N.of_compulsory_school_age(p, ctx) and p.school_status == 'dropped-out' and not N.unfit_for_school(p, ctx)
    end)
    if dropouts ~= '' then gaps[#gaps + 1] = '义务教育控辍保学反弹（' .. dropouts .. '）'; risks[#risks + 1] = 'schooling' end
    local uninsured = N.names(h, function(p) return not p.medical_insurance end)
    if uninsured ~= '' then gaps[#gaps + 1] = '未参加基本医疗保险（' .. uninsured .. '）'; risks[#risks + 1] = 'illness' end
    local survey = h.survey
    if survey then
      if not survey.food_and_clothing then gaps[#gaps + 1] = '吃穿未保障'; risks[#risks + 1] = 'other' end
      if not survey.safe_housing then gaps[#gaps + 1] = '新增危房'; risks[#risks + 1] = 'housing' end
      if not survey.water_quantity or not survey.water_quality then
        gaps[#gaps + 1] = '饮水水源不足或水质不达标'; risks[#risks + 1] = 'drinking-water'
      end
    end
    if #gaps > 0 then
      return { message = '漏项：' .. table.concat(gaps, '；'), risk_types = risks }
    end
  end,
}

dixian.check {
  id = 'ningxia.missed-help',
  title = '监测户帮扶措施漏扶',
  group = '查漏补缺·漏扶',
  severity = 'high',
  source = '宁党农发〔2021〕7号 二(二)3：制定监测对象"一户一策"帮扶方案，安排责任单位、责任人',
  run = function(h, ctx)
    if h.category ~= 'monitored' then return nil end
    if #h.plans == 0 then
      return '监测户未制定"一户一策"帮扶方案'
    end
    if h.helper == nil then
      return '监测户未安排帮扶责任人'
    end
  end,
}

dixian.check {
  id = 'ningxia.relocation-employment',
  title = '易地搬迁家庭有劳动力但无稳定增收产业、无人稳定就业',
  group = '查弱补强',
  risk_types = { 'unstable-employment' },
  severity = 'medium',
  source = '宁党农发〔2021〕7号 二(四)2：排查解决易地扶贫搬迁后续发展存在的困难；宁党发〔2021〕15号 (六)：有劳动能力的搬迁家庭至少有一项稳定增收产业或至少一人稳定就业',
  run = function(h, ctx)
    if not h.relocated then return nil end
    local able = 0
    for _, p in ipairs(h.members) do
      if p.labor_capacity ~= 'none' and N.of_working_age(p, ctx) and p.school_status ~= 'enrolled' then
        able = able + 1
        if N.stably_employed(p, ctx) then return nil end
      end
    end
    if able == 0 or N.stable_industry(h, ctx) then return nil end
    return string.format('搬迁家庭有%d名劳动力，无人稳定就业（务工不足%d个月），近%d年也没有持续的经营性收入，应落实产业或就业帮扶',
      able, ctx.params.stable_work_months, ctx.params.stable_industry_years)
  end,
}
