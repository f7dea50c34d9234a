-- The monthly duties of seed 003 附件2 二.6 (each month's 28th) and 二.16 (the 25th, the 30th, and
-- 每月下旬: by the month's last day). A day past a short month's end falls on its last day.
-- These use the spec form `duty = { id, from, through, due }` the lead is adding to the runner.

dixian.spec('departments push their warnings on the 28th of each month (二.6)', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.department-warnings', from = '2024-02-01', through = '2024-03-31', due = { '2024-02-28', '2024-03-28' } },
})

dixian.spec('no department push falls between the 1st and the 27th', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.department-warnings', from = '2024-03-01', through = '2024-03-27', due = {} },
})

dixian.spec('send-backs are reported in writing by the 25th (二.16)', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.send-back-report', from = '2024-03-01', through = '2024-03-31', due = { '2024-03-25' } },
})

dixian.spec('no send-back report falls between the 26th and the month\'s end', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.send-back-report', from = '2024-03-26', through = '2024-04-24', due = {} },
})

dixian.spec('the monthly report is due on the 30th, on 29 February in 2024 (二.16)', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.monthly-report', from = '2024-02-01', through = '2024-03-31', due = { '2024-02-29', '2024-03-30' } },
})

dixian.spec('no monthly report falls between the 1st and the 29th of March', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.monthly-report', from = '2024-03-01', through = '2024-03-29', due = {} },
})

dixian.spec('the system\'s dynamic management of 每月下旬 is done by each month\'s last day (二.16)', {
  as_of = '2024-04-30',
  duty = { id = 'minqin.dynamic-management', from = '2024-03-01', through = '2024-04-30', due = { '2024-03-31', '2024-04-30' } },
})

dixian.spec('no dynamic management falls due before the month\'s last day', {
  as_of = '2024-04-30',
  duty = { id = 'minqin.dynamic-management', from = '2024-04-01', through = '2024-04-29', due = {} },
})

dixian.spec('the township\'s team-leader meeting is held by each month\'s end (附件1 三.16)', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.team-leader-meeting', from = '2024-02-01', through = '2024-03-31', due = { '2024-02-29', '2024-03-31' } },
})

dixian.spec('no team-leader meeting falls due before the month\'s last day', {
  as_of = '2024-03-31',
  duty = { id = 'minqin.team-leader-meeting', from = '2024-03-01', through = '2024-03-30', due = {} },
})
