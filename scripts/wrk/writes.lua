-- wrk: POST /self-report for households that have no monitoring episode, from the lines
-- "NAME,ID" of $MEMBERS; thread k of n takes lines k, k + n, ... so that no household reports
-- twice. Every submission must be accepted (201).
local members = {}
local next_index = 1
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init()
  local count = tonumber(os.getenv("THREADS"))
  local i = 0
  for line in io.lines(os.getenv("MEMBERS")) do
    if i % count == thread_id then members[#members + 1] = line end
    i = i + 1
  end
end

local function encode(text)
  return (text:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  local line = members[next_index]
  next_index = next_index + 1
  if line == nil then return wrk.format("GET", "/openapi.json") end
  local name, id = line:match("^([^,]+),(.+)$")
  local body = "name=" .. encode(name) .. "&resident_id=" .. id .. "&risk=illness&difficulty=" .. encode("突发疾病住院")
  return wrk.format("POST", "/self-report", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

done = dofile("scripts/wrk/summary.lua").done  -- run from the checkout, as scripts/bench does
