-- Unit tests of dixian.api/support.lua.
local modules = ...
local asked
local support = modules.support(function(level) asked = level return 'plugin/checks/a.lua:7' end)
local tests = {}

function tests.caller_asks_one_frame_further_up()
  assert(support.caller(2) == 'plugin/checks/a.lua:7' and asked == 3)
end

function tests.a_guarded_table_reads_through_and_refuses_writes_naming_the_field()
  local proxy = support.guarded({ a = 1 }, 'cannot set ctx.%s')
  assert(proxy.a == 1)
  local ok, problem = pcall(function() proxy.b = 2 end)
  assert(not ok and problem:find('cannot set ctx.b', 1, true), problem)
end

function tests.a_read_only_copy_names_the_path_of_a_nested_write()
  local copy = support.read_only({ ages = { 16, 60 } }, 'ctx.params.x')
  assert(copy.ages[2] == 60 and #copy.ages == 2)
  local ok, problem = pcall(function() copy.ages[1] = 0 end)
  assert(not ok and problem:find('the screening context is read-only: cannot set ctx.params.x.ages.1', 1, true), problem)
  assert(support.read_only(copy, 'ctx.y') == copy, 'a copy is made once')
end

function tests.a_text_beyond_its_limit_is_refused_at_the_plugin_line()
  local ok, problem = pcall(support.bounded, 'p/f.lua:3', "check 'x'", 'title', ('x'):rep(11), 10)
  assert(not ok and problem == "p/f.lua:3: check 'x': 'title' is 11 bytes long; the limit is 10 bytes", problem)
  assert(support.bounded('p/f.lua:3', 'w', 'f', 'short', 10) == 'short')
end

function tests.an_unknown_declaration_field_lists_the_known_ones()
  local ok, problem = pcall(support.check_fields, 'p/f.lua:3', "check 'x'", { titel = 't' }, support.set_of { 'title', 'id' })
  assert(not ok and problem == "p/f.lua:3: unknown field 'titel' in check 'x' (known fields: id, title)", problem)
  ok, problem = pcall(support.need, 'p/f.lua:3', "check 'x'", {}, 'run', 'function')
  assert(not ok and problem == "p/f.lua:3: check 'x' needs 'run' (a function), got nil", problem)
end

return tests
