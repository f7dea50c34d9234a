-- 帮扶项目资产 (seed 001 (七); seed 000 二(二)3 on 扶贫（移民）资产闲置、收益未分配).
local status = dixian.import('asset_status')

dixian.parameter('asset_allowed_uses', {
  title = '经营性资产收益的重点用途',
  source = '宁党发〔2021〕15号 (七)：资产收益重点用于项目运行管护、巩固拓展脱贫攻坚成果、村级公益事业等；用途按这些关键字识别，关键字由县里设定',
  value = { '管护', '维修', '运行', '巩固', '公益', '帮扶', '救助', '奖励', '岗位' },
})

dixian.asset_check {
  id = 'ningxia.asset-no-custodian',
  title = '公益性资产未落实管护主体',
  group = '查漏补缺·漏扶',
  severity = 'medium',
  source = '宁党发〔2021〕15号 (七)：公益性资产落实管护主体，明确管护责任',
  run = function(asset, ctx)
    if asset.custodian == nil and asset.class == 'public-welfare' then
      return string.format('%s未落实管护主体', asset.project)
    end
  end,
}

dixian.asset_check {
  id = 'ningxia.asset-income-undistributed',
  title = '经营性资产收益未分配',
  group = '查漏补缺·漏扶',
  severity = 'medium',
  source = '宁党农发〔2021〕7号 二(二)3：扶贫（移民）资产闲置、收益未分配',
  run = function(asset, ctx)
    if asset.class ~= 'operating' then return nil end
    local findings = {}
    for year, income in pairs(asset.incomes) do
      local used = 0
      for _, d in ipairs(asset.distributions) do
        if d.year == year then used = used + d.amount end
      end
      if income > 0 and used == 0 then
        findings[#findings + 1] = string.format('%s %d年收益%.0f元未分配', asset.project, year, income)
      end
    end
    table.sort(findings)
    return findings
  end,
}

dixian.asset_check {
  id = 'ningxia.asset-income-use',
  title = '资产收益用途不合规（平均主义、一分了之）',
  group = '查漏补缺·漏扶',
  severity = 'medium',
  source = '宁党农发〔2021〕7号 二(二)3：资产收益重点用于项目运行管护、巩固拓展脱贫成果、村级公益事业，避免平均主义、杜绝一分了之',
  run = function(asset, ctx)
    local allowed = ctx.params.asset_allowed_uses
    local findings = {}
    for _, d in ipairs(asset.distributions) do
      local ok = false
      for _, word in ipairs(allowed) do
        if d.purpose:find(word, 1, true) then ok = true break end
      end
      if not ok then
        findings[#findings + 1] = string.format('%s %d年收益%.0f元用于"%s"，不属于管护、巩固成果、公益事业等重点用途',
          asset.project, d.year, d.amount, d.purpose)
      end
    end
    return findings
  end,
}

dixian.asset_check {
  id = 'ningxia.asset-idle-lost',
  title = '帮扶项目资产闲置或流失',
  group = '查漏补缺·漏扶',
  severity = 'medium',
  source = '宁党农发〔2021〕7号 二(二)3：扶贫（移民）资产闲置、收益未分配；宁党发〔2021〕15号 (七)：确保继续发挥作用……防止资产流失和被侵占',
  description = 'The message says since when, when the ledger holds the date the status began (状态起始日期); the seeds set no length of time.',
  run = function(asset, ctx)
    if asset.status == 'idle' then
      return string.format('%s%s，未发挥作用', asset.project, status.since(asset, ctx, '闲置') or '闲置')
    elseif asset.status == 'lost' then
      return asset.project .. (status.since(asset, ctx, '流失或被侵占') or '流失或被侵占')
    end
  end,
}
