-- Risk elimination. seed 003 附件2 二.15 and 二.19: households with no one able to work are not
-- marked eliminated; they stay monitored (民政部门牵头管理，做好兜底保障).
dixian.check {
  id = 'minqin.no-labor-eliminated',
  title = '整户无劳动能力却已标注风险消除',
  group = '风险消除',
  risk_types = { 'lack-of-labor' },
  severity = 'high',
  source = '民农领发〔2024〕9号附件2 二.15：对整户无劳动能力的监测对象暂不标注消除风险，持续跟踪监测',
  run = function(h, ctx)
    if not h.no_member_able_to_work then return nil end
    local latest = h.episodes[#h.episodes]
    if latest and latest.status == 'eliminated' then
      return string.format('整户无劳动能力，%s已标注风险消除；应暂不标注消除，持续跟踪监测并纳入兜底保障',
        latest.eliminated_on or '?')
    end
  end,
}
