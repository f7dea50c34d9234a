-- Who may take which step of the work (issue 20): the village records visits and checks and
-- reports what it finds; the township verifies and feeds back; the county approves, decides
-- the elimination of a risk, sends back and relabels. The county administrator may take every
-- step. Auditors take none; departments push warnings, which is not a step of this table (the
-- server lets them push and nothing else). County plugins inherit this table and replace an
-- entry with `override = true`.
--
-- Where the seeds name who does a step, the source cites them: seed 003 (民农领发〔2024〕9号),
-- seed 004 (宾农工组办发〔2021〕33号), seed 000 (宁党农发〔2021〕7号). The order of the tiers
-- (no approval before the township's answer, no county approval of an elimination before the
-- village's stages) is the host's lifecycle, not this table.
local VILLAGE, TOWNSHIP, COUNTY = 'village-cadre', 'township-staff', 'county-administrator'
local ALL_TIERS = { VILLAGE, TOWNSHIP, COUNTY }
local TOWNSHIP_AND_COUNTY = { TOWNSHIP, COUNTY }
local COUNTY_ONLY = { COUNTY }

local IDENTIFICATION = '民农领发〔2024〕9号附件2 二.4（家庭状况核查、反馈核查结果、完成审批）'
local ELIMINATION = '民农领发〔2024〕9号附件2 二.14（入户核实、民主评议和公示、村级评议、县级审核批准和公告）'
local PLANS = '民农领发〔2024〕9号附件2 二.12；附件1 二.8（帮扶责任人制定完善和协调落实帮扶计划）'
local PROBLEMS = '宁党农发〔2021〕7号 三(二)（发挥县乡村主体作用，自查自纠）、四(三)（建立台账、拉条挂账、督办落实、办结销号）'

dixian.permit {
  step = 'report', roles = ALL_TIERS,
  source = '宾农工组办发〔2021〕33号 三.2（基层干部排查、乡镇核实确认）；民农领发〔2024〕9号附件2 二.10（组织镇村干部、驻村工作队进村入户）',
}
dixian.permit {
  step = 'verify', roles = TOWNSHIP_AND_COUNTY,
  source = IDENTIFICATION .. '；附件2 二.6（乡镇核实研判）；宾农工组办发〔2021〕33号 三.2（乡镇工作人员核实确认）',
}
dixian.permit { step = 'answer', roles = TOWNSHIP_AND_COUNTY, source = IDENTIFICATION }
dixian.permit { step = 'approve', roles = COUNTY_ONLY, source = IDENTIFICATION }
dixian.permit { step = 'plan', roles = ALL_TIERS, source = PLANS }
dixian.permit { step = 'plan.adjust', roles = ALL_TIERS, source = PLANS }
dixian.permit { step = 'measure.add', roles = ALL_TIERS, source = PLANS }
dixian.permit { step = 'measure.done', roles = ALL_TIERS, source = PLANS }

dixian.permit { step = 'eliminate.household-check', roles = ALL_TIERS, source = ELIMINATION }
dixian.permit { step = 'eliminate.public-review', roles = ALL_TIERS, source = ELIMINATION }
dixian.permit { step = 'eliminate.village-review', roles = ALL_TIERS, source = ELIMINATION }
dixian.permit { step = 'eliminate.county-approval', roles = COUNTY_ONLY, source = ELIMINATION }

dixian.permit { step = 'follow-up', roles = ALL_TIERS, source = '民农领发〔2024〕9号附件2 二.15（适时开展“回头看”）' }
dixian.permit {
  step = 'send-back', roles = COUNTY_ONLY,
  source = '民农领发〔2024〕9号附件2 二.16（回退监测对象每月25日前以书面形式报市农业农村局审核）',
}
dixian.permit {
  step = 'relabel', roles = COUNTY_ONLY,
  source = '民农领发〔2024〕9号附件2 二.15、二.16（风险再标注，同识别认定）',
}

dixian.permit {
  step = 'visit', roles = ALL_TIERS,
  source = '民农领发〔2024〕9号附件1 二.5（驻村工作队走访）、二.8（帮扶责任人入户走访）',
}
dixian.permit { step = 'problem.open', roles = ALL_TIERS, source = PROBLEMS }
dixian.permit { step = 'problem.close', roles = ALL_TIERS, source = PROBLEMS }
dixian.permit {
  step = 'warning.close', roles = TOWNSHIP_AND_COUNTY,
  source = '民农领发〔2024〕9号附件2 二.6（县农业农村局及时反馈乡镇核查，乡镇核实研判结果要建立核查台账）',
}
