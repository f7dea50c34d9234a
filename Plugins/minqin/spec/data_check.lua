-- The quarterly data check of seed 003 附件2 二.17, due by each quarter's last day
-- (deadlines/data_check.lua).

dixian.spec('the system\'s data are checked once a quarter, by the quarter\'s last day (二.17)', {
  as_of = '2024-12-31',
  duty = { id = 'minqin.data-check', from = '2024-01-01', through = '2024-12-31',
           due = { '2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31' } },
})

dixian.spec('no data check falls due in the first two months of a quarter, nor before its last day', {
  as_of = '2024-09-30',
  duty = { id = 'minqin.data-check', from = '2024-07-01', through = '2024-09-29', due = {} },
})
