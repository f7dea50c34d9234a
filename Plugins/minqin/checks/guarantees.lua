-- 三保障 and 饮水安全 screened all year, not only when risk is eliminated: seed 003 正文三(一)3
-- (巩固提升"三保障"和饮水安全保障成果：推进义务教育控辍保学"常态清零"……强化供水状况监测，发现问题
-- 动态清零) and 附件2 二.16 (据实更新……"三保障"和饮水安全等变化情况). What counts as unmet is
-- decided in lib/minqin.lua (M.unmet_guarantees), shared with the 七不消 guard.
local m = require('lib.minqin')

dixian.check {
  id = 'minqin.guarantee-unmet',
  title = '"两不愁三保障"或饮水安全未保障',
  group = '三保障和饮水安全',
  severity = 'high',
  source = '民农领发〔2024〕9号正文三(一)3：推进义务教育控辍保学"常态清零"……强化供水状况监测，发现问题动态清零',
  description = 'Any household whose latest 两不愁三保障 survey records a guarantee unmet, or with a child of '
    .. 'compulsory-school age (parameter compulsory_school_ages, 6 to 15: the county\'s choice, the seed gives no ages) '
    .. 'who dropped out; its risk types are those of the guarantees unmet.',
  run = function(h, ctx)
    local unmet = m.unmet_guarantees(h, ctx)
    if #unmet == 0 then return nil end
    local what, risks, seen = {}, {}, {}
    for i, u in ipairs(unmet) do
      what[i] = u.what
      if not seen[u.risk_type] then seen[u.risk_type] = true risks[#risks + 1] = u.risk_type end
    end
    return { message = table.concat(what, '；') .. '，应动态清零（落实帮扶措施，符合条件的纳入监测）', risk_types = risks }
  end,
}
