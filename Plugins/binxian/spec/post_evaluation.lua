-- The yearly 后评估 preparation of seed 004 五, due by each year's end from 2021
-- (deadlines/post_evaluation.lua).

dixian.spec('the townships are ready for the 后评估 by each year\'s end, from 2021 (五)', {
  as_of = '2023-12-31',
  duty = { id = 'binxian.post-evaluation', from = '2020-01-01', through = '2023-12-31',
           due = { '2021-12-31', '2022-12-31', '2023-12-31' } },
})

dixian.spec('no 后评估 preparation falls due in 2020, before the yearly assessment began', {
  as_of = '2020-12-31',
  duty = { id = 'binxian.post-evaluation', from = '2020-01-01', through = '2020-12-31', due = {} },
})

dixian.spec('no 后评估 preparation falls due inside a year, before its last day', {
  as_of = '2024-12-30',
  duty = { id = 'binxian.post-evaluation', from = '2024-01-01', through = '2024-12-30', due = {} },
})
