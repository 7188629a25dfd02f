-- wrk script for bench/load.sh: POSTs one scenario file over and over.
--   BODY_FILE  the scenario (YAML)
--   FORM=1     send it form-encoded as scenario=… (the playground's htmx form), else as application/yaml
-- At the end prints one machine-readable line: "RESULT requests=… rps=… p50_ms=… p99_ms=… …".

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local file = assert(io.open(assert(os.getenv("BODY_FILE"), "set BODY_FILE"), "rb"))
local text = file:read("*a")
file:close()

wrk.method = "POST"
if os.getenv("FORM") == "1" then
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.body = "scenario=" .. urlencode(text)
else
  wrk.headers["Content-Type"] = "application/yaml"
  wrk.body = text
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
