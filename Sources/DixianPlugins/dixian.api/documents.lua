-- The tables checklists and reports are made of: their columns, and the documents a report's
-- render function returns, read into plain tables the host turns into sheets and pages.
local support = ...
local error, type, pairs, ipairs, pcall = error, type, pairs, ipairs, pcall
local format = string.format
local set_of = support.set_of

local documents = {}

local COLUMN_FIELDS = set_of { 'key', 'title', 'group', 'width' }

-- A checked copy of a list of columns { key, title, group = 'upper' or { 'outer', 'inner' },
-- width }: each with its upper headers as the list `groups`. Raises at `level`.
function documents.read_columns(columns, what, level)
  if type(columns) ~= 'table' or #columns == 0 then
    error(format('%s needs columns, a list of { key, title }', what), level + 1)
  end
  local copy, keys = {}, {}
  for i, column in ipairs(columns) do
    local this = format('%s column %d', what, i)
    if type(column) ~= 'table' then error(format('%s is a %s, not a table { key, title }', this, type(column)), level + 1) end
    for field in pairs(column) do
      if not COLUMN_FIELDS[field] then error(format("%s has unknown field '%s'", this, tostring(field)), level + 1) end
    end
    if type(column.key) ~= 'string' then error(format('%s needs key, a string', this), level + 1) end
    if keys[column.key] then error(format("%s: column key '%s' appears twice", what, column.key), level + 1) end
    keys[column.key] = true
    if type(column.title) ~= 'string' then error(format('%s needs title, a string', this), level + 1) end
    local groups = column.group
    if type(groups) == 'string' then groups = { groups } end
    if groups ~= nil and type(groups) ~= 'table' then
      error(format('%s: group must be a string or a list of strings', this), level + 1)
    end
    local list = {}
    for g, name in ipairs(groups or {}) do
      if type(name) ~= 'string' then error(format('%s: group %d is not a string', this, g), level + 1) end
      list[g] = name
    end
    if column.width ~= nil and (type(column.width) ~= 'number' or column.width <= 0) then
      error(format('%s: width must be a positive number', this), level + 1)
    end
    copy[i] = { key = column.key, title = column.title, groups = list, width = column.width }
  end
  return copy
end
local read_columns = documents.read_columns

-- Reads a document a report's render function returned into plain tables the host reads:
-- { title, blocks = { { heading = } | { text = } | { table = { title, columns, rows } } } }.
-- A malformed document raises naming the render function's line and the part at fault.
local CELL_TYPES = set_of { 'string', 'number', 'boolean' }
local SECTION_FIELDS = set_of { 'heading', 'text', 'table', 'tables' }
local TABLE_FIELDS = set_of { 'title', 'columns', 'rows' }
function documents.read_document(report, document)
  local function bad(message, ...)
    error(format("%s: report '%s' returned a malformed document: ", report.where, report.id) .. format(message, ...), 0)
  end
  if type(document) ~= 'table' then bad('expected a table of sections, got %s', type(document)) end
  local blocks = {}
  local function add_table(t, path)
    if type(t) ~= 'table' then bad('%s is a %s, not a table { columns, rows }', path, type(t)) end
    for field in pairs(t) do
      if not TABLE_FIELDS[field] then bad("%s has unknown field '%s' (title, columns, rows)", path, tostring(field)) end
    end
    if t.title ~= nil and type(t.title) ~= 'string' then bad('%s: title must be a string', path) end
    local ok, columns = pcall(read_columns, t.columns, path, 1)
    if not ok then bad('%s', columns) end
    if type(t.rows) ~= 'table' then bad('%s needs rows, a list of rows', path) end
    local rows = {}
    for r, row in ipairs(t.rows) do
      if type(row) ~= 'table' then bad('%s row %d is a %s, not a table', path, r, type(row)) end
      local cells = {}
      for c, column in ipairs(columns) do
        local value = row[column.key]
        if value == nil then value = row[c] end
        if value ~= nil and not CELL_TYPES[type(value)] then
          bad("%s row %d column '%s' is a %s; a cell is a string, number or boolean", path, r, column.key, type(value))
        end
        if value == nil then value = '' end
        cells[c] = value
      end
      rows[r] = cells
    end
    blocks[#blocks + 1] = { table = { title = t.title, columns = columns, rows = rows } }
  end
  for s, section in ipairs(document) do
    local path = format('section %d', s)
    if type(section) ~= 'table' then bad('%s is a %s, not a table { heading, text, table }', path, type(section)) end
    for field in pairs(section) do
      if not SECTION_FIELDS[field] then bad("%s has unknown field '%s' (heading, text, table, tables)", path, tostring(field)) end
    end
    if section.heading ~= nil then
      if type(section.heading) ~= 'string' then bad('%s: heading must be a string', path) end
      blocks[#blocks + 1] = { heading = section.heading }
    end
    local text = section.text
    if type(text) == 'string' then text = { text } end
    if text ~= nil then
      if type(text) ~= 'table' then bad('%s: text must be a string or a list of strings', path) end
      for p, paragraph in ipairs(text) do
        if type(paragraph) ~= 'string' then bad('%s: paragraph %d is a %s, not a string', path, p, type(paragraph)) end
        blocks[#blocks + 1] = { text = paragraph }
      end
    end
    if section.table ~= nil then add_table(section.table, path .. ' table') end
    if section.tables ~= nil then
      if type(section.tables) ~= 'table' then bad('%s: tables must be a list of tables', path) end
      for t, each in ipairs(section.tables) do add_table(each, format('%s table %d', path, t)) end
    end
  end
  if document.title ~= nil and type(document.title) ~= 'string' then bad('title must be a string') end
  return { title = document.title or report.title, blocks = blocks }
end

return documents
