-- Assets of seed 001 (七) and seed 000 二(二)3.

dixian.spec('a public-welfare asset without a custodian', {
  as_of = '2020-06-15',
  asset = { project = '村级饮水工程', class = 'public-welfare' },
  findings = { 'ningxia.asset-no-custodian' },
})

dixian.spec('operating income of 2019 left undistributed', {
  as_of = '2020-06-15',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体经济合作社',
    incomes = { { year = 2019, income = 96000 } },
  },
  findings = { 'ningxia.asset-income-undistributed' },
})

dixian.spec('income paid out as an even dividend is not one of the uses the region names', {
  as_of = '2020-06-15',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体经济合作社',
    incomes = { { year = 2019, income = 96000 } },
    distributions = { { year = 2019, purpose = '管护维修', amount = 16000 }, { year = 2019, purpose = '按户平均分红', amount = 80000 } },
  },
  findings = { 'ningxia.asset-income-use' },
})

dixian.spec('an operating asset without a custodian is not a 公益性 asset without one', {
  as_of = '2020-06-15',
  asset = { project = '扶贫车间', class = 'operating' },
  excludes = { 'ningxia.asset-no-custodian' },
})

dixian.spec('a public-welfare asset with a custodian', {
  as_of = '2020-06-15',
  asset = { project = '村级饮水工程', class = 'public-welfare', custodian = '村委会' },
  excludes = { 'ningxia.asset-no-custodian' },
})

dixian.spec('operating income of 2019 partly spent on upkeep is distributed', {
  as_of = '2020-06-15',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体经济合作社',
    incomes = { { year = 2019, income = 96000 } },
    distributions = { { year = 2019, purpose = '管护维修', amount = 16000 }, { year = 2019, purpose = '公益性岗位工资', amount = 80000 } },
  },
  findings = {},
  excludes = { 'ningxia.asset-income-undistributed', 'ningxia.asset-income-use' },
})

dixian.spec('an idle asset (宁党农发〔2021〕7号 二(二)3 资产闲置)', {
  as_of = '2020-06-15',
  asset = { project = '移民村冷库', class = 'operating', custodian = '村集体经济合作社', status = 'idle' },
  findings = { 'ningxia.asset-idle-lost' },
})

dixian.spec('a lost asset (宁党发〔2021〕15号 (七) 防止资产流失)', {
  as_of = '2020-06-15',
  asset = { project = '养殖圈棚', class = 'household', status = 'lost' },
  findings = { 'ningxia.asset-idle-lost' },
})

dixian.spec('a lost asset whose loss is dated: the message says since when (状态起始日期)', {
  as_of = '2020-06-15',
  asset = { project = '养殖圈棚', class = 'household', status = 'lost', status_since = '2019-11-03' },
  findings = { 'ningxia.asset-idle-lost' },
  messages = { ['ningxia.asset-idle-lost'] = '养殖圈棚自2019年11月起流失或被侵占，已7个月' },
})

dixian.spec('an asset in use is neither idle nor lost', {
  as_of = '2020-06-15',
  asset = { project = '移民村冷库', class = 'operating', custodian = '村集体经济合作社', status = 'in-use' },
  excludes = { 'ningxia.asset-idle-lost', 'ningxia.asset-income-undistributed', 'ningxia.asset-income-use' },
})
