-- Yanchi County (盐池县), Wuzhong, Ningxia: the region's rules (the ningxia plugin) plus the
-- county's 红黄绿 dynamic monitoring and early warning that seed 001 (四) asks all of Ningxia
-- to learn from (推广盐池县"红黄绿"动态监测预警和四级网格化管理做法).
return {
  id = 'yanchi',
  name = '盐池县',
  api = 1,
  version = '2021.1',
  areas = { '640323' },
  extends = 'ningxia',
  language = 'zh',
  summary = '宁夏规则之上的"红黄绿"动态监测预警分级',
}
