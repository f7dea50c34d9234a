-- What `dixian due` lists for Ningxia: the next 定期跟踪回访 of a monitored household (seed 001
-- (四), on the clock the check ningxia.follow-up-visit reads) and the yearly 集中全面查补 (seed
-- 000 三(四)).
local N = require('lib.ningxia')

dixian.deadline {
  id = 'ningxia.follow-up-visit',
  title = '监测户定期跟踪回访',
  responsible = '乡镇人民政府',
  source = '宁党发〔2021〕15号 (四)：县乡村干部定期跟踪回访',
  run = function(h, ctx)
    local due, since = N.next_visit(h, ctx)
    if due == nil then return nil end
    return { due_on = due, person = h.helper,
             message = string.format('%s后%d天内跟踪回访', since, ctx.params.follow_up_visit_days) }
  end,
}

dixian.deadline {
  id = 'ningxia.yearly-check',
  title = '年度集中全面查补入户',
  responsible = '乡镇人民政府',
  source = '宁党农发〔2021〕7号 三(四)：每年至少定期开展一次集中全面查补',
  run = function(h, ctx)
    local in_scope = false
    for _, category in ipairs(ctx.params.yearly_check_categories) do
      if h.category == category then in_scope = true end
    end
    if not in_scope then return nil end
    local first = string.format('%04d-01-01', ctx.year)
    for _, visit in ipairs(h.visits) do
      if visit.visited_on >= first and not ctx.before(visit.visited_on) then return nil end
    end
    return { due_on = string.format('%04d-12-31', ctx.year), person = h.helper,
             message = string.format('%d年集中全面查补尚未入户（每年至少一次）', ctx.year) }
  end,
}
