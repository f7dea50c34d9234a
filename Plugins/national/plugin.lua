-- National defaults every county plugin can build on. It holds only what is the same for the
-- whole country: today, China's working-day calendar. County rules live in county plugins.
return {
  id = 'national',
  name = '全国通用',
  api = 1,
  version = '2026.1',
  -- Every province-level division (GB/T 2260 province codes).
  areas = {
    '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
    '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  },
  language = 'zh',
  summary = '全国法定节假日与调休工作日（2024—2026年）',
}
