-- 六必访 and 六必查 of seed 003 附件2 二.9, and the no-labor rule of 二.15.
local well_off = { { year = 2023, wage = 40000 } }

dixian.spec('六必访: a member with a serious illness', {
  as_of = '2024-06-30',
  household = { members = { { age = 50, health = 'serious-illness' }, { age = 48 } }, incomes = well_off },
  findings = { 'minqin.six-must-visit' },
})

dixian.spec('六必访: a severely disabled member (grade 2) but not a grade 4 one', {
  as_of = '2024-06-30',
  household = { members = { { age = 50, disability_grade = 2 } }, incomes = well_off },
  includes = { 'minqin.six-must-visit' },
})

dixian.spec('六必访: a grade 4 disability alone is not severe', {
  as_of = '2024-06-30',
  household = { members = { { age = 50, disability_grade = 4 } }, incomes = well_off },
  excludes = { 'minqin.six-must-visit' },
})

dixian.spec('六必查: a 低保 household with a senior-secondary student, not monitored', {
  as_of = '2024-06-30',
  household = {
    minimum_living_allowance = true,
    members = { { age = 45 }, { age = 17, school_stage = 'senior-secondary', school_status = 'enrolled' } },
    incomes = well_off,
  },
  findings = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a household supporting a 中职 student and a 高职 student (高中和大专), not monitored', {
  as_of = '2024-06-30',
  household = {
    members = {
      { age = 45 }, { age = 16, school_stage = 'secondary-vocational', school_status = 'enrolled' },
      { age = 19, school_stage = 'higher-vocational', school_status = 'enrolled' },
    },
    incomes = well_off,
  },
  includes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a household supporting a 初中 student is not one supporting 高中 or 大专 students', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45 }, { age = 14, school_stage = 'junior-secondary', school_status = 'enrolled' } },
    incomes = well_off,
  },
  excludes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a monitored 低保 household is already monitored, not on the must-check list', {
  as_of = '2024-06-30',
  household = {
    category = 'monitored', monitored_kind = 'marginal', minimum_living_allowance = true,
    members = { { age = 45 } }, incomes = well_off,
    episodes = { { reported_on = '2024-03-01', identified_on = '2024-03-10', risk_types = { 'illness' } } },
  },
  excludes = { 'minqin.six-must-check' },
})

-- 突发意外家庭 within six_must_check.accident_days (365) of the accident's report.
local function accident(reported_on)
  return {
    members = { { age = 45 } }, incomes = well_off,
    episodes = { { reported_on = reported_on, identified_on = reported_on, risk_types = { 'accident' },
      status = 'eliminated', eliminated_on = reported_on } },
  }
end

dixian.spec('六必查: an accident reported on 2023-07-01 is within a year of 2024-06-30', {
  as_of = '2024-06-30', household = accident('2023-07-01'), includes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: an accident of 2019 no longer lists the household in 2024', {
  as_of = '2024-06-30', household = accident('2019-05-01'), excludes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: an accident reported on 2023-06-30 is 366 days before 2024-06-30: outside the year', {
  as_of = '2024-06-30', household = accident('2023-06-30'), excludes = { 'minqin.six-must-check' },
})

-- 有病人住院家庭: in hospital, or discharged within six_must_check.hospital_days (365).
local function in_hospital(stay)
  return { members = { { age = 45, name = '王建军' }, { age = 70, name = '王德福' } }, incomes = well_off,
    hospital_stays = { stay } }
end

