-- The sign-off line a county office writes under the forms and reports it hands up, when the
-- seed's own form shows none (none of the seeds' forms does): shared with every county plugin
-- (they extend this one) as dixian.import('sign_off'), for their checklists' and reports'
-- `sign_off`. Loaded before the other checklist files, and so before every report (name order).
dixian.export('sign_off', { '填报单位（盖章）：', '填表人：', '审核人：', '填报日期：' })
