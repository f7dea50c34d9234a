-- 大排查 二(八) 光伏 and 二(九) 扶贫项目资产管理 (seed 002), on the registry's assets. A station's
-- 管护 is judged by its custodian (管护主体), the upkeep itself not being recorded. The
-- registry holds no utilisation rate, so 利用率不高 is judged only as 闲置. The messages of 闲置 and
-- 流失 say since when where the ledger holds the date the status began; 资金保障 is not held
-- (docs/rules.md). Group ASSET_GROUP: the self-inspection report counts the findings of this
-- group as assets, not households.
local X = require('lib.xiaoxian')
local status = dixian.import('asset_status')

dixian.asset_check {
  id = 'xiaoxian.asset-idle',
  title = '扶贫项目资产处于闲置状态',
  group = X.ASSET_GROUP,
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(九)：是否存在扶贫项目资产利用率不高甚至处于闲置状态、没有持续发挥效益问题',
  run = function(asset, ctx)
    if asset.status == 'idle' then
      return asset.project .. (status.since(asset, ctx, '闲置') or '处于闲置状态') .. '，没有持续发挥效益'
    end
  end,
}

dixian.asset_check {
  id = 'xiaoxian.operating-asset-lost',
  title = '经营性资产流失',
  group = X.ASSET_GROUP,
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(九)：是否存在经营性资产流失风险',
  run = function(asset, ctx)
    if asset.class == 'operating' and asset.status == 'lost' then
      local since = status.since(asset, ctx, '流失或损毁')
      return asset.project .. '（经营性资产）' .. (since or '已流失或损毁')
    end
  end,
}

dixian.asset_check {
  id = 'xiaoxian.public-asset-no-custodian',
  title = '公益性资产管理责任不明确',
  group = X.ASSET_GROUP,
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(九)：是否存在……公益性资产管理责任不明确、资金保障不到位问题',
  description = 'A 光伏帮扶电站 without a custodian is left to xiaoxian.solar-no-custodian (二(八)), which finds it whatever its class, so that one asset is not found twice.',
  run = function(asset, ctx)
    if asset.class == 'public-welfare' and asset.custodian == nil and not X.solar(asset, ctx) then
      return asset.project .. '（公益性资产）未明确管护主体'
    end
  end,
}

dixian.asset_check {
  id = 'xiaoxian.solar-no-custodian',
  title = '光伏帮扶电站未明确管护主体',
  group = X.ASSET_GROUP,
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(八)：光伏帮扶电站运维管理是否到位高效……光伏帮扶电站管护是否到位',
  description = 'A station (solar_words) of any class, operating ones included, with no custodian (管护主体) recorded. The registry records the custodian, not the upkeep itself, which is for the visit.',
  run = function(asset, ctx)
    if asset.custodian == nil and X.solar(asset, ctx) then return asset.project .. '（光伏帮扶电站）未明确管护主体，应明确管护责任' end
  end,
}

dixian.asset_check {
  id = 'xiaoxian.solar-income-undistributed',
  title = '村级光伏电站收益未分配',
  group = X.ASSET_GROUP,
  severity = 'medium',
  source = '萧乡振办〔2021〕7号 二(八)：村级光伏电站收益分配是否精准规范',
  description = 'A station is an asset whose project names one of the words of solar_words; its income of the assessed year with no use recorded that year is a finding. Whether a distribution is 精准 is for the visit.',
  run = function(asset, ctx)
    if not X.solar(asset, ctx) then return nil end
    local year = X.assessed_year(ctx)
    local income = asset.incomes[year]
    if income == nil or income == 0 then return nil end
    for _, d in ipairs(asset.distributions) do
      if d.year == year then return nil end
    end
    return string.format('%s %d年收益%.0f元未分配', asset.project, year, income)
  end,
}
