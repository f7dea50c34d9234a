-- The columns that say which household a row of a county's list is about, shared with every
-- county plugin (they extend this one): dixian.import('household_columns').
local CATEGORY = { lifted = '脱贫户', monitored = '监测户', general = '一般户' }

local M = {}

--- The identifying columns, as new tables a checklist can append its own to:
--- 乡镇, 村（代码）, 户编号, 户主姓名, 户属性, 家庭人口数.
function M.columns()
  return {
    { key = 'township', title = '乡镇' },
    { key = 'village', title = '村（代码）', width = 14 },
    { key = 'number', title = '户编号', width = 18 },
    { key = 'head_name', title = '户主姓名' },
    { key = 'category', title = '户属性' },
    { key = 'size', title = '家庭人口数' },
  }
end

--- A row with those columns filled for h (the township by name where the plugin's geography
--- gives one).
function M.row(h, ctx)
  return {
    township = ctx.place(h.township), village = h.village, number = h.number, head_name = h.head_name,
    category = CATEGORY[h.category], size = h.size,
  }
end

--- Appends the columns of `more` to `list` and returns it.
function M.append(list, more)
  for _, column in ipairs(more) do list[#list + 1] = column end
  return list
end

dixian.export('household_columns', M)
