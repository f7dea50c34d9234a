-- What Xiao County's synthetic county looks like (dixian generate / dixian demo): the figures
-- it is calibrated to, each citing a public source. Xiao County's own census gives its people;
-- for the rest the nearest published figure (Huaibei, Anhui, or national) stands in and `note`
-- says so, or the value is marked as the plugin's estimate. See docs/synthetic.md.
return {
  extends = 'national',

  sources = {
    xiao_census = { title = '萧县第七次全国人口普查公报（转载）', url = 'https://tjgb.hongheiku.com/12195.html' },
    anhui_poverty = { title = '中央及有关省市20多家网络媒体聚焦安徽脱贫攻坚（中新网，转载）', url = 'http://www.yexian114.com/guonei/63813.html' },
    anhui_rural_2021 = { title = '2021年安徽人口发展情况报告发布（安徽日报，转载）', url = 'http://www.b4dc4.cn/video/2022/0512/144166.html' },
    huaibei_2023 = { title = '淮北市乡村振兴局2023年工作总结', url = 'https://ny.huaibei.gov.cn/zwgk/public/60/64490739.html' },
    anhui_town_2024 = { title = '新田镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接2024年工作总结（宣州区）',
      url = 'https://www.xuanzhou.gov.cn/OpennessContent/show/3468049.html' },
    anhui_income_2023 = { title = '安徽省2023年农村居民人均可支配收入（转引省统计数据）', url = 'https://www.fudaoke.com/exam/2911477.html' },
  },

  figures = {
    lifted_households = { value = 0.195, source = 'anhui_poverty',
      note = '安徽省建档立卡484万人 / 乡村常住人口2482.5万人（anhui_rural_2021）≈19.5%；萧县为2020年摘帽的贫困县，取全省值' },
    monitored_households = { value = 0.0015, source = 'huaibei_2023',
      note = '淮北市监测对象1624户 / 大排查335997户≈0.48%；风险消除约70%（anhui_town_2024），未消除约0.15%' },
    eliminated_households = { value = 0.0034, source = 'huaibei_2023', note = '0.48%×70%≈0.34%' },
    household_size = { value = 2.58, source = 'xiao_census', note = '萧县平均每个家庭户的人口为2.58人（2020年）' },
    age_0_14 = { value = 0.225, source = 'xiao_census', note = '萧县2020年：0—14岁22.5%' },
    age_60_plus = { value = 0.209, source = 'xiao_census', note = '萧县2020年：60岁及以上20.9%' },
    sex_ratio = { value = 102.51, source = 'xiao_census', note = '萧县2020年性别比102.51' },
    minimum_living_allowance = { value = 0.04, source = 'estimate',
      note = '安徽、萧县未找到；全国低保近4000万人约占总人口2.8%（low_income_2023，城乡合计）为下限。农村高于城镇，'
        .. '脱贫户中重病、重度残疾和整户无劳动能力的家庭均纳入兜底（萧乡振办〔2021〕7号 二(十二)），取4%' },
    extreme_poverty = { value = 0.0033, source = 'low_income_2023', note = '全国特困460多万人，约占总人口0.33%' },
    income_median = { value = 21144, source = 'anhui_income_2023',
      note = '安徽省2023年农村居民人均可支配收入21144元（萧县数额未找到）；一般户中位数按全体农村居民平均数取' },
    income_growth = { value = 0.08, source = 'anhui_income_2023', note = '安徽省2023年增长8%' },
  },

  mix = {
    household_sizes = { weights = { 22, 33, 22, 13, 6, 4 }, source = 'xiao_census',
      note = '户规模分布未找到，按萧县户均2.60人左右设定' },
    -- 萧县2024年新识别186户 against some 600 still monitored (0.15% of about 40万户).
    identified_years = { weights = { [2021] = 10, [2022] = 20, [2023] = 40, [2024] = 30 }, source = 'huaibei_2023',
      note = '淮北市2023年新识别360户，占1624户的22%' },
  },

  lines = {
    monitoring = { values = { [2023] = 7900 }, source = 'huaibei_2023',
      note = '以家庭年人均纯收入7900元为监测范围（2023年，淮北市执行全省标准）；2024年起未找到，沿用7900元生成数据' },
    minimum_living_allowance = { values = { [2022] = 6500, [2023] = 6900, [2024] = 7300 }, source = 'estimate',
      note = '安徽省农村低保标准未在检索语料中找到' },
  },

  -- How Xiao County's staff work. Seed 002 sets no visit frequency; these are the plugin's
  -- estimate of common practice: helpers visit monitored households monthly and 脱贫户 each
  -- quarter, village cadres every household once in the year.
  practice = {
    visits = {
      { role = 'helper', months = 1, households = { 'monitored' } },
      { role = 'helper', months = 3, households = { 'lifted', 'helper' } },
      { role = 'village-cadre', months = 12, households = { 'general' } },
    },
  },
}
