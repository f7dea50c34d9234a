-- Asset supervision of seed 004 四.2 and 四.3, and the 光伏收益分配 risk point of 二.1.

dixian.spec('a dividend paid out to households: 简单分红、一分了之', {
  as_of = '2021-09-19',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体',
    incomes = { { year = 2020, income = 60000 } },
    distributions = { { year = 2020, purpose = '分红发放到户', amount = 60000 } },
  },
  findings = { 'binxian.asset-income-use' },
})

dixian.spec('2020 solar income not distributed at all', {
  as_of = '2021-09-19',
  asset = { project = '村级光伏电站', class = 'operating', custodian = '村集体', incomes = { { year = 2020, income = 60000 } } },
  findings = { 'binxian.solar-income-undistributed' },
})

dixian.spec('income used for upkeep and public-welfare posts, custodian named: no finding', {
  as_of = '2021-09-19',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体',
    incomes = { { year = 2020, income = 60000 } },
    distributions = { { year = 2020, purpose = '管护维修', amount = 10000 }, { year = 2020, purpose = '公益岗位工资', amount = 50000 } },
  },
  findings = {},
})

dixian.spec('an asset without a custodian', {
  as_of = '2021-09-19',
  asset = { project = '到户养殖圈舍', class = 'household' },
  findings = { 'binxian.asset-no-custodian' },
})

dixian.spec('an idle asset is not bringing benefits', {
  as_of = '2021-09-19',
  asset = { project = '村级扶贫车间', class = 'operating', custodian = '村集体', status = 'idle' },
  includes = { 'binxian.asset-idle-or-lost' },
})

dixian.spec('a lost asset', {
  as_of = '2021-09-19',
  asset = { project = '到户养殖圈舍', class = 'household', custodian = '农户', status = 'lost' },
  includes = { 'binxian.asset-idle-or-lost' },
})

dixian.spec('an asset idle since February: the message says since when (状态起始日期)', {
  as_of = '2021-09-19',
  asset = { project = '村级扶贫车间', class = 'operating', custodian = '村集体', status = 'idle', status_since = '2021-02-01' },
  messages = { ['binxian.asset-idle-or-lost'] = '村级扶贫车间自2021年2月起闲置，已7个月，未持续发挥效益' },
})

dixian.spec('a lost asset whose loss is dated says since when', {
  as_of = '2021-09-19',
  asset = { project = '到户养殖圈舍', class = 'household', custodian = '农户', status = 'lost', status_since = '2020-09-30' },
  messages = { ['binxian.asset-idle-or-lost'] = '到户养殖圈舍自2020年9月起流失，已11个月，应及时化解风险、追回资产' },
})

dixian.spec('an asset back in use since a date is neither idle nor lost', {
  as_of = '2021-09-19',
  asset = { project = '村级扶贫车间', class = 'operating', custodian = '村集体', status = 'in-use', status_since = '2021-06-01' },
  excludes = { 'binxian.asset-idle-or-lost' },
})

dixian.spec('an asset in use with a custodian whose income went to upkeep: none of the asset checks fires', {
  as_of = '2021-09-19',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体', status = 'in-use',
    incomes = { { year = 2020, income = 60000 } },
    distributions = { { year = 2020, purpose = '管护维修', amount = 60000 } },
  },
  excludes = { 'binxian.asset-idle-or-lost', 'binxian.asset-no-custodian', 'binxian.asset-income-use', 'binxian.solar-income-undistributed' },
})

dixian.spec('a public-welfare asset with 2020 income left undistributed is not an operating project: no solar finding', {
  as_of = '2021-09-19',
  asset = { project = '村内道路', class = 'public-welfare', custodian = '村委会', incomes = { { year = 2020, income = 5000 } } },
  excludes = { 'binxian.solar-income-undistributed' },
})
