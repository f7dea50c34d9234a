-- 因灾"绿色通道": seed 003 附件2 二.8 (对存在因灾返贫致贫风险的农户，通过"绿色通道"先落实帮扶措施再履行
-- 相关程序) and 正文三(一)4 (对存在因灾返贫风险的农户，符合政策规定的可先行落实帮扶措施). The registry
-- records a plan only for an identified episode, so the check flags what it can see: an episode
-- carrying 因自然灾害 still in the identification procedure (reported, verified, accepted) with no
-- 一户一策 plan for it, and one identified this year whose first plan came after identification.
local m = require('lib.minqin')

dixian.check {
  id = 'minqin.disaster-green-channel',
  title = '因灾风险户未先落实帮扶措施（绿色通道）',
  group = '识别认定',
  risk_types = { 'natural-disaster' },
  severity = 'high',
  source = '民农领发〔2024〕9号附件2 二.8：对存在因灾返贫致贫风险的农户，通过"绿色通道"先落实帮扶措施再履行相关程序',
  run = function(h, ctx)
    local year_start = string.format('%04d-01-01', ctx.year)
    for _, episode in ipairs(h.episodes) do
      local disaster = false
      for _, risk in ipairs(episode.risk_types) do
        if risk == 'natural-disaster' then disaster = true break end
      end
      local status = episode.status
      if disaster and (status == 'reported' or status == 'verified' or status == 'accepted' or status == 'identified') then
        local first
        for _, plan in ipairs(h.plans) do
          if m.plan_of(plan, episode) and (first == nil or plan.made_on < first) then first = plan.made_on end
        end
        if status ~= 'identified' and first == nil then
          return string.format('%s报告因灾风险，认定程序未完成，尚未落实帮扶措施：应通过"绿色通道"先落实帮扶措施再履行程序', episode.reported_on)
        elseif status == 'identified' and episode.identified_on and episode.identified_on >= year_start and (first == nil or first > episode.identified_on) then
          return string.format('%s认定的因灾风险户，帮扶计划%s：应通过"绿色通道"先落实帮扶措施再履行程序',
            episode.identified_on, first and (first .. '才制定') or '尚未制定')
        end
      end
    end
  end,
}
