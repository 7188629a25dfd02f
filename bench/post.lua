-- wrk script for bench/load.sh, concurrency.sh and warmup.sh: POSTs one scenario file over and over.
--   BODY_FILE  the scenario (YAML)
--   FORM=1     send it form-encoded as scenario=… (the playground's htmx form), else as application/yaml
--   REPEAT=1   send the very same text every time; by default each request ends with its own comment
--              line ("# request T-N"), so that no answer comes from the server's memory of earlier ones
-- At the end prints one machine-readable line: "RESULT requests=… rps=… p50_ms=… p99_ms=… …".

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local file = assert(io.open(assert(os.getenv("BODY_FILE"), "set BODY_FILE"), "rb"))
local text = file:read("*a")
file:close()
local form = os.getenv("FORM") == "1"
local repeat_text = os.getenv("REPEAT") == "1"

local encoded = form and ("scenario=" .. urlencode(text)) or text

local function body(comment)
  if not comment then
    return encoded
  end
  local line = "\n# request " .. comment .. "\n"
  return encoded .. (form and urlencode(line) or line)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = form and "application/x-www-form-urlencoded" or "application/yaml"
wrk.body = body(nil)

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local sent = 0
if not repeat_text then
  function request()
    sent = sent + 1
    return wrk.format(nil, nil, nil, body(tostring(thread_id) .. "-" .. sent))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f "
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
