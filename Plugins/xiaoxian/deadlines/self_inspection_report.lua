-- The 大排查's 工作总结阶段 (seed 002 三(三)): each township and 牵头单位 reports its
-- self-inspection to the county's 乡村振兴局 by 27 December. The plan is 2021's (萧乡振办〔2021〕7号:
-- "12月初" the plan and training, "12月9日—31日" the 排查), so the duty falls due in December 2021
-- only, on the date the `inspections` parameter gives as report_by (which the self-inspection
-- report states). A county that runs a later 排查 adds its window to `inspections` and declares
-- its report here again (override = true, with that year's window).
dixian.duty {
  id = 'xiaoxian.self-inspection-report',
  title = '大排查自查报告上报县乡村振兴局',
  responsible = '各乡镇、各牵头单位',
  day = 27,
  months = { 12 },
  from = '2021-12-01',
  through = '2021-12-31',
  source = '萧乡振办〔2021〕7号 三(三)：各乡镇、各牵头单位要认真总结大排查情况并形成自查报告……于12月27日前上报县乡村振兴局',
}
