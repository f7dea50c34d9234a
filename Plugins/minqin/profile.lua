-- What Minqin's synthetic county looks like (dixian generate / dixian demo): the figures it is
-- calibrated to, each citing a public source. No figure of Minqin itself was found for most
-- of them; the nearest published one (Wuwei, Gansu, or national) stands in and `note` says so.
-- Where no public source was found at all, the value is marked as the plugin's estimate. The
-- search behind these figures is recorded in docs/synthetic.md.
return {
  extends = 'national',

  sources = {
    gansu_2024 = { title = '甘肃"一键报贫"机制累计监测帮扶对象60.1万人（中新网，2024-08-13，转载）',
      url = 'http://111.203.215.41:80/index.php?R=52E.html' },
    gansu_2020 = { title = '省人民政府关于全省脱贫攻坚工作情况的报告（甘肃人大网）',
      url = 'http://rdgb.gsrdw.gov.cn/2021/236_1203/2804.html' },
    gansu_2010_census = { title = '甘肃省第六次全国人口普查主要数据公报',
      url = 'http://cn.chinagate.cn/zhuanti/zgrk/2011-09/15/content_23422280.htm' },
    wuwei_census = { title = '武威市第七次全国人口普查主要数据（转载）', url = 'https://klbdjy.com/showinfo-3-37210.html' },
    wuwei_2022 = { title = '武威市2022年国民经济和社会发展统计公报（转载）', url = 'http://bx2200.com/tjgongbao/xibei/7912_3.html' },
    gansu_income_2023 = { title = '2023年甘肃省村均收入25.8万元（兰州晚报）',
      url = 'https://www.gsei.com.cn/html/1628/2024-03-27/content-493710.html' },
  },

  figures = {
    lifted_households = { value = 0.22, source = 'gansu_2020',
      note = '全省552万建档立卡贫困人口 / 2502万常住人口 ≈ 22%；民勤为插花型县，实际比例应更低，取全省值为上限' },
    monitored_households = { value = 0.0102, source = 'gansu_2024',
      note = '累计监测14.3万户60.1万人，约占全省人口2.4%；风险消除率57.6%，未消除约2.4%×42.4%≈1.0%' },
    eliminated_households = { value = 0.0138, source = 'gansu_2024', note = '2.4%×57.6%≈1.4%' },
    household_size = { value = 3.49, source = 'gansu_2010_census',
      note = '平均每个家庭户的人口为3.49人（2010年，全省；户籍登记户较常住户大）' },
    age_0_14 = { value = 0.1849, source = 'wuwei_census', note = '武威市2020年：0—14岁18.49%' },
    age_60_plus = { value = 0.1864, source = 'wuwei_census', note = '武威市2020年：60岁及以上18.64%' },
    sex_ratio = { value = 102.16, source = 'wuwei_census', note = '武威市2020年性别比102.16' },
    minimum_living_allowance = { value = 0.073, source = 'wuwei_2022',
      note = '武威市农村低保5.33万人 / 乡村人口73.2万人≈7.3%（全省159.96万人，见 gansu_2024）' },
    extreme_poverty = { value = 0.008, source = 'wuwei_2022', note = '武威市农村特困供养0.58万人 / 73.2万人≈0.8%' },
    income_median = { value = 17155, source = 'wuwei_2022',
      note = '武威市2022年农村居民人均可支配收入15899元×甘肃省2023年增幅1.079（gansu_income_2023）；一般户中位数按全体农村居民平均数取' },
    income_growth = { value = 0.079, source = 'gansu_income_2023', note = '甘肃省2023年农村居民人均可支配收入增长7.9%' },
    wage_work = { value = 0.36, source = 'gansu_2024', note = '输转脱贫劳动力198.6万人 / 建档立卡人口552万人（gansu_2020）≈36%' },
  },

  mix = {
    -- 1, 2, 3, 4, 5, 6 and more people: weights whose mean is the figure household_size.
    household_sizes = { weights = { 8, 18, 25, 25, 15, 9 }, source = 'gansu_2010_census' },
    -- The risk a monitored household was identified for when its members give none (illness,
    -- disability and lack of labour come from the members; 因病 is the first cause, 44.1%).
    event_risks = { weights = { accident = 20, ['natural-disaster'] = 20, ['unstable-employment'] = 25,
      ['failed-business'] = 15, schooling = 5, housing = 3, ['drinking-water'] = 2, other = 10 }, source = 'illness_2015' },
    -- The years the still-open episodes were identified in: 2.2万户 of the first half of 2024
    -- among some 6.1万 still monitored (gansu_2024); the rest spread back over 2021–2023.
    identified_years = { weights = { [2021] = 8, [2022] = 16, [2023] = 40, [2024] = 36 }, source = 'gansu_2024' },
  },

  lines = {
    monitoring = { values = { [2023] = 7200, [2024] = 7800 }, source = 'gansu_2024',
      note = '由2023年的年人均纯收入7200元调整到今年的7800元' },
    minimum_living_allowance = { values = { [2022] = 5400, [2023] = 5700, [2024] = 6000 }, source = 'estimate',
      note = '甘肃省农村低保标准未在检索语料中找到' },
  },

  -- How Minqin's staff work: the duties of parameters.lua (visit_frequency: seed 003 附件1 二.5,
  -- 二.8) kept, with a few percent late, missed or still open. The shares are the plugin's
  -- estimate of a county that works well, not public figures.
  practice = {
    -- 回头看 a year after the elimination (parameters.lua follow_up_months).
    follow_up_months = 12,
    visits = {
      { role = 'resident-team', months = 1, households = { 'monitored', 'minimum_living_allowance', 'disability', 'left_behind' } },
      { role = 'resident-team', months = 3, households = { 'lifted', 'general' } },
      { role = 'helper', months = 3, households = { 'monitored', 'lifted', 'helper' } },
    },
  },
}
