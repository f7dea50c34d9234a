-- wrk: GET the staff's pages as signed-in people. $REQUESTS holds one request a line,
-- "<session cookie><TAB><path>"; each request takes a random line. Any status but 200 counts
-- as an error (see done()), so a page that redirects to /login or refuses is not a fast success.
-- With $THINK_MS ("1000-3000"), each connection is a person who reads a page for a random time in
-- that range before asking for the next (summary.lua); without it, connections ask again at once.
local requests = {}
function init()
  seed_random()
  for line in io.lines(os.getenv("REQUESTS")) do
    local cookie, path = line:match("^([^\t]+)\t(.+)$")
    if cookie then requests[#requests + 1] = { cookie = cookie, path = path } end
  end
end

function request()
  local chosen = requests[math.random(#requests)]
  return wrk.format("GET", chosen.path, { ["Cookie"] = chosen.cookie })
end

local shared = dofile("scripts/wrk/summary.lua")  -- run from the checkout, as scripts/bench does
setup, response, done, delay = shared.setup, shared.response, shared.done, shared.delay
