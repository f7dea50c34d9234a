-- Runs the unit tests of one module of the plugin API (APIModuleTests): `load_tests(modules)`
-- returns a table of tests (name -> function), run here in name order, each protected.
-- Returns how many ran and the failures, each "name: message".
local load_tests, modules = ...
local tests = load_tests(modules)
local names = {}
for name in pairs(tests) do names[#names + 1] = name end
table.sort(names)
local failures = {}
for _, name in ipairs(names) do
  local ok, problem = pcall(tests[name])
  if not ok then failures[#failures + 1] = name .. ': ' .. tostring(problem) end
end
return #names, failures
