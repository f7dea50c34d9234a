-- The quarterly data check of seed 003 附件2 二.17 ("每季度开展一次……数据核查核准工作"). The
-- seed gives it no day and names no unit: "每季度" is read as done by each quarter's last day
-- (31 March, 30 June, 30 September, 31 December), and the unit as the county's 农业农村局, which
-- checks the system and feeds doubtful data back to towns and villages ("及时反馈镇村核查核准").
-- Both readings are the county's own choice; an extension changes them with override = true.
-- Like the monthly duties of 二.16 (deadlines/clocks.lua) it is a standing routine of the work
-- points, so it has no window of years.
dixian.duty {
  id = 'minqin.data-check',
  title = '全国防止返贫监测和衔接推进乡村振兴信息系统数据核查核准',
  responsible = '县农业农村局',
  day = 31,
  months = { 3, 6, 9, 12 },
  source = '民农领发〔2024〕9号附件2 二.17：每季度开展一次全国防止返贫监测和衔接推进乡村振兴信息系统数据核查核准工作，'
    .. '认真筛查整改信息不完整、数据逻辑错误等问题',
}
