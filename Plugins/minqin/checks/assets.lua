-- Assistance project assets. seed 003 (正文) 三(二)9：开展2024年实施项目资产确权登记工作……做到台账完善，
-- 权属明确，颁证到位；及时开展经营性项目资产绩效评价，坚决防止资产闲置或流失。
local status = dixian.import('asset_status')

dixian.asset_check {
  id = 'minqin.asset-ownership-unregistered',
  title = '帮扶项目资产未确权登记',
  group = '项目资产',
  severity = 'medium',
  source = '民农领发〔2024〕9号 三(二)9：尽快完成确权登记，做到台账完善，权属明确，颁证到位',
  run = function(asset, ctx)
    if not asset.ownership_registered then
      return string.format('%s（%s形成）未完成确权登记', asset.project, asset.formed_on)
    end
  end,
}

dixian.asset_check {
  id = 'minqin.asset-idle-or-lost',
  title = '帮扶项目资产闲置或流失',
  group = '项目资产',
  severity = 'high',
  source = '民农领发〔2024〕9号 三(二)9：坚决防止资产闲置或流失',
  description = 'The message says since when, when the ledger holds the date the status began (状态起始日期); the seed sets no length of time.',
  run = function(asset, ctx)
    if asset.status == 'idle' then
      return string.format('%s%s，应盘活利用', asset.project, status.since(asset, ctx, '闲置') or '闲置')
    elseif asset.status == 'lost' then
      return string.format('%s%s，应追责并补救', asset.project, status.since(asset, ctx, '流失或损毁') or '流失或损毁')
    end
  end,
}
