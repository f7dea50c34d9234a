-- Households with no one able to work go to social security: seed 003 附件2 二.13 (对整户丧失劳动
-- 能力的，及时纳入现有社会保障体系，做好兜底保障), 二.19 (整户无劳动能力的，由民政部门牵头管理，做好兜底
-- 保障) and 正文三(一)2 (对没有劳动能力的人口，及时纳入现有社会保障体系). The registry's social
-- security is 低保 and 特困供养; the seed's scope is the 脱贫人口 and the 监测对象.
dixian.check {
  id = 'minqin.no-labor-without-social-security',
  title = '整户无劳动能力未纳入低保或特困供养',
  group = '兜底保障',
  risk_types = { 'lack-of-labor' },
  severity = 'high',
  source = '民农领发〔2024〕9号附件2 二.13：对整户丧失劳动能力的，及时纳入现有社会保障体系，做好兜底保障；二.19：整户无劳动能力的，由民政部门牵头管理',
  description = '脱贫户 and 监测户 with no member able to work, receiving neither 低保 nor 特困供养.',
  run = function(h)
    if not h.no_member_able_to_work or h.category == 'general' then return nil end
    if h.minimum_living_allowance or h.extreme_poverty_support then return nil end
    return '整户无劳动能力，未纳入农村低保或特困供养，应由民政部门牵头核查，符合条件的及时纳入，做好兜底保障'
  end,
}
