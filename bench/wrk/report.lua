-- wrk script of delivery-vs-nginx.sh: prints one machine-readable line when the run is done.
-- Deliberately no response() callback: with one, wrk copies every response body into Lua (2.6 MB per segment),
-- and wrk, not the server, would be measured. Status codes are counted by wrk itself: summary.errors.status is the
-- number of responses with a status above 399; the script checks with curl before each run that the URL answers the
-- expected status (200 or 403), and checks bytes per response, which catches any small non-2xx body.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK-REPORT requests=%d bytes=%d duration_us=%d status_errors=%d connect_errors=%d read_errors=%d"
      .. " write_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    summary.requests, summary.bytes, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
