-- 二(八) 光伏 and 二(九) 扶贫项目资产 (seed 002), each check on both sides of its line.

dixian.spec('an idle asset', {
  as_of = '2021-12-20',
  asset = { project = '扶贫车间', class = 'operating', custodian = '村集体', status = 'idle' },
  findings = { 'xiaoxian.asset-idle' },
})

dixian.spec('an asset idle since May: the message says since when (状态起始日期)', {
  as_of = '2021-12-20',
  asset = { project = '扶贫车间', class = 'operating', custodian = '村集体', status = 'idle', status_since = '2021-05-10' },
  findings = { 'xiaoxian.asset-idle' },
  messages = { ['xiaoxian.asset-idle'] = '扶贫车间自2021年5月起闲置，已7个月，没有持续发挥效益' },
})

dixian.spec('an operating asset lost', {
  as_of = '2021-12-20',
  asset = { project = '养殖场', class = 'operating', custodian = '村集体', status = 'lost' },
  findings = { 'xiaoxian.operating-asset-lost' },
  messages = { ['xiaoxian.operating-asset-lost'] = '养殖场（经营性资产）已流失或损毁' },
})

dixian.spec('an operating asset lost since a month the ledger holds', {
  as_of = '2021-12-20',
  asset = { project = '养殖场', class = 'operating', custodian = '村集体', status = 'lost', status_since = '2021-03-15' },
  findings = { 'xiaoxian.operating-asset-lost' },
  messages = { ['xiaoxian.operating-asset-lost'] = '养殖场（经营性资产）自2021年3月起流失或损毁，已9个月' },
})

dixian.spec('a lost asset that is not operating is outside 经营性资产流失', {
  as_of = '2021-12-20',
  asset = { project = '到户圈舍', class = 'household', custodian = '农户', status = 'lost' },
  excludes = { 'xiaoxian.operating-asset-lost', 'xiaoxian.asset-idle' },
})

dixian.spec('a public-welfare asset with no custodian', {
  as_of = '2021-12-20',
  asset = { project = '村内道路', class = 'public-welfare' },
  findings = { 'xiaoxian.public-asset-no-custodian' },
})

dixian.spec('an operating asset with no custodian is outside 公益性资产管理责任, and not a solar station', {
  as_of = '2021-12-20',
  asset = { project = '扶贫车间', class = 'operating' },
  excludes = { 'xiaoxian.public-asset-no-custodian', 'xiaoxian.solar-no-custodian' },
})

dixian.spec('光伏管护: an operating solar station with no custodian is found (二(八)), though 二(九) looks only at public-welfare assets', {
  as_of = '2021-12-20',
  asset = { project = '村级光伏电站', class = 'operating' },
  findings = { 'xiaoxian.solar-no-custodian' },
  messages = { ['xiaoxian.solar-no-custodian'] = '村级光伏电站（光伏帮扶电站）未明确管护主体，应明确管护责任' },
})

dixian.spec('光伏管护: a public-welfare solar station with no custodian is found once, as a station', {
  as_of = '2021-12-20',
  asset = { project = '光伏扶贫电站', class = 'public-welfare' },
  findings = { 'xiaoxian.solar-no-custodian' },
})

dixian.spec('光伏管护: a solar station with its custodian', {
  as_of = '2021-12-20',
  asset = { project = '村级光伏电站', class = 'operating', custodian = '村集体' },
  excludes = { 'xiaoxian.solar-no-custodian' },
})

dixian.spec('in the 大排查 of December 2021, a solar station with 2021 income and no use recorded for 2021', {
  as_of = '2021-12-20',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体',
    incomes = { { year = 2020, income = 50000 }, { year = 2021, income = 52000 } },
    distributions = { { year = 2020, purpose = '公益岗位工资', amount = 50000 } },
  },
  findings = { 'xiaoxian.solar-income-undistributed' },
})

dixian.spec('a solar station whose 2021 income went to public-welfare posts', {
  as_of = '2021-12-20',
  asset = {
    project = '村级光伏电站', class = 'operating', custodian = '村集体', status = 'in-use',
    incomes = { { year = 2021, income = 52000 } },
    distributions = { { year = 2021, purpose = '公益岗位工资', amount = 52000 } },
  },
  excludes = { 'xiaoxian.solar-income-undistributed', 'xiaoxian.asset-idle', 'xiaoxian.operating-asset-lost' },
})

dixian.spec('undistributed income of an asset that is not a solar station is not a 光伏 finding', {
  as_of = '2021-12-20',
  asset = { project = '扶贫车间', class = 'operating', custodian = '村集体', incomes = { { year = 2021, income = 30000 } } },
  excludes = { 'xiaoxian.solar-income-undistributed' },
})
