-- wrk: GET the staff's pages as signed-in people. $REQUESTS holds one request a line,
-- "<session cookie><TAB><path>"; each request takes a random line. Any status but 200 counts
-- as an error (see done()), so a page that redirects to /login or refuses is not a fast success.
local requests = {}

function init()
  for line in io.lines(os.getenv("REQUESTS")) do
    local cookie, path = line:match("^([^\t]+)\t(.+)$")
    if cookie then requests[#requests + 1] = { cookie = cookie, path = path } end
  end
end

function request()
  local chosen = requests[math.random(#requests)]
  return wrk.format("GET", chosen.path, { ["Cookie"] = chosen.cookie })
end

function done(summary, latency)
  io.write(string.format("requests %d, p50 %.1f ms, p99 %.1f ms, socket errors %d, non-2xx %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
