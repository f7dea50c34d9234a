-- What Bin County's synthetic county looks like (dixian generate / dixian demo): the figures it
-- is calibrated to, each citing a public source. No figure of Bin County itself was found; the
-- nearest published one (Harbin's districts, Heilongjiang, or national) stands in and `note`
-- says so, or the value is marked as the plugin's estimate. See docs/synthetic.md.
return {
  extends = 'national',

  sources = {
    hlj_poverty = { title = '黑土地上绘春景——黑龙江省以脱贫攻坚引领乡村振兴的实践（国际在线）',
      url = 'https://big5.cri.cn/gate/big5/hlj.cri.cn/20200403/b88436b4-4078-8055-d171-6a5c4135d464.html' },
    hlj_census = { title = '黑龙江省第七次全国人口普查主要数据（转引）', url = 'https://maigoo.com/news/684149.html' },
    qiqihar_census = { title = '齐齐哈尔市第七次全国人口普查公报（转载）', url = 'http://bx2200.com/renkoupc/db/2701.html' },
    hlj_disability = { title = '黑龙江省残疾人总数达218.9万 占全省人口的5.72%（东北网）',
      url = 'https://heilongjiang.dbw.cn/system/2006/12/27/050652554.shtml' },
    hulan_2022 = { title = '（黑龙江）2022年哈尔滨市呼兰区国民经济和社会发展统计公报（转载）', url = 'http://bx2200.com/tjgongbao/db/6931_4.html' },
    qitaihe_2023 = { title = '七台河市2023年农村常住居民人均可支配收入（转载）', url = 'http://hbzqbyyxgs.com/top/441586.html' },
    national_2023 = { title = '中国农业农村部：超六成监测对象已消除返贫致贫风险（中新社，转载）', url = 'http://xiapazi.net/article/657.html' },
    hlj_labour_2020 = { title = '黑龙江省已有14.5万名贫困劳动力实现务工就业（新华社，中国政府网）',
      url = 'http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2020-04/13/content_5501960.htm' },
  },

  figures = {
    lifted_households = { value = 0.03, source = 'estimate',
      note = '全省建档立卡62.3万人 / 乡村人口1095万人≈5.7%（hlj_poverty、hlj_census）为上限；宾县非贫困县，取3%' },
    monitored_households = { value = 0.005, source = 'national_2025',
      note = '全国累计监测帮扶600多万人，约占乡村人口1.2%；风险消除六成以上（national_2023），未消除约0.5%' },
    eliminated_households = { value = 0.0075, source = 'national_2023', note = '1.2%×六成以上≈0.75%' },
    household_size = { value = 2.25, source = 'qiqihar_census',
      note = '齐齐哈尔市平均每个家庭户的人口2.23人、海伦市2.26人（2020年），宾县未找到' },
    age_0_14 = { value = 0.1032, source = 'hlj_census', note = '黑龙江省2020年：0—14岁10.32%' },
    age_60_plus = { value = 0.2322, source = 'hlj_census', note = '黑龙江省2020年：60岁及以上23.22%' },
    sex_ratio = { value = 100.35, source = 'hlj_census', note = '黑龙江省2020年性别比100.35' },
    disability = { value = 0.0572, source = 'hlj_disability', note = '黑龙江省残疾人占总人口5.72%（2006年）' },
    minimum_living_allowance = { value = 0.018, source = 'hulan_2022',
      note = '呼兰区农村低保13691人，约占人口1.8%（宾县未找到）' },
    extreme_poverty = { value = 0.0016, source = 'hulan_2022', note = '呼兰区特困1231人，约为低保的1/11' },
    income_median = { value = 19255, source = 'qitaihe_2023',
      note = '七台河市2023年农村常住居民人均可支配收入19255元（宾县未找到）；一般户中位数按全体农村居民平均数取' },
    income_growth = { value = 0.068, source = 'qitaihe_2023', note = '七台河市2023年增长6.8%' },
    wage_work = { value = 0.3, source = 'hlj_labour_2020',
      note = '2020年4月全省14.5万名贫困劳动力务工就业；占脱贫人口比例按约三成取（估计）' },
  },

  mix = {
    household_sizes = { weights = { 28, 38, 20, 9, 3, 2 }, source = 'qiqihar_census',
      note = '户规模分布未找到，按户均2.25人左右设定' },
    event_risks = { weights = { accident = 20, ['natural-disaster'] = 25, ['unstable-employment'] = 20,
      ['failed-business'] = 20, schooling = 5, housing = 3, ['drinking-water'] = 2, other = 5 }, source = 'illness_2015' },
  },

  lines = {
    -- Heilongjiang's line was not found for any year (parameters.lua keeps it unset). The
    -- local rural 低保 standard stands in, so that the households kept out of monitoring are
    -- above the floor a county would at least hold to.
    monitoring = { values = { [2022] = 7500 }, source = 'hulan_2022',
      note = '代用值：呼兰区农村低保标准7500元/年（2022年），不是监测范围' },
    minimum_living_allowance = { values = { [2022] = 7500 }, source = 'hulan_2022', note = '呼兰区农村低保标准7500元/年（2022年）' },
  },

  -- How Bin County's staff work. Seed 004 sets no visit frequency; the plugin's estimate of
  -- common practice: helpers visit monitored households monthly and 脱贫户 each quarter.
  practice = {
    visits = {
      { role = 'helper', months = 1, households = { 'monitored' } },
      { role = 'helper', months = 3, households = { 'lifted', 'helper' } },
      { role = 'village-cadre', months = 12, households = { 'general' } },
    },
  },
}
