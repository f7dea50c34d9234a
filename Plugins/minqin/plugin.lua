-- Minqin County (民勤县), Wuwei, Gansu. The rules of 民农领发〔2024〕9号, the county's 2024 work
-- points on consolidating poverty alleviation (seed 003): quoted by section in each file.
return {
  id = 'minqin',
  name = '民勤县',
  api = 1,
  version = '2024.1',
  areas = { '620621' },
  extends = 'national',
  language = 'zh',
  summary = '民农领发〔2024〕9号：监测范围7800元、一键报贫时限、六必访六必查、七不消、一户一策、走访频次',
}
