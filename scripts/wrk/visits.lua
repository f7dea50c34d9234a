-- wrk: POST /api/v1/visits, a helper's visit to a random household of the lines of $NUMBERS,
-- with the bearer token $TOKEN: a workflow action, which the server follows with the
-- re-screening of its household before it answers (issue 23). Every visit must be recorded (201).
-- With $THINK_MS ("1000-3000"), each connection is a person who records a visit after that long (summary.lua).
local numbers = {}
function init()
  seed_random()
  for line in io.lines(os.getenv("NUMBERS")) do numbers[#numbers + 1] = line end
end

function request()
  local body = string.format('{"household": "%s", "visitor": "李帮扶", "role": "helper", "notes": "入户走访"}',
    numbers[math.random(#numbers)])
  return wrk.format("POST", "/api/v1/visits",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }, body)
end

local shared = dofile("scripts/wrk/summary.lua")  -- run from the checkout, as scripts/bench does
shared.expected = 201
setup, response, done, delay = shared.setup, shared.response, shared.done, shared.delay
