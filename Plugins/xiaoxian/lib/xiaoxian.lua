-- Helpers shared by Xiao County's checks and checklist.
local X = {}

--- The names of the members for which `test(member)` holds, joined with 、.
function X.names(h, test)
  local list = {}
  for _, member in ipairs(h.members) do
    if test(member) then list[#list + 1] = member.name end
  end
  return table.concat(list, '、')
end

return X
