-- Yanchi County (盐池县), Wuzhong, Ningxia: the county code of GB/T 2260 and its towns and
-- townships (seed 001 names Yanchi for its 红黄绿 grading).
-- Township codes are the county code and a 3-digit number in list order (100 up); they
-- serve the synthetic county and stand in for the statistical codes a deployment imports.
return {
  code = '640323',
  name = '盐池县',
  province = '宁夏回族自治区',
  city = '吴忠市',
  townships = {
    '花马池镇', '大水坑镇', '惠安堡镇', '高沙窝镇', '王乐井乡', '冯记沟乡', '青山乡', '麻黄山乡',
  },
}
