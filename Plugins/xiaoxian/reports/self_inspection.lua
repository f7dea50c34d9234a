-- 大排查自查报告: seed 002 三(三) asks each township and lead unit for a self-inspection
-- report "报告内容包括大排查开展情况、问题及整改落实情况、下一步工作安排等", due 12月27日. It states
-- only what the registry shows as of the report's date: the households on the register (not
-- how many were visited: the registry's data for reports holds no visits), the county's latest
-- screening and whether it ran completely (its households and, apart, its assets), the
-- problems of the ledger found since the 排查's field stage began (parameter `inspections`;
-- 三(二): 12月9日—31日) and how many are put right, the incomes of 脱贫户 and 监测户 in the year
-- the 排查 assesses against the year before (二(十三)), and the date it is due (三(三): 12月27日,
-- the 排查's report_by). The next steps are the seed's requirements, stated as such.
local T = dixian.import('report_tables')
local X = require('lib.xiaoxian')

dixian.report {
  id = 'self-inspection',
  title = '巩固拓展脱贫攻坚成果大排查自查报告',
  source = '萧乡振办〔2021〕7号 三(三)：形成自查报告（报告内容包括大排查开展情况、问题及整改落实情况、下一步工作安排等），于12月27日前上报县乡村振兴局',
  description = 'Households on the register, the latest screening, the problem ledger since the field stage began and its rectification, incomes in the assessed year against the year before, and the next steps.',
  -- A report in prose with small tables, handed up as a document: portrait, with the county's
  -- usual sign-off line (三(三) asks for the report, not a form).
  sign_off = dixian.import('sign_off'),
  orientation = 'portrait',
  render = function(data, ctx)
    local inspection = X.inspection(ctx)
    local year = X.assessed_year(ctx)
    local from = inspection and inspection.from or string.format('%04d-01-01', ctx.year)
    local households = data.households { by = 'category' }
    local total = T.sum(households, 'households')
    local screening = data.screening()
    local findings = data.findings { by = 'group' }
    local checks = data.findings { by = 'check' }
    local overall = data.findings {}
    local problems = data.problems { from = from, to = ctx.as_of, by = 'township' }
    local found, closed = T.sum(problems, 'found'), T.sum(problems, 'closed')
    local open, overdue = T.sum(problems, 'open'), T.sum(problems, 'overdue')
    local incomes = data.incomes { year = year, by = 'category', where = { category = { 'lifted', 'monitored' } } }
    for _, row in ipairs(incomes) do
      row.per_capita = row.people > 0 and T.yuan(row.net / row.people) or 0
      row.per_capita_before = row.people > 0 and T.yuan(row.net_before / row.people) or 0
      row.growth = T.percent(row.net - row.net_before, row.net_before)
    end

    local stage = inspection
      and string.format('本次大排查实地排查阶段为%s至%s，核查%d年度家庭收入。', inspection.from, inspection.to, year)
      or string.format('本年度未设定大排查实地排查时段（参数 inspections），收入按%d年度核查，问题按%s以来统计。', year, from)
    if inspection and inspection.report_by then
      stage = stage .. string.format('本报告应于%s前上报县乡村振兴局。', inspection.report_by)
    end
    local screened = '本级尚未开展系统比对筛查。'
    if screening then
      -- An asset's findings are counted by asset: those of the asset checks' group are taken out.
      local assets = 0
      for _, row in ipairs(findings) do
        if row.group == X.ASSET_GROUP then assets = row.households end
      end
      screened = string.format('县级比对筛查（%s，覆盖%d户）发现疑点问题%d条，涉及农户%d户、项目资产%d个。', screening.as_of,
        screening.households, screening.findings, (overall[1] and overall[1].households or 0) - assets, assets)
      if not screening.complete then
        screened = screened .. '该次筛查未完整运行，部分检查项未对全部农户得出结果，以上数字不全。'
      end
    end
    local with_incomes, fell, grew = 0, 0, 0
    for _, row in ipairs(incomes) do
      with_incomes, fell, grew = with_incomes + row.households, fell + row.decreased, grew + row.increased
    end

    local next_steps = {
      open == 0 and '台账中没有尚未整改的问题；对已整改问题开展“回头看”，巩固整改成效。'
        or string.format('对尚未整改到位的%d个问题（其中超期%d个），逐项逐条明确整改任务和责任，限时对账销号，做到真查实改、彻底整改。', open, overdue),
    }
    if fell > 0 then
      next_steps[#next_steps + 1] = string.format('对%d年度家庭纯收入较上年下降的%d户，逐户核实原因、落实帮扶措施。', year, fell)
    end
    next_steps[#next_steps + 1] = '对排查中发现符合监测范围的农户，及时纳入监测对象，落实针对性帮扶措施；做好档案资料收集整理归档，防止层层加码，切实减轻基层负担。'

    return {
      title = string.format('萧县巩固拓展脱贫攻坚成果大排查自查报告（%d年）', ctx.year),
      {
        heading = '一、大排查开展情况',
        text = {
          stage,
          string.format('截至%s，系统在册农户%d户%d人。入户排查户数以各乡镇入户排查台账为准，系统未记录。', ctx.as_of, total,
            T.sum(households, 'people')),
          screened,
        },
        table = {
          title = '在册农户情况',
          columns = { { key = 'category_name', title = '户属性' }, { key = 'households', title = '户数' }, { key = 'people', title = '人数' } },
          rows = T.with_total(households, 'category_name', { 'households', 'people' }),
        },
      },
      {
        heading = '二、问题及整改落实情况',
        text = {
          string.format('%s至%s，问题台账登记发现问题%d个，同期整改到位%d个；截至%s，台账中尚未整改的问题%d个，其中超过整改时限%d个。',
            from, ctx.as_of, found, closed, ctx.as_of, open, overdue),
          string.format('脱贫户及监测对象中，有%d户登记了%d年和%d年家庭纯收入，其中%d户%d年度家庭纯收入较上年增长，%d户下降。', with_incomes,
            year - 1, year, grew, year, fell),
        },
        tables = {
          {
            title = '比对筛查发现问题（按排查重点）',
            columns = { { key = 'group_name', title = '排查重点' }, { key = 'findings', title = '问题条数' }, { key = 'households', title = '涉及户数' } },
            rows = findings,
          },
          {
            title = '比对筛查发现问题（按检查项）',
            columns = { { key = 'check_name', title = '检查项', width = 36 }, { key = 'findings', title = '问题条数' }, { key = 'households', title = '涉及户数' } },
            rows = checks,
          },
          {
            title = '问题台账整改情况（分乡镇）',
            columns = {
              { key = 'township_name', title = '乡镇' }, { key = 'found', title = '发现问题' }, { key = 'closed', title = '已整改' },
              { key = 'open', title = '正在整改' }, { key = 'overdue', title = '超期未整改' },
            },
            rows = T.with_total(problems, 'township_name', { 'found', 'closed', 'open', 'overdue' }),
          },
          {
            title = string.format('脱贫户及监测对象收入变化（%d年与%d年比较）', year, year - 1),
            columns = {
              { key = 'category_name', title = '户属性' }, { key = 'households', title = '户数' },
              { key = 'per_capita_before', title = string.format('%d年', year - 1), group = '人均纯收入（元）' },
              { key = 'per_capita', title = string.format('%d年', year), group = '人均纯收入（元）' },
              { key = 'growth', title = '增幅' }, { key = 'increased', title = '增收户数' }, { key = 'decreased', title = '减收户数' },
            },
            rows = incomes,
          },
        },
      },
      {
        heading = '三、下一步工作安排',
        text = next_steps,
      },
    }
  end,
}
