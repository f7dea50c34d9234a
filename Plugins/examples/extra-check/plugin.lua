-- An integrator's plugin: Minqin's rules plus one check of the integrator's own, without
-- touching Plugins/minqin. Copy this folder, change the id, and point Dixian at the folder
-- that holds it (see README.md).
return {
  id = 'minqin-extra',
  name = '民勤县（含扩展检查）',
  api = 1,
  version = '0.1.0',
  areas = { '620621' },
  extends = 'minqin',
  language = 'zh',
  summary = '民勤县规则，外加一项检查：监测户和脱贫户成员未参加基本医疗保险',
}
