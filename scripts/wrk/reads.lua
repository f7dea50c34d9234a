-- wrk: GET /api/v1/households/{number} for random households of the list in $NUMBERS, signed in
-- with $TOKEN. Any status but 200 counts as an error (see done()).
local numbers = {}
local token = os.getenv("TOKEN")
local failures = 0

function init()
  for line in io.lines(os.getenv("NUMBERS")) do numbers[#numbers + 1] = line end
end

function request()
  return wrk.format("GET", "/api/v1/households/" .. numbers[math.random(#numbers)], { ["Authorization"] = "Bearer " .. token })
end

function response(status)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency)
  io.write(string.format("requests %d, p50 %.1f ms, p99 %.1f ms, socket errors %d, non-2xx %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
