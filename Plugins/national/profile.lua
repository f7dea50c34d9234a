-- The national figures county profiles build on (`extends = 'national'` in a county's
-- profile.lua): sources and values published for the whole country, which stand in where no
-- provincial or county figure was found, and the practice shares of a county that works
-- well. A county profile replaces any entry it has better figures for. See docs/synthetic.md.
return {
  sources = {
    disability_2006 = { title = '全国残疾人总数近8300万（第二次全国残疾人抽样调查，中国政府网）',
      url = 'http://big5.www.gov.cn/gate/big5/www.gov.cn//jrzg/2007-05/29/content_628820.htm' },
    tianjin_disability = { title = '天津市第二次全国残疾人抽样调查主要数据（北方网）',
      url = 'http://news.big5.enorth.com.cn/system/2007/12/07/002447983.shtml' },
    baoshan_2021 = { title = '保山市关于2021年度防返贫监测相关数据的通报（转载）', url = 'https://alkalih2o.com/info/7860/2315024.htm' },
    illness_2015 = { title = '我国因病致贫返贫贫困户占建档立卡贫困户总数超44%（人民政协网，转载）',
      url = 'http://jiaxigo.com/c/2017-08-27/1750239.shtml' },
    low_income_2023 = { title = 'China Expands Identification and Monitoring of Low-Income Population（低保近4000万、特困460多万，2023年10月）',
      url = 'http://chinascope.org/archives/35021' },
    labour_2023 = { title = '中国农业农村部：超六成监测对象已消除返贫致贫风险（中新社，转载）', url = 'http://xiapazi.net/article/657.html' },
    national_2025 = { title = '中评社：韩俊国新办发布会（2025-09-16）：累计对600多万群众精准帮扶、消除返贫致贫风险',
      url = 'https://hk.crntt.com/doc/1071/2/1/6/107121608.html?coluid=7&kindid=0&docid=107121608&mdate=0917171859' },
    pension_2024 = { title = '2024年政府工作报告：城乡居民基础养老金月最低标准提高20元（全国最低标准，未在检索语料中取得原文）',
      url = 'https://www.gov.cn/' },
    estimate = { title = '本插件的估计值：未找到公开来源，县可按本地统计替换', url = '' },
  },

  figures = {
    disability = { value = 0.0634, source = 'disability_2006', note = '全国残疾人占总人口6.34%（2006年），本省数据未找到' },
    income_fell = { value = 0.06, source = 'estimate', note = '脱贫户收入下降的比例未见公开数据' },
    medical_insurance = { value = 0.995, source = 'estimate', note = '脱贫人口和监测对象由财政资助参保，取99.5%' },
    wage_work = { value = 0.33, source = 'labour_2023', note = '全国脱贫人口务工就业3301.6万人，约占脱贫人口的三分之一' },
  },

  mix = {
    monitored_kinds = { weights = { unstable = 30.7, marginal = 29.8, ['sudden-hardship'] = 39.6 }, source = 'baoshan_2021',
      note = '三类户户数占比（云南保山市2021年，本省未见公开数据）' },
    -- The risk a monitored household was identified for when its members give none (illness,
    -- disability and lack of labour come from the members; 因病 is the first cause, 44.1%).
    event_risks = { weights = { accident = 20, ['natural-disaster'] = 20, ['unstable-employment'] = 25,
      ['failed-business'] = 15, schooling = 5, housing = 3, ['drinking-water'] = 2, other = 10 }, source = 'illness_2015' },
    disability_grades = { weights = { 12, 22, 30, 36 }, source = 'tianjin_disability',
      note = '一、二级重度34.16%，三、四级65.84%（天津市2006年）' },
    identified_years = { weights = { [2021] = 10, [2022] = 20, [2023] = 40, [2024] = 30 }, source = 'estimate' },
  },

  lines = {
    pension = { values = { [2022] = 1176, [2023] = 1236, [2024] = 1476 }, source = 'pension_2024',
      note = '城乡居民基础养老金全国最低标准（月98元、103元、123元）' },
  },

  -- A county that works well: a few percent of its work late, one in a hundred pieces not done
  -- yet, two visits in a hundred missed, two households in a thousand below the line and not yet
  -- monitored. The plugin's estimate, not public figures.
  practice = {
    late_share = 0.03,
    open_share = 0.01,
    missed_visit_share = 0.02,
    missed_share = 0.002,
  },
}
