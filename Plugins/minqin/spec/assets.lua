-- Assistance project assets, seed 003 三(二)9: 确权登记 and no idle or lost assets.

dixian.spec('an asset formed in 2024 and not yet registered', {
  as_of = '2024-06-30',
  asset = { project = '日光温室', class = 'operating', value = 800000, formed_on = '2024-03-01', ownership_registered = false },
  findings = { 'minqin.asset-ownership-unregistered' },
})

dixian.spec('an idle asset must be put back to use', {
  as_of = '2024-06-30',
  asset = { project = '养殖暖棚', class = 'operating', status = 'idle' },
  findings = { 'minqin.asset-idle-or-lost' },
})

dixian.spec('an asset idle since May 2023: the message says since when (状态起始日期)', {
  as_of = '2024-06-30',
  asset = { project = '养殖暖棚', class = 'operating', status = 'idle', status_since = '2023-05-20' },
  findings = { 'minqin.asset-idle-or-lost' },
  messages = { ['minqin.asset-idle-or-lost'] = '养殖暖棚自2023年5月起闲置，已13个月，应盘活利用' },
})

dixian.spec('an asset idle since this month: no whole month to count yet', {
  as_of = '2024-06-30',
  asset = { project = '养殖暖棚', class = 'operating', status = 'idle', status_since = '2024-06-05' },
  messages = { ['minqin.asset-idle-or-lost'] = '养殖暖棚自2024年6月起闲置，应盘活利用' },
})

dixian.spec('a registered asset in use is fine', {
  as_of = '2024-06-30',
  asset = { project = '村组道路硬化', class = 'public-welfare', custodian = '村股份经济合作社' },
  findings = {},
  excludes = { 'minqin.asset-ownership-unregistered', 'minqin.asset-idle-or-lost' },
})
