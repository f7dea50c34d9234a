-- 住院医疗费用报销不及时 (seed 002 二(五), every household): a stay discharged more than
-- reimbursement_days (30, the county's limit: the seed gives none) ago with nothing reimbursed.
local function stay(discharged_on, reimbursed)
  return {
    head_name = '刘明', members = { { age = 60, name = '刘明' }, { age = 58, sex = 'female', name = '赵兰' } },
    incomes = { { year = 2020, wage = 30000 }, { year = 2021, wage = 32000 } },
    hospital_stays = { { member = '刘明', admitted_on = '2021-09-01', discharged_on = discharged_on, hospital = '萧县人民医院',
                         cost = 18600, reimbursed = reimbursed } },
  }
end

dixian.spec('discharged on 10 October and nothing reimbursed by 20 December', {
  as_of = '2021-12-20',
  household = stay('2021-10-10'),
  findings = { 'xiaoxian.hospital-reimbursement-late' },
  messages = { ['xiaoxian.hospital-reimbursement-late'] = '刘明在萧县人民医院住院，2021-10-10出院，费用18600元；出院超过30天仍未报销' },
})

dixian.spec('discharged on 10 October and reimbursed', {
  as_of = '2021-12-20',
  household = stay('2021-10-10', 12000),
  excludes = { 'xiaoxian.hospital-reimbursement-late' },
})

dixian.spec('still in hospital: nothing to reimburse yet', {
  as_of = '2021-12-20',
  household = stay(nil),
  excludes = { 'xiaoxian.hospital-reimbursement-late' },
})

dixian.spec('a stay that cost nothing, discharged on 5 September with nothing reimbursed, has nothing to reimburse', {
  as_of = '2021-12-20',
  household = (function()
    local h = stay('2021-09-05')
    h.hospital_stays[1].cost = 0
    return h
  end)(),
  excludes = { 'xiaoxian.hospital-reimbursement-late' },
})

dixian.spec('discharged on 20 November: 30 days end on 20 December, the assessment day, not late', {
  as_of = '2021-12-20',
  household = stay('2021-11-20'),
  excludes = { 'xiaoxian.hospital-reimbursement-late' },
})

dixian.spec('discharged on 19 November: 31 days without reimbursement is late', {
  as_of = '2021-12-20',
  household = stay('2021-11-19'),
  includes = { 'xiaoxian.hospital-reimbursement-late' },
})
