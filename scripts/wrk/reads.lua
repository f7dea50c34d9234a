-- wrk: GET /api/v1/households/{number} for random households of the list in $NUMBERS, signed in
-- with $TOKEN. Any status but 200 counts as an error (see done()).
local numbers = {}
local token = os.getenv("TOKEN")

function init()
  seed_random()
  for line in io.lines(os.getenv("NUMBERS")) do numbers[#numbers + 1] = line end
end

function request()
  return wrk.format("GET", "/api/v1/households/" .. numbers[math.random(#numbers)], { ["Authorization"] = "Bearer " .. token })
end


local shared = dofile("scripts/wrk/summary.lua")  -- run from the checkout, as scripts/bench does
setup, response, done = shared.setup, shared.response, shared.done
