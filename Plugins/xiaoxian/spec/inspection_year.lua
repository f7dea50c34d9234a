-- The 大排查 of December 2021 (seed 002 三(二) 12月9日—31日) assesses 2021 incomes against 2020
-- (二(十三)), in the checks and in the 入户排查台账 alike (issue 18, item 5).
local rising_in_2020_flat_in_2021 = { { year = 2019, wage = 18000 }, { year = 2020, wage = 20000 }, { year = 2021, wage = 20000 } }
local flat_in_2020_rising_in_2021 = { { year = 2019, wage = 20000 }, { year = 2020, wage = 20000 }, { year = 2021, wage = 22000 } }

dixian.spec('in the 大排查 of December 2021, income flat from 2020 to 2021 is found (2019 to 2020 rose)', {
  as_of = '2021-12-20',
  household = { category = 'lifted', members = { { age = 40 }, { age = 38, sex = 'female' } }, incomes = rising_in_2020_flat_in_2021 },
  includes = { 'xiaoxian.income-growth' },
})

dixian.spec('in the 大排查 of December 2021, income that grew from 2020 to 2021 is not found (2019 to 2020 was flat)', {
  as_of = '2021-12-20',
  household = { category = 'lifted', members = { { age = 40 }, { age = 38, sex = 'female' } }, incomes = flat_in_2020_rising_in_2021 },
  excludes = { 'xiaoxian.income-growth' },
})

dixian.spec('before the 大排查 begins (2021-12-08), the last complete year is judged: 2020 against 2019', {
  as_of = '2021-12-08',
  household = { category = 'lifted', members = { { age = 40 }, { age = 38, sex = 'female' } }, incomes = flat_in_2020_rising_in_2021 },
  includes = { 'xiaoxian.income-growth' },
})

dixian.spec('in the 大排查 of December 2021, medical spending of 2021 at 45% of net income is a heavy burden', {
  as_of = '2021-12-20',
  household = {
    monitored_kind = 'unstable', members = { { age = 50, health = 'serious-illness' }, { age = 48, sex = 'female' } },
    incomes = { { year = 2020, wage = 20000 }, { year = 2021, wage = 20000, medical_spending = 9000 } },
  },
  includes = { 'xiaoxian.medical-burden' },
})

dixian.spec('in the 大排查 of December 2021, the 台账\'s 家庭年收入 is 2021\'s', {
  as_of = '2021-12-20',
  household = {
    category = 'lifted', head_name = '李强', members = { { age = 40, name = '李强' } },
    incomes = { { year = 2020, wage = 15000 }, { year = 2021, wage = 16000, operating = 3000 } },
  },
  checklist = { id = 'household-ledger', row = { head_name = '李强', annual_income = '19000', main_source = '工资性收入' } },
})
