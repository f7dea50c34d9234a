-- Xiao County (萧县), Suzhou, Anhui: the 大排查 of 萧乡振办〔2021〕7号 (seed 002): its inspection
-- areas as checks and its household checklist (入户排查台账, the 附件).
return {
  id = 'xiaoxian',
  name = '萧县',
  api = 1,
  version = '2021.1',
  areas = { '341322' },
  extends = 'national',
  language = 'zh',
  summary = '萧乡振办〔2021〕7号：巩固拓展脱贫攻坚成果大排查的排查内容与入户排查台账',
}
