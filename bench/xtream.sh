#!/usr/bin/env bash
# The Xtream Codes API under load (issue 5, "Benchmark"): a server whose catalogue holds CHANNELS channels (no
# sources: the headend runs none, every listing shows them all) in 20 categories, one package, one subscriber, and a
# guide of a programme every 30 minutes per channel from 12 h before now to 12 h after (XtreamFixtureMain). The server
# (`headwater serve`) is pinned to SERVER_CORE, wrk to WRK_CORE; per test a WARMUP s run, then a MEASURE s
# `wrk --latency` run whose figures are reported:
#   account          player_api.php without action (user and server info), CONNS_SMALL connections
#   live_streams     player_api.php?action=get_live_streams: every channel, CONNS_LARGE connections
#   m3u              get.php?type=m3u_plus&output=ts: the whole playlist, CONNS_LARGE connections
#   short_epg        player_api.php?action=get_short_epg&stream_id=<random channel>, CONNS_SMALL connections
# Every request logs in with username and password (the login cache, xtream.loginCacheTtl, answers after the first).
# wrk's timeout is 10 s (a whole playlist of 10,000 channels under load takes seconds). A run is invalid when any
# response had a status above 399, any socket error or timeout happened, or the bytes per response
# are fewer than the smallest body seen by curl before the run.
#
# Usage: bench/xtream.sh [--no-build]
#   env: CHANNELS (10000), SERVER_CORE (0), WRK_CORE (1), WARMUP (5), MEASURE (20), CONNS_SMALL (16),
#        CONNS_LARGE (4), HW_PORT (28473), HEADWATER_JAVA_OPTS (extra JVM flags for the server)
set -euo pipefail
cd "$(dirname "$0")"
CHANNELS=${CHANNELS:-10000}
SERVER_CORE=${SERVER_CORE:-0}
WRK_CORE=${WRK_CORE:-1}
WARMUP=${WARMUP:-5}
MEASURE=${MEASURE:-20}
CONNS_SMALL=${CONNS_SMALL:-16}
CONNS_LARGE=${CONNS_LARGE:-4}
HW_PORT=${HW_PORT:-28473}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
for tool in wrk curl jq taskset; do
  command -v "$tool" >/dev/null || { echo "$tool is not on PATH" >&2; exit 1; }
done

hw_root=$(cd .. && pwd)
work=$PWD/target/xtream
hw_work=$work/headwater
hw_port=$HW_PORT
hw_core=$SERVER_CORE
# shellcheck source=bench/headwater-fixture.sh
. ./headwater-fixture.sh
trap hw_stop EXIT INT TERM

if [ "${1:-}" != "--no-build" ]; then
  (cd .. && ./mvnw -B -q -pl app,bench -am package -DskipTests)
fi

rm -rf "$work"; mkdir -p "$hw_work"
password=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat > "$hw_work/headwater.yml" <<YAML
server:
  host: 127.0.0.1
  port: $hw_port
dataDir: $hw_work/data
metrics:
  enabled: true
  jvm: true
YAML
echo "xtream: seeding $CHANNELS channels and their guide into $hw_work/data" >&2
"$JAVA" -Xmx1g -cp "target/classes:$(cat target/classpath.txt)" headwater.bench.XtreamFixtureMain \
  "$hw_work/data" "$CHANNELS" "$password" 2>&1 | grep -v -e '^SLF4J' -e '^WARNING' -e ' INFO ' >&2
hw_start WARN
echo "xtream: server pid $hw_pid on core $SERVER_CORE, $hw_url; wrk on core $WRK_CORE" >&2

api="$hw_url/player_api.php?username=bench&password=$password"
results=$work/results.tsv
: > "$results"

