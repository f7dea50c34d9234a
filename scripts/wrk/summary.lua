-- wrk: what the load scripts share. `setup` keeps every thread, `response` counts in each thread
-- the answers that are not `expected` (200 unless a script sets it; wrk itself counts only those
-- from 400 up, so a redirect to /login would pass as a fast success), and `done` prints the line
-- scripts/bench reads: requests, p50 and p99 latency, socket errors, and the answers that were
-- not the one expected.
local threads = {}
local shared = { expected = 200 }

function shared.setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

-- Seeds the thread's random choices by the clock and its number (call it from init): wrk starts
-- every thread's Lua from the same seed, so that without it a warm-up and the run measured after
-- it would ask for the same households in the same order, and each thread the same as the other.
function seed_random()
  math.randomseed(os.time() * 64 + (thread_number or 0))
end

failures = 0  -- per thread, read by done() through thread:get

-- With $THINK_MS ("1000-3000"), each connection is a person who waits a random time in that range
-- (reading a page) before the next request; without it, connections ask again at once.
local fastest, slowest = (os.getenv("THINK_MS") or ""):match("^(%d+)-(%d+)$")
if fastest then
  function shared.delay()
    return math.random(tonumber(fastest), tonumber(slowest))
  end
end

function shared.response(status)
  if status ~= shared.expected then failures = failures + 1 end
end

function shared.done(summary, latency)
  -- A script that keeps its own threads (writes.lua) counts as wrk does.
  local refused = #threads > 0 and 0 or summary.errors.status
  for _, thread in ipairs(threads) do refused = refused + (thread:get("failures") or 0) end
  io.write(string.format("requests %d, p50 %.1f ms, p99 %.1f ms, socket errors %d, non-2xx %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, refused))
end

return shared
