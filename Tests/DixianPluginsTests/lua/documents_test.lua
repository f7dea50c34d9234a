-- Unit tests of dixian.api/documents.lua.
local modules = ...
local documents = modules.documents(modules.support(function() return nil end))
local tests = {}
local report = { id = 'r', title = '报表', where = 'p/reports/r.lua:1' }

function tests.columns_carry_their_upper_headers_as_a_list()
  local columns = documents.read_columns({
    { key = 'a', title = 'A', group = '收入' },
    { key = 'b', title = 'B', group = { '外', '内' }, width = 12 },
  }, 'checklist x', 1)
  assert(#columns == 2 and columns[1].groups[1] == '收入' and columns[2].groups[2] == '内' and columns[2].width == 12)
end

function tests.a_column_key_given_twice_is_refused()
  local ok, problem = pcall(documents.read_columns, { { key = 'a', title = 'A' }, { key = 'a', title = 'B' } }, 'checklist x', 1)
  assert(not ok and problem:find("checklist x: column key 'a' appears twice", 1, true), problem)
end

function tests.a_document_becomes_blocks_with_cells_in_column_order()
  local document = documents.read_document(report, {
    { heading = '一、概况', text = { '第一段', '第二段' } },
    { table = { columns = { { key = 'n', title = '户数' }, { key = 's', title = '乡镇' } }, rows = { { n = 3, s = '甲' }, { 4, '乙' } } } },
  })
  assert(document.title == '报表' and #document.blocks == 4)
  assert(document.blocks[1].heading == '一、概况' and document.blocks[3].text == '第二段')
  local rows = document.blocks[4].table.rows
  assert(rows[1][1] == 3 and rows[1][2] == '甲' and rows[2][1] == 4 and rows[2][2] == '乙')
end

function tests.a_malformed_document_names_the_report_and_the_part()
  local ok, problem = pcall(documents.read_document, report,
    { { table = { columns = { { key = 'n', title = 'N' } }, rows = { { n = {} } } } } })
  assert(not ok and problem == "p/reports/r.lua:1: report 'r' returned a malformed document: "
    .. "section 1 table row 1 column 'n' is a table; a cell is a string, number or boolean", problem)
end

return tests
