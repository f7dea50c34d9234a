-- The extra check, with Minqin's checks loaded as they are in production.
local comfortable = { { year = 2023, wage = 40000 } }

dixian.spec('a lifted-out member without medical insurance is found', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 45, name = '王强' }, { age = 43, name = '李梅', sex = 'female', medical_insurance = false } },
    incomes = comfortable,
  },
  findings = { 'minqin-extra.uninsured' },
})

dixian.spec('a general household is outside the check', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45 }, { age = 43, sex = 'female', medical_insurance = false } },
    incomes = comfortable,
  },
  findings = {},
})

dixian.spec('a lifted-out household whose members are all insured is not found', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 45, name = '王强' }, { age = 43, name = '李梅', sex = 'female' } },
    incomes = comfortable,
  },
  excludes = { 'minqin-extra.uninsured' },
})

dixian.spec("Minqin's own checks still run: 7799 yuan per capita in 2023 is under the line", {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 45 }, { age = 43, sex = 'female', medical_insurance = false } },
    incomes = { { year = 2023, wage = 15598 } },
  },
  findings = { 'minqin.income-below-line', 'minqin-extra.uninsured' },
})
