-- wrk: what the load scripts share. `setup` keeps every thread, `response` counts in each thread
-- the answers that are not 200 (wrk itself counts only those from 400 up, so a redirect to
-- /login would pass as a fast success), and `done` prints the line scripts/bench reads:
-- requests, p50 and p99 latency, socket errors, and the answers that were not 200.
local threads = {}
local shared = {}

function shared.setup(thread)
  threads[#threads + 1] = thread
end

failures = 0  -- per thread, read by done() through thread:get

function shared.response(status)
  if status ~= 200 then failures = failures + 1 end
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
