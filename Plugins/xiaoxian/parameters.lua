-- Xiao County's parameters. "seed 002" is 萧乡振办〔2021〕7号; sections are those of its 二 (主要内容).

dixian.parameter('compulsory_school_ages', {
  title = '义务教育阶段适龄儿童、少年年龄',
  source = 'seed 002 二(五)：义务教育阶段适龄儿童、少年（6-15周岁）',
  value = { from = 6, to = 15 },
})

dixian.parameter('unable_to_study_grades', {
  title = '身体原因不具备学习条件的残疾等级',
  source = 'seed 002 二(五) excepts children "除身体原因不具备学习条件外" without saying who; grades 1 and 2 (severe) are a county parameter',
  value = { 1, 2 },
})

dixian.parameter('elderly_age', {
  title = '老人年龄',
  source = 'seed 002 二(五) 老人独居 gives no age; 60 is the statutory age of the elderly (老年人权益保障法 第二条)',
  value = 60,
})

dixian.parameter('medical_burden_share', {
  title = '大病重病监测户医疗费用负担较重（占家庭纯收入的比例）',
  source = 'seed 002 二(五) 医疗费用负担较重 gives no figure; a county parameter',
  value = 0.3,
})
