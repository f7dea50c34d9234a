-- 三类户 (seed 004 三.1): 脱贫不稳定户、边缘易致贫户、因灾因病因意外事故等刚性支出较大或收入大幅缩减导致
-- 基本生活出现严重困难户. The first two are identified by the line of the province, which the seed
-- does not give; the third is judged here from spending and income.
local B = require('lib.binxian')

dixian.check {
  id = 'binxian.sudden-hardship',
  title = '疑似突发严重困难户（刚性支出较大或收入大幅缩减）',
  group = '三类户',
  risk_types = { 'illness', 'accident', 'natural-disaster' },
  severity = 'high',
  source = '宾农工组办发〔2021〕33号 三.1：因灾因病因意外事故等刚性支出较大或收入大幅缩减导致基本生活出现严重困难户',
  run = function(h, ctx)
    if h.category == 'monitored' then return nil end
    local now, before = B.two_years(h, ctx)
    if now == nil then return nil end
    local rigid = now.medical_spending + now.education_spending
    if rigid > 0 and rigid > now.net then
      return string.format('%d年医疗、教育刚性支出%.0f元，超过家庭纯收入%.0f元，应核实是否基本生活出现严重困难', now.year, rigid, now.net)
    end
    if before and B.fell(now.net, before.net, ctx.params.hardship_income_drop_share) then
      return string.format('%d年家庭纯收入%.0f元，比上年%.0f元大幅缩减，应核实是否基本生活出现严重困难', now.year, now.net, before.net)
    end
  end,
}
