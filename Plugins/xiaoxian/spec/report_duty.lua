-- The self-inspection report of seed 002 三(三), owed by 27 December of the 2021 排查
-- (deadlines/self_inspection_report.lua).

dixian.spec('the townships report their self-inspection by 27 December 2021 (三(三))', {
  as_of = '2021-12-31',
  duty = { id = 'xiaoxian.self-inspection-report', from = '2021-12-01', through = '2021-12-31', due = { '2021-12-27' } },
})

dixian.spec('no self-inspection report falls due in a later December: the 大排查 was 2021\'s', {
  as_of = '2024-12-31',
  duty = { id = 'xiaoxian.self-inspection-report', from = '2022-01-01', through = '2024-12-31', due = {} },
})