dixian.spec('六必查: a member discharged from hospital in May 2024, not monitored', {
  as_of = '2024-06-30',
  household = in_hospital({ member = '王德福', admitted_on = '2024-05-02', discharged_on = '2024-05-14', cost = 18600,
    reimbursed = 12000 }),
  findings = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a member still in hospital on the assessment date', {
  as_of = '2024-06-30',
  household = in_hospital({ member = '王德福', admitted_on = '2024-06-25', cost = 3000 }),
  includes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: discharged on 2023-06-30, 366 days before 2024-06-30: outside the year', {
  as_of = '2024-06-30',
  household = in_hospital({ member = '王德福', admitted_on = '2023-06-20', discharged_on = '2023-06-30', cost = 9000 }),
  excludes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: discharged on 2023-07-01 is within the year of 2024-06-30', {
  as_of = '2024-06-30',
  household = in_hospital({ member = '王德福', admitted_on = '2023-06-20', discharged_on = '2023-07-01', cost = 9000 }),
  includes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a stay admitted after the assessment date is not yet in view', {
  as_of = '2024-06-30',
  household = in_hospital({ member = '王德福', admitted_on = '2024-07-02', discharged_on = '2024-07-09', cost = 5000 }),
  excludes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a monitored household with a member in hospital is already monitored', {
  as_of = '2024-06-30',
  household = {
    category = 'monitored', monitored_kind = 'marginal', members = { { age = 45, name = '王建军' } }, incomes = well_off,
    episodes = { { reported_on = '2024-03-01', identified_on = '2024-03-10', risk_types = { 'illness' } } },
    hospital_stays = { { admitted_on = '2024-05-02', discharged_on = '2024-05-14', cost = 18600 } },
  },
  excludes = { 'minqin.six-must-check' },
})

dixian.spec('走访清单: 有病人住院 names the member and the admission', {
  as_of = '2024-06-30',
  household = in_hospital({ member = '王德福', admitted_on = '2024-05-02', discharged_on = '2024-05-14', cost = 18600 }),
  checklist = {
    id = 'six-musts-visit-list',
    row = { hospital = '王德福 2024-05-02入院', allowance = '', students = '', complaint = '' },
  },
})

-- 有投诉举报情况的农户: open, or received within six_must_check.complaint_days (365).
local function complained(complaint)
  return { members = { { age = 45, name = '李春花' } }, incomes = well_off, complaints = { complaint } }
end

dixian.spec('六必查: a complaint received in March 2024 and closed, not monitored', {
  as_of = '2024-06-30',
  household = complained({ received_on = '2024-03-02', channel = 'hotline', closed_on = '2024-03-20' }),
  findings = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a complaint of 2022 still open', {
  as_of = '2024-06-30',
  household = complained({ received_on = '2022-05-10', channel = 'petition' }),
  includes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a complaint of 2022 closed only after the assessment date was still open on it', {
  as_of = '2024-06-30',
  household = complained({ received_on = '2022-05-10', channel = 'petition', closed_on = '2024-08-01' }),
  includes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a complaint received on 2023-06-30 and closed is 366 days before 2024-06-30: outside the year', {
  as_of = '2024-06-30',
  household = complained({ received_on = '2023-06-30', channel = 'online', closed_on = '2023-07-15' }),
  excludes = { 'minqin.six-must-check' },
})

dixian.spec('六必查: a complaint received after the assessment date is not yet in view', {
  as_of = '2024-06-30',
  household = complained({ received_on = '2024-07-01', channel = 'hotline' }),
  excludes = { 'minqin.six-must-check' },
})

dixian.spec('走访清单: 有投诉举报 gives the date and the channel', {
  as_of = '2024-06-30',
  household = complained({ received_on = '2024-03-02', channel = 'hotline', closed_on = '2024-03-20' }),
  checklist = { id = 'six-musts-visit-list', row = { complaint = '2024-03-02（12317热线）', hospital = '' } },
})

-- 单亲: read from the relations; a child under six_must_visit.single_parent_child_age (18).
dixian.spec('六必访: 单亲, a mother raising her 12-year-old son alone', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 38, name = '张秀兰', sex = 'female' }, { age = 12, name = '张浩', relation = '之子' } },
    incomes = well_off,
  },
  includes = { 'minqin.six-must-visit' },
})

dixian.spec('六必访: 单亲, the head\'s widowed son with a 9-year-old daughter', {
  as_of = '2024-06-30',
  household = {
    members = {
      { age = 66, name = '刘福', relation = '户主' }, { age = 64, name = '赵桂英', relation = '配偶', sex = 'female' },
      { age = 36, name = '刘强', relation = '之子' }, { age = 9, name = '刘欣', relation = '之孙女', sex = 'female' },
    },
    incomes = well_off,
  },
  includes = { 'minqin.six-must-visit' },
  checklist = { id = 'six-musts-visit-list', row = { frail = '刘强（单亲）' } },
})

