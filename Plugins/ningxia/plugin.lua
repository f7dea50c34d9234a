-- Ningxia Hui Autonomous Region (宁夏回族自治区): the definitions of 宁党发〔2021〕15号 (seed 001)
-- and the 四查四补 mechanism of 宁党农发〔2021〕7号 (seed 000). County plugins of Ningxia extend it
-- (Yanchi does).
return {
  id = 'ningxia',
  name = '宁夏回族自治区',
  api = 1,
  version = '2021.1',
  areas = { '64' },
  extends = 'national',
  language = 'zh',
  summary = '宁党发〔2021〕15号：脱贫不稳定、边缘易致贫人口界定（滚动12个月收入）；宁党农发〔2021〕7号：四查四补',
}
