-- 加强资金项目监管 (seed 004 四.2, 四.3) and the 光伏收益分配 risk point of 二.1.
local status = dixian.import('asset_status')
dixian.asset_check {
  id = 'binxian.asset-no-custodian',
  title = '项目资产未明确管护责任主体',
  group = '项目资产',
  severity = 'medium',
  source = '宾农工组办发〔2021〕33号 四.2：对脱贫攻坚期间各级财政专项扶贫资金形成的资产，明确管护责任主体',
  run = function(asset, ctx)
    if asset.custodian == nil then return asset.project .. '未明确管护责任主体' end
  end,
}

dixian.asset_check {
  id = 'binxian.asset-income-use',
  title = '资产收益简单分红或用途不合规',
  group = '项目资产',
  severity = 'medium',
  source = '宾农工组办发〔2021〕33号 四.3：资产收益分配主要用于项目运营管护、巩固脱贫成果和村内公益事业等方面……避免简单分红，一分了之',
  run = function(asset, ctx)
    local findings = {}
    for _, d in ipairs(asset.distributions) do
      local payout = false
      for _, word in ipairs(ctx.params.payout_words) do
        if d.purpose:find(word, 1, true) then payout = true break end
      end
      local allowed = false
      for _, word in ipairs(ctx.params.asset_allowed_uses) do
        if d.purpose:find(word, 1, true) then allowed = true break end
      end
      if payout then
        findings[#findings + 1] = string.format('%s %d年收益%.0f元用于"%s"，属简单分红、一分了之', asset.project, d.year, d.amount, d.purpose)
      elseif not allowed then
        findings[#findings + 1] = string.format('%s %d年收益%.0f元用于"%s"，不在规定用途之内', asset.project, d.year, d.amount, d.purpose)
      end
    end
    return findings
  end,
}

dixian.asset_check {
  id = 'binxian.solar-income-undistributed',
  title = '减收风险点：光伏等产业项目收益未分配',
  group = '十项减收风险点',
  severity = 'medium',
  source = '宾农工组办发〔2021〕33号 二.1：扶贫产业项目和光伏收益分配',
  run = function(asset, ctx)
    if asset.class ~= 'operating' then return nil end
    local income = asset.incomes[ctx.year - 1]
    if income == nil or income == 0 then return nil end
    for _, d in ipairs(asset.distributions) do
      if d.year == ctx.year - 1 then return nil end
    end
    return string.format('%s %d年收益%.0f元未分配', asset.project, ctx.year - 1, income)
  end,
}

dixian.asset_check {
  id = 'binxian.asset-idle-or-lost',
  title = '项目资产闲置或流失，未持续发挥效益',
  group = '项目资产',
  severity = 'high',
  source = '宾农工组办发〔2021〕33号 四.2：定期跟踪运行情况，及时化解潜在风险，确保项目持续发挥效益',
  description = 'The message says since when the asset has been idle or lost when the ledger holds the date its status began (状态起始日期); the seed sets no length of time that makes it a finding, so every idle or lost asset is one.',
  run = function(asset, ctx)
    if asset.status == 'idle' then
      return asset.project .. (status.since(asset, ctx, '闲置') or '处于闲置状态') .. '，未持续发挥效益'
    end
    if asset.status == 'lost' then
      return asset.project .. (status.since(asset, ctx, '流失') or '已流失') .. '，应及时化解风险、追回资产'
    end
  end,
}
