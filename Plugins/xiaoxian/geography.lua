-- Xiao County (萧县), Suzhou, Anhui: the county code of GB/T 2260 and its towns and
-- townships (seed 002, 萧乡振办〔2021〕7号, is addressed to them as 各乡镇).
-- Township codes are the county code and a 3-digit number in list order (100 up); they
-- serve the synthetic county and stand in for the statistical codes a deployment imports.
return {
  code = '341322',
  name = '萧县',
  province = '安徽省',
  city = '宿州市',
  townships = {
    '龙城镇', '黄口镇', '杨楼镇', '闫集镇', '新庄镇', '刘套镇', '马井镇', '大屯镇', '赵庄镇',
    '杜楼镇', '丁里镇', '王寨镇', '祖楼镇', '青龙集镇', '张庄寨镇', '永堌镇', '白土镇', '官桥镇',
    '酒店乡', '圣泉乡', '孙圩子乡', '庄里乡', '石林乡',
  },
}
