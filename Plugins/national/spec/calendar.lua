-- The calendar against the 2024 National Day holiday and its adjusted working days.
dixian.spec('国庆节 2024: 9月29日（周日）和10月12日（周六）上班，10月1日至7日放假', {
  as_of = '2024-10-01',
  calendar = {
    id = 'cn',
    working = { '2024-09-29', '2024-09-30', '2024-10-08', '2024-10-12' },
    not_working = { '2024-09-28', '2024-10-01', '2024-10-04', '2024-10-07', '2024-10-13' },
  },
})

dixian.spec('5 working days after Friday 27 September 2024 end on Thursday 10 October', {
  as_of = '2024-09-27',
  -- 9-29 (Sunday, worked) and 9-30 are 2; the holiday runs to 10-07; 10-08, 10-09 and 10-10 make 5.
  calendar = { id = 'cn', from = '2024-09-27', working_days = 5, expect = '2024-10-10' },
})

dixian.spec('春节 2025: 1月26日（周日）上班，1月28日至2月4日放假', {
  as_of = '2025-01-01',
  calendar = {
    id = 'cn',
    working = { '2025-01-26', '2025-02-05', '2025-02-08' },
    not_working = { '2025-01-28', '2025-02-03', '2025-02-04' },
  },
})

dixian.spec('元旦 2026: 1月1日至3日放假，1月4日（周日）上班', {
  as_of = '2026-01-01',
  calendar = { id = 'cn', working = { '2026-01-04', '2026-01-05' }, not_working = { '2026-01-01', '2026-01-02', '2026-01-03' } },
})
