-- wrk: the summary every load script prints when it is done, the line scripts/bench reads:
-- requests, p50 and p99 latency, socket errors and answers outside 2xx.
return function(summary, latency)
  io.write(string.format("requests %d, p50 %.1f ms, p99 %.1f ms, socket errors %d, non-2xx %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
