-- What Yanchi's synthetic county looks like (dixian generate / dixian demo): the figures it is
-- calibrated to, each citing a public source. Yanchi's own census gives its people; for the
-- rest the nearest published figure (Wuzhong, Zhongwei, or national) stands in and `note` says
-- so, or the value is marked as the plugin's estimate. See docs/synthetic.md.
return {
  extends = 'national',

  sources = {
    yanchi_census = { title = '盐池县（维基百科镜像，引宁夏第七次全国人口普查公报）',
      url = 'https://wikim.kfd.me/zh-sg/%E7%9B%90%E6%B1%A0%E5%8E%BF' },
    yanchi_2017 = { title = '宁夏盐池县退出贫困县序列 成西海固首个"摘帽"贫困县（新华社，转载）',
      url = 'http://m.topvintageporn.com/c/2018-09-29/2181315.shtml' },
    yanchi_2020 = { title = '聚焦四大提升行动 细看盐池新变化（盐池融媒）',
      url = 'https://ycrmsj.cn/cms/jujiaosidatishengxingdongxikanyanchixinbianhua/1977.html' },
    wuzhong_census = { title = '吴忠市第七次全国人口普查公报（转载）', url = 'http://m.ckkjl.cn/ShuJuXiangGuan/1038167.html' },
    zhongwei_2022 = { title = '中卫市乡村振兴局：筑"防线"盯"红线"夯实防返贫基础（2022-04）',
      url = 'https://www.nxzw.gov.cn/zwgk/bmxxgkml/sxczxj/fdzdgknr_50092/tpgj_50108/202204/t20220426_3470644.html' },
    poor_counties_2021 = { title = '国家统计局：我国贫困地区农村居民收入持续较快增长（2021年脱贫县增长11.6%，转载）',
      url = 'https://hndnews.com/p/570031.html' },
    national_income_2023 = { title = '国家统计局：2023年国民经济和社会发展统计公报（农村居民人均可支配收入21691元，增长7.7%，转载）',
      url = 'http://7w17rhw.a899.cn/html/76c899073.html' },
    national_income_2022 = { title = '中国农村经济形势分析与预测（2022年农村居民人均可支配收入20133元，增长6.3%）',
      url = 'http://1.203.103.66/ps/initDatabaseDetail?contentId=14376930&contentType=literature&siteId=14' },
    seed_001 = { title = '宁党发〔2021〕15号《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》名词解释2、3：国家扶贫标准1.5倍左右（2019—2020年参考值5000元）', url = '' },
  },

  figures = {
    lifted_households = { value = 0.35, source = 'yanchi_2017',
      note = '全县减贫1万多户3.2万余人，对乡村常住人口71193人（yanchi_census）约45%；户籍户多于常住户，取35%（估计）' },
    monitored_households = { value = 0.0035, source = 'national_2025',
      note = '全国累计监测帮扶600多万人，约占乡村人口1.2%；中卫市风险消除71%（zhongwei_2022），未消除约0.35%' },
    eliminated_households = { value = 0.0085, source = 'zhongwei_2022', note = '中卫市共识别3459户、累计消除2457户（71%）；1.2%×71%≈0.85%' },
    household_size = { value = 2.79, source = 'wuzhong_census', note = '吴忠市平均每个家庭户的人口为2.79人（2020年），盐池县未找到' },
    age_0_14 = { value = 0.1826, source = 'yanchi_census', note = '盐池县2020年：0—14岁18.26%' },
    age_60_plus = { value = 0.1544, source = 'yanchi_census', note = '盐池县2020年：60岁及以上15.44%' },
    sex_ratio = { value = 112.6, source = 'yanchi_census', note = '男性52.96%、女性47.04%，性别比约112.6' },
    minimum_living_allowance = { value = 0.07, source = 'estimate',
      note = '宁夏、盐池未找到；全国低保近4000万人约占总人口2.8%（low_income_2023，城乡合计）为下限。盐池为原贫困县，脱贫户约35%，'
        .. '其中重病、重度残疾和整户无劳动能力的家庭均纳入兜底，取7%' },
    extreme_poverty = { value = 0.0033, source = 'low_income_2023', note = '全国特困460多万人，约占总人口0.33%' },
    income_median = { value = 16818, source = 'yanchi_2020',
      note = '盐池县2020年农村居民人均可支配收入13163元，按2021年脱贫县增幅11.6%（poor_counties_2021）、全国2022年6.3%（national_income_2022）、2023年7.7%（national_income_2023）推算' },
    income_growth = { value = 0.077, source = 'national_income_2023', note = '全国2023年农村居民人均可支配收入增长7.7%' },
  },

  mix = {
    household_sizes = { weights = { 19, 29, 24, 16, 8, 4 }, source = 'wuzhong_census', note = '户规模分布未找到，按户均2.79人左右设定' },
    identified_years = { weights = { [2021] = 10, [2022] = 20, [2023] = 40, [2024] = 30 }, source = 'zhongwei_2022',
      note = '中卫市2022年1—3月新识别34户' },
  },

  lines = {
    -- Ningxia's line after 2020 was not found (parameters.lua of ningxia leaves it unset); the
    -- 2019—2020 reference of seed 001 stands in for generating incomes.
    monitoring = { values = { [2020] = 5000 }, source = 'seed_001', note = '2021年起未找到，沿用5000元生成数据' },
    minimum_living_allowance = { values = { [2022] = 4800, [2023] = 5000, [2024] = 5200 }, source = 'estimate',
      note = '宁夏农村低保标准未在检索语料中找到' },
  },

  -- How Yanchi's staff work: Ningxia's 定期跟踪回访 of monitored households every 90 days and the
  -- yearly 集中全面查补 of 脱贫户 and 监测户 (ningxia parameters.lua follow_up_visit_days,
  -- yearly_check_categories), kept with a few percent late, missed or open.
  practice = {
    visits = {
      { role = 'village-cadre', months = 3, households = { 'monitored' } },
      { role = 'helper', months = 3, households = { 'monitored', 'lifted', 'helper' } },
      { role = 'village-cadre', months = 12, households = { 'lifted' } },
    },
  },
}
