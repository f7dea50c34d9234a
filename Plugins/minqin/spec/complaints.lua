-- 接诉即办 (seed 003 附件2 二.4) as `dixian due` lists it: the deadline minqin.complaint, each open
-- complaint due complaint_close_days (15, the county's limit) after it was received, the same
-- clock the check minqin.complaint-open flags once overdue (spec/monitoring.lua).
local function complaints(list)
  return { members = { { age = 40 } }, incomes = { { year = 2023, wage = 40000 } }, complaints = list }
end

dixian.spec('接诉即办: a complaint received on 1 June and open on 10 June is due on 16 June, not yet overdue', {
  as_of = '2024-06-10',
  household = complaints({ { received_on = '2024-06-01', channel = 'hotline' } }),
  due = { { id = 'minqin.complaint', due_on = '2024-06-16' } },
  excludes = { 'minqin.complaint-open' },
})

dixian.spec('接诉即办: received on 15 June, the complaint is due on 30 June, the assessment day, and not yet overdue', {
  as_of = '2024-06-30',
  household = complaints({ { received_on = '2024-06-15', channel = 'petition' } }),
  due = { { id = 'minqin.complaint', due_on = '2024-06-30' } },
  excludes = { 'minqin.complaint-open' },
})

dixian.spec('接诉即办: received on 14 June and open on 30 June, the item is overdue and the check flags it', {
  as_of = '2024-06-30',
  household = complaints({ { received_on = '2024-06-14', channel = 'online' } }),
  due = { { id = 'minqin.complaint', due_on = '2024-06-29' } },
  includes = { 'minqin.complaint-open' },
})

dixian.spec('接诉即办: a complaint closed after the assessment date is still owed on it', {
  as_of = '2024-06-10',
  household = complaints({ { received_on = '2024-06-01', channel = 'hotline', closed_on = '2024-06-12' } }),
  due = { { id = 'minqin.complaint', due_on = '2024-06-16' } },
})

dixian.spec('接诉即办: of two complaints, the one closed on 5 June is done; the open one is due', {
  as_of = '2024-06-10',
  household = complaints({ { received_on = '2024-05-20', channel = 'hotline', closed_on = '2024-06-05' },
                           { received_on = '2024-06-03', channel = 'inspection' } }),
  due = { { id = 'minqin.complaint', due_on = '2024-06-18' } },
})

dixian.spec('接诉即办: a complaint closed on the day it was received owes nothing', {
  as_of = '2024-06-10',
  household = complaints({ { received_on = '2024-06-01', channel = 'hotline', closed_on = '2024-06-01' } }),
  not_due = { 'minqin.complaint' },
  excludes = { 'minqin.complaint-open' },
})