# body_bytes URL: the size of one response (also checks 200 and, first, allocates the protocol's numbers).
body_bytes() {
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' "$1")
  [ "$status" = 200 ] || { echo "expected 200 from ${1//$password/***}, got $status" >&2; rm -f "$out"; return 1; }
  stat -c %s "$out"; rm -f "$out"
}

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# measure TEST CONNECTIONS URL MIN_BODY [SCRIPT ARGS...]: warm-up, measured run, one line in $results.
measure() {
  local test=$1 conns=$2 url=$3 body=$4 script=${5:-wrk/report.lua}
  shift 4; [ $# -gt 0 ] && shift
  taskset -c "$WRK_CORE" wrk -t1 -c"$conns" -d"${WARMUP}s" --timeout 10s -s "$script" "$url" ${1:+--} "$@" > /dev/null
  local t0 t1 w0 w1 out line
  t0=$(cpu_ticks "$hw_pid"); w0=$(date +%s.%N)
  out=$(taskset -c "$WRK_CORE" wrk -t1 -c"$conns" -d"${MEASURE}s" --timeout 10s --latency -s "$script" "$url" ${1:+--} "$@" 2>&1)
  t1=$(cpu_ticks "$hw_pid"); w1=$(date +%s.%N)
  printf '%s\n' "$out" > "$work/wrk-$test.txt"
  line=$(grep '^WRK-REPORT' <<<"$out") || { echo "no report from wrk: $out" >&2; return 1; }
  local -A r
  local kv
  for kv in ${line#WRK-REPORT }; do r[${kv%%=*}]=${kv#*=}; done
  local socket=$((r[connect_errors] + r[read_errors] + r[write_errors] + r[timeouts])) valid=yes why=
  ((r[status_errors] == 0)) || { valid=no; why+=" ${r[status_errors]} responses >= 400;"; }
  ((r[requests] > 0 && r[bytes] >= r[requests] * body)) || { valid=no; why+=" fewer bytes than ${r[requests]} bodies;"; }
  ((socket == 0)) || { valid=no; why+=" $socket socket errors;"; }
  local cpu
  cpu=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v a="$w0" -v b="$w1" 'BEGIN { printf "%.0f", 100 * d / hz / (b - a) }')
  awk -v t="$test" -v c="$conns" -v n="${r[requests]}" -v b="${r[bytes]}" -v d="${r[duration_us]}" \
      -v body="$body" -v p50="${r[p50_us]}" -v p99="${r[p99_us]}" -v mx="${r[max_us]}" -v cpu="$cpu" \
      -v v="$valid" -v w="$why" 'BEGIN {
        printf "%s\t%d\t%d\t%d\t%.1f\t%.1f\t%.2f\t%.2f\t%.1f\t%s\t%s%s\n", t, c, body, n, n / (d / 1e6),
               b / (d / 1e6) / 1e6, p50 / 1000, p99 / 1000, mx / 1000, cpu, v, (w == "" ? "" : " (" w " )") }' >> "$results"
  echo "  $test: $(tail -n 1 "$results" | cut -f5) req/s, p99 $(tail -n 1 "$results" | cut -f8) ms, valid: $valid$why" >&2
}

# First calls: allocate the numbers of every channel and category, and warm the login cache.
account_bytes=$(body_bytes "$api")
live_bytes=$(body_bytes "$api&action=get_live_streams")
m3u_bytes=$(body_bytes "$hw_url/get.php?username=bench&password=$password&type=m3u_plus&output=ts")
curl -fsS "$api&action=get_live_streams" | jq -r '.[].stream_id' > "$work/stream-ids.txt"
listed=$(wc -l < "$work/stream-ids.txt")
[ "$listed" = "$CHANNELS" ] || { echo "get_live_streams listed $listed channels, not $CHANNELS" >&2; exit 1; }
first_id=$(head -n 1 "$work/stream-ids.txt")
epg_bytes=$(body_bytes "$api&action=get_short_epg&stream_id=$first_id")
programmes=$(curl -fsS "$api&action=get_short_epg&stream_id=$first_id" | jq '.epg_listings | length')
[ "$programmes" -ge 1 ] || { echo "get_short_epg of stream $first_id has no programmes" >&2; exit 1; }
echo "xtream: account $account_bytes B, get_live_streams $live_bytes B ($listed channels)," \
  "get.php $m3u_bytes B, get_short_epg $epg_bytes B ($programmes programmes)" >&2

measure account "$CONNS_SMALL" "$api" "$account_bytes"
measure live_streams "$CONNS_LARGE" "$api&action=get_live_streams" "$live_bytes"
measure m3u "$CONNS_LARGE" "$hw_url/get.php?username=bench&password=$password&type=m3u_plus&output=ts" "$m3u_bytes"
# A short EPG body is about the same size for every channel (4 programmes); take 90 % of the first as the floor.
measure short_epg "$CONNS_SMALL" "$api" $((epg_bytes * 9 / 10)) wrk/short-epg.lua "$work/stream-ids.txt" \
  "/player_api.php?username=bench&password=$password&action=get_short_epg&stream_id="

echo "xtream: server CPU $(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' \
  "/proc/$hw_pid/stat") s since start, max RSS $(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$hw_pid/status") MiB," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
hw_stop
{ printf 'test\tconns\tbody B\trequests\treq/s\tMB/s\tp50 ms\tp99 ms\tmax ms\tserver CPU %%\tvalid\n'; cat "$results"; } \
  | column -t -s $'\t'
if grep -q $'\tno' "$results"; then echo "INVALID: at least one run had errors (see 'valid')"; exit 1; fi
