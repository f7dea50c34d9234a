-- Bin County (宾县), Harbin, Heilongjiang: the county code of GB/T 2260 and its towns and
-- townships (seed 004, 宾农工组办发〔2021〕33号, is addressed to them as 各乡镇).
-- Township codes are the county code and a 3-digit number in list order (100 up); they
-- serve the synthetic county and stand in for the statistical codes a deployment imports.
return {
  code = '230125',
  name = '宾县',
  province = '黑龙江省',
  city = '哈尔滨市',
  townships = {
    '宾州镇', '居仁镇', '宾西镇', '糖坊镇', '宾安镇', '新甸镇', '胜利镇', '宁远镇', '摆渡镇',
    '平坊镇', '满井镇', '常安镇', '永和乡', '鸟河乡', '民和乡', '经建乡', '三宝乡',
  },
}
