-- Bin County (宾县), Harbin, Heilongjiang: 宾农工组办发〔2021〕33号 (seed 004), the county's plan
-- for its next steps in consolidating poverty alleviation.
return {
  id = 'binxian',
  name = '宾县',
  api = 1,
  version = '2021.1',
  areas = { '230125' },
  extends = 'national',
  language = 'zh',
  summary = '宾农工组办发〔2021〕33号：三类户、十项减收风险点、项目资产后续监管与收益使用',
}
