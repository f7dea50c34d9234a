-- Minqin's parameters. "seed 003" is 民农领发〔2024〕9号; sections are those of its 附件2
-- (民勤县2024年防止返贫动态监测和帮扶工作要点) unless 附件1 is named.

dixian.parameter('monitoring_line', {
  title = '防止返贫监测范围（家庭年人均纯收入）',
  unit = '元',
  source = '民农领发〔2024〕9号附件2 二.3',
  values = {
    -- 全县2024年度防止返贫监测范围调整为7800元。Earlier years' lines are not in the seed.
    { from = '2024-01-01', value = 7800, source = '民农领发〔2024〕9号附件2 二.3' },
  },
})

dixian.parameter('identification_review_years', {
  title = '识别超过N年未消除风险需逐户剖析',
  unit = '年',
  source = '民农领发〔2024〕9号附件2 二.15（对识别超过两年未消除风险的监测对象）',
  value = 2,
})

dixian.parameter('self_report_clock', {
  title = '一键报贫时限',
  source = '民农领发〔2024〕9号附件2 二.4',
  value = {
    verify_days = 5,            -- 自农户申报日起5天内，必须完成家庭状况核查
    answer_working_days = 5,    -- 核查完成后5个工作日内，反馈核查结果
    approve_working_days = 5,   -- 对符合认定标准的5个工作日内完成审批
    total_days = 15,            -- 从农户自主申报到完成监测对象认定不超过15天
  },
})

dixian.parameter('plan_deadline_days', {
  title = '新识别或新标注风险后制定一户一策帮扶计划时限',
  unit = '日',
  source = '民农领发〔2024〕9号附件2 二.12（识别认定或风险标注10日内）；二.4（10天内）',
  value = 10,
})

dixian.parameter('plan_adjustment_deadline', {
  title = '风险未消除的监测对象年度动态调整截止日（月-日）',
  source = '民农领发〔2024〕9号附件2 二.12（3月底前完成年度动态调整）',
  value = '03-31',
})

dixian.parameter('visit_frequency', {
  title = '走访频次',
  source = '民农领发〔2024〕9号附件1 二.5（驻村工作队）、二.8（帮扶责任人）；正文三(三)11（帮扶干部每季度至少入户走访1次）',
  value = {
    -- 驻村工作队每月对"三类户"和低保户、残疾人、留守老人妇女儿童等困难群众开展1次走访；
    -- 每季度对脱贫户、一般户开展1次走访（附件1 二.5；正文三(三)11 同）。
    resident_team_monthly = 'monitored, minimum_living_allowance, disability, left_behind',
    resident_team_quarterly = 'lifted, general',
    -- 监测户的帮扶责任人每季度至少开展1次入户走访（附件1 二.8）；帮扶干部每季度至少入户走访1次
    -- （正文三(三)11: every assisted household, 帮扶户: the 脱贫户 and 监测户, and any household
    -- with a helper assigned, 'assigned').
    helper_quarterly = 'monitored, lifted, assigned',
    -- Which households the screening flags for missed visits (check minqin.visit-frequency):
    -- the county's own choice, not the seed's. The due list (minqin.visits) lists every duty above.
    checked = 'monitored',
  },
})

dixian.parameter('resident_team_villages', {
  title = '派驻驻村工作队的帮扶村（村代码）',
  source = '民农领发〔2024〕9号附件1 二.5 (驻村工作队……每月对帮扶村"三类户"……开展1次走访)',
  -- The seed does not list the villages with a resident team (帮扶村). Until the county lists
  -- their 12-digit codes here, every village is treated as having one, so the team's visit
  -- duties apply to every household: `all = true`. A county sets { '620621100201', ... }.
  value = { all = true },
})

dixian.parameter('six_must_visit', {
  title = '六必访',
  source = '民农领发〔2024〕9号附件2 二.9',
  value = {
    -- 重度残疾人: the seed does not define "severe"; grades 1 and 2 are severe under the
    -- national disability classification (GB/T 26341). A county parameter.
    severe_disability_grades = { 1, 2 },
    -- 负担较重的慢性病患者: the seed gives no figure for a heavy burden. A county parameter:
    -- yearly medical spending above this share of the household's net income.
    chronic_burden_share = 0.3,
    -- 失能老年人: age from which an elderly member who cannot work and is ill or disabled counts.
    -- Not in the seed; 60 is the statutory age of the elderly (老年人权益保障法 第二条).
    elderly_age = 60,
    -- 遭遇重大变故和自然灾害的家庭: risks labelled within this many days. Not in the seed: the
    -- county's own choice, one year, the span of the 2024 work points it screens.
    recent_event_days = 365,
    -- 单亲: a parent raising a child younger than this alone (the registry records no marital
    -- status: read from the members' relations, lib/minqin.lua M.single_parents). Not in the
    -- seed; 18, the age of majority (民法典 第十七条): a county parameter.
    single_parent_child_age = 18,
  },
})

dixian.parameter('six_must_check', {
  title = '六必查',
  source = '民农领发〔2024〕9号附件2 二.9（开展"六必查"，对……有病人住院家庭……突发意外家庭、有投诉举报情况的农户，严格核查认定）',
  value = {
    -- 突发意外家庭: a household counts while its accident (an episode with the risk type 因意外事故)
    -- was reported within this many days. The seed gives no window: the county's own choice, one
    -- year, the span of the work points (民勤县2024年……工作要点) and of 六必访's recent_event_days.
    accident_days = 365,
    -- 有病人住院家庭: a household counts while a member is in hospital (admitted, not yet
    -- discharged) and for this many days after the discharge. The seed gives no window either:
    -- the county's own choice, the same year as accident_days.
    hospital_days = 365,
    -- 有投诉举报情况的农户: a household counts while a complaint about it is open, and for this
    -- many days after one was received. No window in the seed: the county's own choice, a year.
    complaint_days = 365,
  },
})

dixian.parameter('follow_up_months', {
  title = '风险消除后"回头看"间隔',
  unit = '月',
  source = '民农领发〔2024〕9号正文三(一)1（定期对已消除风险的监测对象开展"回头看"）；附件2 二.15（适时开展"回头看"）',
  -- The seed says 定期 and 适时 without a period. 12 months is this plugin's reading of the
  -- seed's own yearly round for eliminated households (附件2 二.16: 第四季度……对已消除风险的监测
  -- 对象基础信息进行年度更新): the county's own choice, to be set from its 回头看 notice.
  value = 12,
})

dixian.parameter('compulsory_school_ages', {
  title = '义务教育阶段适龄儿童、少年年龄',
  unit = '周岁',
  source = '民农领发〔2024〕9号正文三(一)3 推进义务教育控辍保学“常态清零”，未给出义务教育阶段的年龄；'
    .. '取6至15周岁（义务教育法第十一条：年满六周岁入学，九年义务教育），由县里设定，非文件规定',
  value = { from = 6, to = 15 },
})

dixian.parameter('complaint_close_days', {
  title = '接诉即办：群众申诉投诉的办结时限',
  unit = '日',
  source = '民农领发〔2024〕9号附件2 二.4 要求“强化群众申诉信息处理，接诉即办、快速响应”，未给出办结时限；'
    .. '取15日（借用同条从申报到完成认定不超过15天的时限），由县里设定，非文件规定',
  -- An open complaint is due this many days after it was received (lib/minqin.lua
  -- M.complaint_items: the deadline minqin.complaint lists it, the check minqin.complaint-open
  -- flags it once overdue).
  value = 15,
})
