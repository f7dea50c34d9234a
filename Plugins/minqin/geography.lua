-- Minqin County (民勤县), Wuwei, Gansu: the county code of GB/T 2260 and its towns.
-- Seed 003 (民农领发〔2024〕9号) names 薛百镇, 苏武镇, 大滩镇 and 重兴镇 among them.
-- Township codes are the county code and a 3-digit number in list order (100 up); they
-- serve the synthetic county and stand in for the statistical codes a deployment imports.
return {
  code = '620621',
  name = '民勤县',
  province = '甘肃省',
  city = '武威市',
  townships = {
    '三雷镇', '东坝镇', '泉山镇', '西渠镇', '东湖镇', '红沙梁镇', '大坝镇', '苏武镇', '大滩镇',
    '双茨科镇', '薛百镇', '夹河镇', '收成镇', '南湖镇', '昌宁镇', '重兴镇', '蔡旗镇',
  },
}
