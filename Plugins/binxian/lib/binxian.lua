-- Helpers shared by Bin County's checks.
local B = {}

--- Whether the income-loss risk points apply to h: 脱贫人口 and 边缘易致贫人口 (seed 004 二.1:
--- 促进脱贫人口和边缘易致贫人口稳定增收). 脱贫人口 are the 脱贫户 still registered as such and
--- the 脱贫不稳定户 now monitored (二.3 names them: 重点关注脱贫不稳户和边缘易致户).
function B.in_scope(h)
  return h.category == 'lifted' or h.monitored_kind == 'unstable' or h.monitored_kind == 'marginal'
end

--- Last year's and the year before's income records.
function B.two_years(h, ctx)
  return h.incomes[ctx.year - 1], h.incomes[ctx.year - 2]
end

--- Whether `now` fell below `before` by the county's share.
function B.fell(now, before, share)
  return before > 0 and now < before * (1 - share)
end

--- The first day of 近期 (seed 004 三.1): 1 January of the year `recent_event_years` before the
--- assessment year (1: this year or last year).
local function recent_since(ctx)
  return string.format('%04d-01-01', ctx.year - ctx.params.recent_event_years)
end

--- The first episode labelled `risk` reported recently (近期, recent_since).
function B.recent_risk(h, ctx, risk)
  local since = recent_since(ctx)
  for _, episode in ipairs(h.episodes) do
    if episode.reported_on >= since then
      for _, kind in ipairs(episode.risk_types) do
        if kind == risk then return episode end
      end
    end
  end
end

--- The disaster recorded for h's village (places.csv 受灾日期, 受灾情况) when it is recent
--- (recent_since, up to the assessment date): `on`, `what` and the village's `name`; nil otherwise.
function B.village_disaster(h, ctx)
  local on = h.village_disaster_on
  if on ~= nil and on >= recent_since(ctx) then
    return { on = on, what = h.village_disaster, name = h.village_name or h.village }
  end
end

return B
