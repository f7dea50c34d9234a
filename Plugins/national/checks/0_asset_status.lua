-- Since when an asset has been in its status, for the asset checks of every county plugin (they
-- extend this one): dixian.import('asset_status'). Loaded before the county plugins' checks.
local M = {}

--- '自2023年5月起闲置，已7个月': the month the asset's status began (asset.status_since, the
--- ledger's 状态起始日期), `word` for the status, and the whole months since then to the
--- assessment date when there is one; nil when the ledger does not hold the date.
function M.since(asset, ctx, word)
  local began = asset.status_since
  if began == nil then return nil end
  local year, month = dixian.date.parts(began)
  local phrase = string.format('自%d年%d月起%s', year, month, word)
  local months = dixian.date.months_between(began, ctx.as_of)
  if months < 1 then return phrase end
  return string.format('%s，已%d个月', phrase, months)
end

dixian.export('asset_status', M)
