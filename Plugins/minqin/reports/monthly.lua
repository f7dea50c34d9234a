-- 防止返贫监测对象识别和风险消除情况月报: seed 003 附件2 二.16 (规范动态管理) asks for a monthly
-- round of 新识别、风险消除标注 and "每月30日前将识别、消除情况报市农业农村局备案". The report covers
-- the month of its date up to that date: who reported hardship (一键报贫 and the other channels,
-- 二.5), who was identified, whose risk was eliminated, the monitored households by kind and
-- risk type at the date, the totals since the transition period began, the households sent
-- back to monitoring (回退) and relabelled with a new risk (再标注: 二.16 "风险再标注", 二.15), the
-- 一键报贫 steps done after their due dates (二.4: the due list's 逾期完成, judged by the clock in
-- lib/minqin.lua), and the work overdue under the county's clocks (the due list). 清退 (removing
-- a household wrongly identified) is not a step the registry records, so it is not counted. When
-- the due list is incomplete (a deadline failed on a household), the report says so.
local T = dixian.import('report_tables')

local function township_rows(data, event, from, to)
  return data.episodes { event = event, from = from, to = to, by = 'township' }
end

dixian.report {
  id = 'monthly',
  title = '防止返贫监测对象识别和风险消除情况月报',
  source = '民农领发〔2024〕9号附件2 二.16：每月30日前将识别、消除情况报市农业农村局备案',
  description = 'The month of the report date: episodes reported, identified, eliminated, sent back and relabelled by township, monitored households by kind and risk type, steps done late and overdue work.',
  needs = { 'due' },
  -- A return handed up to the city: portrait, signed by the county's usual line (the seed shows no form).
  sign_off = dixian.import('sign_off'),
  orientation = 'portrait',
  render = function(data, ctx)
    local from, to = T.month_start(ctx.as_of), ctx.as_of
    local reported = data.episodes { event = 'reported', from = from, to = to, by = 'channel' }
    local identified = township_rows(data, 'identified', from, to)
    local eliminated = township_rows(data, 'eliminated', from, to)
    local sent_back = township_rows(data, 'sent-back', from, to)
    local relabelled = township_rows(data, 'relabelled', from, to)
    local late = data.done_late { from = from, to = to, by = 'title' }
    local late_year = data.done_late { from = string.format('%04d-01-01', ctx.year), to = to }
    local due_list = data.due_list()
    local by_risk = data.episodes { event = 'identified', from = from, to = to, by = 'risk_type' }
    local monitored = data.households { by = 'kind', where = { category = 'monitored' } }
    local open = data.households { by = 'risk_type', where = { category = 'monitored', status = { 'identified' } } }
    local overdue = data.due { by = { 'township', 'title' }, overdue = true }
    local at_risk = data.households { where = { category = 'monitored', status = 'identified' } }
    -- 累计: since the five-year transition period began (正文: "2024年是五年过渡期的第4年": 2021).
    local since = '2021-01-01'
    local identified_total = data.episodes { event = 'identified', from = since, to = to }
    local eliminated_total = data.episodes { event = 'eliminated', from = since, to = to }

    -- New identifications and eliminations side by side, by township.
    local townships, order = {}, {}
    local function row_of(r)
      if not townships[r.township] then
        townships[r.township] = { township = r.township_name, identified_households = 0, identified_people = 0,
                                  eliminated_households = 0, eliminated_people = 0, sent_back_households = 0,
                                  sent_back_people = 0, relabelled_households = 0, relabelled_people = 0 }
        order[#order + 1] = r.township
      end
      return townships[r.township]
    end
    local function put(rows, prefix)
      for _, r in ipairs(rows) do
        local row = row_of(r)
        row[prefix .. '_households'], row[prefix .. '_people'] = r.households, r.people
      end
    end
    put(identified, 'identified')
    put(eliminated, 'eliminated')
    put(sent_back, 'sent_back')
    put(relabelled, 'relabelled')
    table.sort(order)
    local flow = {}
    for i, code in ipairs(order) do flow[i] = townships[code] end
    local FLOW = { 'identified_households', 'identified_people', 'eliminated_households', 'eliminated_people',
                   'sent_back_households', 'sent_back_people', 'relabelled_households', 'relabelled_people' }

    local month = string.format('%d年%d月', ctx.year, ctx.month)
    local summary = string.format(
      '%s（%s至%s），全县新受理监测申报%d户，新识别纳入监测对象%d户%d人，风险消除%d户%d人，回退到监测状态%d户%d人，'
        .. '风险再标注%d户%d人。截至%s，共有监测户%d户%d人，其中风险未消除%d户；'
        .. '过渡期以来（%s起）累计识别%d户%d人，累计风险消除%d户%d人。',
      month, from, to, T.sum(reported, 'households'), T.sum(identified, 'households'), T.sum(identified, 'people'),
      T.sum(eliminated, 'households'), T.sum(eliminated, 'people'), T.sum(sent_back, 'households'), T.sum(sent_back, 'people'),
      T.sum(relabelled, 'households'), T.sum(relabelled, 'people'), to,
      T.sum(monitored, 'households'), T.sum(monitored, 'people'), T.sum(at_risk, 'households'),
      since, T.sum(identified_total, 'households'), T.sum(identified_total, 'people'),
      T.sum(eliminated_total, 'households'), T.sum(eliminated_total, 'people'))

    local overdue_total = T.sum(overdue, 'items')
    local late_total = T.sum(late, 'items')
    local late_text = late_total == 0
      and string.format('本月无超时限办结的一键报贫核查、反馈或认定。%d年以来累计%d项。', ctx.year, T.sum(late_year, 'items'))
      or string.format('本月一键报贫核查、反馈或认定超时限办结%d项，涉及%d户，合计逾期%d天；%d年以来累计%d项，涉及%d户。',
        late_total, T.sum(late, 'households'), T.sum(late, 'days_late'), ctx.year, T.sum(late_year, 'items'), T.sum(late_year, 'households'))
    local incomplete = not due_list.complete
      and string.format('截至报告日的待办和逾期清单不完整：有%d处时限规则出错，第六、七部分的数字和系统“我的待办”所列事项都不全，请县级系统管理员核查。', due_list.failures)
      or nil
    return {
      title = string.format('民勤县防止返贫监测对象识别和风险消除情况月报（%s）', month),
      { heading = '一、总体情况', text = incomplete and { summary, incomplete } or summary },
      {
        heading = '二、本月监测申报受理情况',
        table = {
          columns = { { key = 'channel_name', title = '发现渠道' }, { key = 'households', title = '户数' }, { key = 'people', title = '人数' } },
          rows = T.with_total(reported, 'channel_name', { 'households', 'people' }),
        },
      },
      {
        heading = '三、本月新识别、风险消除、回退和再标注情况（分乡镇）',
        table = {
          columns = {
            { key = 'township', title = '乡镇' },
            { key = 'identified_households', title = '户数', group = '新识别纳入监测' },
            { key = 'identified_people', title = '人数', group = '新识别纳入监测' },
            { key = 'eliminated_households', title = '户数', group = '风险消除' },
            { key = 'eliminated_people', title = '人数', group = '风险消除' },
            { key = 'sent_back_households', title = '户数', group = '回退到监测状态' },
            { key = 'sent_back_people', title = '人数', group = '回退到监测状态' },
            { key = 'relabelled_households', title = '户数', group = '风险再标注' },
            { key = 'relabelled_people', title = '人数', group = '风险再标注' },
          },
          rows = T.with_total(flow, 'township', FLOW),
        },
      },
      {
        heading = '四、本月新识别监测对象风险类型',
        table = {
          columns = { { key = 'risk_type_name', title = '风险类型' }, { key = 'households', title = '户数' }, { key = 'people', title = '人数' } },
          rows = by_risk,
        },
      },
      {
        heading = '五、监测户结构（截至报告日）',
        tables = {
          {
            title = '按监测对象类别',
            columns = { { key = 'kind_name', title = '监测对象类别' }, { key = 'households', title = '户数' }, { key = 'people', title = '人数' } },
            rows = T.with_total(monitored, 'kind_name', { 'households', 'people' }),
          },
          {
            title = '风险未消除监测户按风险类型（一户多种风险的分别计入）',
            columns = { { key = 'risk_type_name', title = '风险类型' }, { key = 'households', title = '户数' }, { key = 'people', title = '人数' } },
            rows = open,
          },
        },
      },
      {
        heading = '六、逾期未办事项',
        text = overdue_total == 0 and '截至报告日，无逾期未办事项。'
          or string.format('截至报告日，逾期未办事项%d项，涉及%d户，分乡镇、分事项见下表，请各乡镇限期办结。',
            overdue_total, T.sum(overdue, 'households')),
        table = {
          columns = { { key = 'township_name', title = '乡镇' }, { key = 'title_name', title = '事项' }, { key = 'items', title = '逾期项数' },
                      { key = 'households', title = '涉及户数' } },
          rows = overdue,
        },
      },
      {
        heading = '七、超时限办结事项',
        text = late_text,
        table = {
          columns = { { key = 'title_name', title = '事项' }, { key = 'items', title = '项数' }, { key = 'households', title = '涉及户数' },
                      { key = 'days_late', title = '合计逾期天数' } },
          rows = late,
        },
      },
    }
  end,
}