dixian.spec('六必访: a couple with a 12-year-old son is not 单亲', {
  as_of = '2024-06-30',
  household = {
    members = {
      { age = 40, name = '张建国' }, { age = 38, name = '王秀兰', relation = '配偶', sex = 'female' },
      { age = 12, name = '张浩', relation = '之子' },
    },
    incomes = well_off,
  },
  excludes = { 'minqin.six-must-visit' },
})

dixian.spec('六必访: a widow living with her 18-year-old son is not 单亲 (the child is grown)', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45, name = '张秀兰', sex = 'female' }, { age = 18, name = '张浩', relation = '之子' } },
    incomes = well_off,
  },
  excludes = { 'minqin.six-must-visit' },
})

dixian.spec('整户无劳动能力: marked eliminated is a finding (二.15)', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 82, labor_capacity = 'none' } },
    incomes = well_off,
    episodes = { { reported_on = '2022-01-05', identified_on = '2022-01-12', status = 'eliminated', eliminated_on = '2023-12-01' } },
  },
  includes = { 'minqin.no-labor-eliminated' },
})

dixian.spec('整户无劳动能力: still monitored (not marked eliminated) is no finding', {
  as_of = '2024-06-30',
  household = {
    category = 'monitored', monitored_kind = 'unstable', minimum_living_allowance = true,
    members = { { age = 82, labor_capacity = 'none' } },
    incomes = well_off,
    episodes = { { reported_on = '2022-01-05', identified_on = '2022-01-12' } },
  },
  excludes = { 'minqin.no-labor-eliminated' },
})

dixian.spec('整户无劳动能力: one member able to work, eliminated, is no finding', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 82, labor_capacity = 'none' }, { age = 50, labor_capacity = 'partial' } },
    incomes = well_off,
    episodes = { { reported_on = '2022-01-05', identified_on = '2022-01-12', status = 'eliminated', eliminated_on = '2023-12-01' } },
  },
  excludes = { 'minqin.no-labor-eliminated' },
})

dixian.spec('走访清单: a seriously ill head and a 低保 household with a student, each reason in its column', {
  as_of = '2024-06-30',
  household = {
    head_name = '魏国栋', minimum_living_allowance = true, helper = '李帮扶',
    members = {
      { age = 50, name = '魏国栋', health = 'serious-illness' },
      { age = 17, name = '魏小玲', school_stage = 'senior-secondary', school_status = 'enrolled' },
    },
    incomes = well_off,
  },
  checklist = {
    id = 'six-musts-visit-list',
    row = {
      head_name = '魏国栋', category = '一般户', size = '2', helper = '李帮扶', serious = '魏国栋', chronic = '',
      allowance = '低保', students = '魏小玲', hospital = '', complaint = '', visited_on = '',
    },
  },
})

dixian.spec('走访清单: a household on neither list is left off', {
  as_of = '2024-06-30',
  household = { members = { { age = 45 } }, incomes = well_off },
  checklist = { id = 'six-musts-visit-list', listed = false },
})

dixian.spec('六必访: a natural disaster reported this spring', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45 } }, incomes = well_off,
    episodes = { { reported_on = '2024-04-01', identified_on = '2024-04-08', risk_types = { 'natural-disaster' },
      status = 'eliminated', eliminated_on = '2024-05-30' } },
  },
  includes = { 'minqin.six-must-visit' },
})

dixian.spec('六必访: a disaster of 2019 is not a recent event in 2024', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45 } }, incomes = well_off,
    episodes = { { reported_on = '2019-04-01', identified_on = '2019-04-08', risk_types = { 'natural-disaster' },
      status = 'eliminated', eliminated_on = '2019-12-30' } },
  },
  excludes = { 'minqin.six-must-visit' },
})
