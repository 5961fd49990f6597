#!/usr/bin/env bash
# Delivery against nginx (issue 4, "Speed"): the same 2.6 MB segment and the same ~1 KB media playlist, served by
# Headwater (`serve`, every request through its token and session check) and by Debian's nginx (one worker,
# secure_link + secure_link_md5), each pinned to SERVER_CORE and run one after the other; wrk pinned to WRK_CORE.
# Per server: the segment at 16 connections, the media playlist at 64, and a refused request (a bad token -> 403)
# at 64; each a WARMUP s wrk run, then a MEASURE s `wrk --latency` run whose figures are reported.
# A run is invalid when any response of a 200-run had a status above 399 (wrk counts them), when any socket error
# happened, when the bytes per response are fewer than the body's, or when a refused run got anything but 403s.
# On a shared VM the hypervisor may take the CPUs away (steal time, /proc/stat): a measured run during which steal
# exceeded MAX_STEAL % of the machine is run again, up to MAX_TRIES times; the table shows each kept run's steal.
#
# Usage: bench/delivery-vs-nginx.sh [all|headwater|nginx] [--no-build]
#   nginx alone needs the files a previous headwater (or all) run copied to target/delivery-vs-nginx/docroot.
#   env: SERVER_CORE (0), WRK_CORE (1), WARMUP (5), MEASURE (15), SEGMENT_CONNECTIONS (16),
#        PLAYLIST_CONNECTIONS (64), REFUSED_CONNECTIONS (64), HW_PORT (28471), NGINX_PORT (28472),
#        ACCESS_LOG (0; 1 = Headwater logs at INFO, which includes its access log, and nginx writes an access log),
#        HEADWATER_JAVA_OPTS (extra JVM flags for the server, as for ./headwater), MAX_STEAL (5), MAX_TRIES (6)
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-all}
SERVER_CORE=${SERVER_CORE:-0}
WRK_CORE=${WRK_CORE:-1}
WARMUP=${WARMUP:-5}
MEASURE=${MEASURE:-15}
MAX_STEAL=${MAX_STEAL:-5}
MAX_TRIES=${MAX_TRIES:-6}
SEGMENT_CONNECTIONS=${SEGMENT_CONNECTIONS:-16}
PLAYLIST_CONNECTIONS=${PLAYLIST_CONNECTIONS:-64}
REFUSED_CONNECTIONS=${REFUSED_CONNECTIONS:-64}
HW_PORT=${HW_PORT:-28471}
NGINX_PORT=${NGINX_PORT:-28472}
ACCESS_LOG=${ACCESS_LOG:-0}
channel=bench
input=$PWD/target/bench-input.ts         # 5 Mbit/s: a 4 s segment is about 2.65 MB
work=$PWD/target/delivery-vs-nginx
docroot=$work/docroot
for tool in wrk nginx curl jq taskset openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is not on PATH" >&2; exit 1; }
done

hw_root=$(cd .. && pwd)
hw_work=$work/headwater
hw_port=$HW_PORT
hw_core=$SERVER_CORE
# shellcheck source=bench/headwater-fixture.sh
. ./headwater-fixture.sh

nginx_pid=
cleanup() {
  # Only the processes this script started, by pid.
  hw_stop
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=; fi
}
trap cleanup EXIT INT TERM

# expect_status URL STATUS: the URL answers STATUS (checked before every wrk run).
expect_status() {
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' "$1")
  [ "$got" = "$2" ] || { echo "expected $2 from $1, got $got" >&2; return 1; }
}

# The figures of each server's last run, kept apart so that `nginx` alone can follow an earlier `headwater` run.
results_of() { echo "$work/results-$1.tsv"; }

# measure SERVER TEST CONNECTIONS URL STATUS BODY_BYTES PID: a warm-up run, the measured run, one line in $results,
# with the CPU the server process PID and wrk used during the measured run (100 % = a whole core: whichever is at 100 %
# is the limit; a server below 100 % while wrk is at 100 % was not measured to its end).
measure() {
  local server=$1 test=$2 conns=$3 url=$4 status=$5 body=$6 pid=$7 out line results t0 t1 w0 w1 cpu
  results=$(results_of "$server")
  expect_status "$url" "$status"
  taskset -c "$WRK_CORE" wrk -t1 -c"$conns" -d"${WARMUP}s" "$url" > /dev/null
  local s0 s1 try steal_pct
  for ((try = 1; ; try++)); do
    s0=$(steal_ticks)
    t0=$(cpu_ticks "$pid"); w0=$(date +%s.%N)
    out=$(/usr/bin/time -f 'WRK-CPU %U %S' taskset -c "$WRK_CORE" wrk -t1 -c"$conns" -d"${MEASURE}s" --latency \
      -s wrk/report.lua "$url" 2>&1)
    t1=$(cpu_ticks "$pid"); w1=$(date +%s.%N)
    s1=$(steal_ticks)
    # The hypervisor took this VM's CPUs for a while: the run measured the host, not the server. Again, a few times.
    steal_pct=$(awk -v st=$((s1 - s0)) -v hz="$(getconf CLK_TCK)" -v a="$w0" -v b="$w1" -v c="$(nproc)" \
      'BEGIN { printf "%.0f", 100 * st / hz / (b - a) / c }')
    if ((steal_pct <= MAX_STEAL || try >= MAX_TRIES)); then break; fi
    echo "  $server $test: steal $steal_pct % > MAX_STEAL $MAX_STEAL % during the run; measuring again ($try of $MAX_TRIES)" >&2
    sleep 5
  done
  cpu=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v a="$w0" -v b="$w1" 'BEGIN { printf "%.0f", 100 * d / hz / (b - a) }')
  local wrk_cpu
  wrk_cpu=$(awk -v a="$w0" -v b="$w1" '/^WRK-CPU / { printf "%.0f", 100 * ($2 + $3) / (b - a) }' <<<"$out")
  printf '%s\n' "$out" > "$work/wrk-$server-$test.txt"
  line=$(grep '^WRK-REPORT' <<<"$out") || { echo "no report from wrk: $out" >&2; return 1; }
  local -A r
  local kv
  for kv in ${line#WRK-REPORT }; do r[${kv%%=*}]=${kv#*=}; done
  local socket=$((r[connect_errors] + r[read_errors] + r[write_errors] + r[timeouts])) valid=yes why=
  if [ "$status" = 200 ]; then
    ((r[status_errors] == 0)) || { valid=no; why+=" ${r[status_errors]} responses >= 400;"; }
    ((r[requests] > 0 && r[bytes] >= r[requests] * body)) || { valid=no; why+=" fewer bytes than ${r[requests]} bodies;"; }
  else
    ((r[status_errors] == r[requests])) || { valid=no; why+=" $((r[requests] - r[status_errors])) responses below 400;"; }
  fi
  ((socket == 0)) || { valid=no; why+=" $socket socket errors;"; }
  awk -v s="$server" -v t="$test" -v c="$conns" -v n="${r[requests]}" -v b="${r[bytes]}" -v d="${r[duration_us]}" \
      -v p50="${r[p50_us]}" -v p99="${r[p99_us]}" -v mx="${r[max_us]}" -v e="${r[status_errors]}" -v so="$socket" \
      -v v="$valid" -v w="$why" -v cpu="$cpu" -v wcpu="$wrk_cpu" -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" \
      -v st=$((s1 - s0)) -v cores="$(nproc)" -v a="$w0" -v z="$w1" 'BEGIN {
        printf "%s\t%s\t%d\t%d\t%.0f\t%.3f\t%.3f\t%.3f\t%.1f\t%s\t%s\t%.1f\t%.0f\t%d\t%d\t%s%s\n", s, t, c, n, n / (d / 1e6),
               b / (d / 1e6) / 1e9, p50 / 1000, p99 / 1000, mx / 1000, cpu, wcpu, (n ? ticks / hz * 1e6 / n : 0),
               100 * st / hz / (z - a) / cores, e, so, v, (w == "" ? "" : " (" w " )") }' >> "$results"
  echo "  $server $test: $(tail -n 1 "$results" | cut -f5) req/s, valid: $valid$why" >&2
}

run_headwater() {
  [ -s "$input" ] || ./make-input.sh "$input"
  rm -rf "$hw_work"
  # 12 segments listed (a media playlist of about 1 KB); 300 more kept on disk (20 minutes), so the segment measured
  # stays servable for the whole run after it leaves the playlist.
  : > "$(results_of headwater)"
  hw_write_config "$channel" "$input" 12 300
  hw_make_key
  local level=WARN
  [ "$ACCESS_LOG" = 1 ] && level=INFO
  hw_start "$level"
  echo "headwater: pid $hw_pid on core $SERVER_CORE, $hw_url; $(java_version)" >&2
  hw_fixture 1 10
  local token
  token=$(hw_open_session bench-1 "$channel" bench-wrk)
  # A full window (12 segments, 48 s after the start): the playlist then has the size it keeps, about 1 KB.
  hw_wait_segments "$token" "$channel" 12
  local base="$hw_url/s/$token/live/$channel"
  # The second segment listed: complete, cut on a keyframe at both ends, never the channel's first (partial) one.
  local seq
  seq=$(curl -fsS "$base/media.m3u8" | grep '\.ts$' | sed -n 2p)
  seq=${seq%.ts}
  rm -rf "$docroot"; mkdir -p "$docroot/live/$channel"
  cp "$hw_work/data/channels/$channel/live/$seq.ts" "$docroot/live/$channel/$seq.ts"
  curl -fsS -o "$docroot/live/$channel/media.m3u8" "$base/media.m3u8"
  curl -fsS -o "$work/served.ts" "$base/$seq.ts"
  cmp -s "$work/served.ts" "$docroot/live/$channel/$seq.ts" || { echo "the served segment differs from the file" >&2; exit 1; }
  echo "$seq" > "$docroot/segment"
  local seg_bytes pl_bytes
  seg_bytes=$(stat -c %s "$docroot/live/$channel/$seq.ts"); pl_bytes=$(stat -c %s "$docroot/live/$channel/media.m3u8")
  echo "headwater: segment $seq.ts $seg_bytes bytes, media playlist $pl_bytes bytes" >&2
  # A refused request: the token with the first hex digit of its session id changed. No session has that id, so the
  # server does the whole parse and HMAC check (a bad signature) before it says no: the dearest refusal. (A wrong
  # MAC on a session the server holds is refused sooner, by a constant-time compare with the session's token.)
  local bad
  bad=$([ "${token:0:1}" = 0 ] && echo 1 || echo 0)${token:1}
  measure headwater segment "$SEGMENT_CONNECTIONS" "$base/$seq.ts" 200 "$seg_bytes" "$hw_pid"
  measure headwater playlist "$PLAYLIST_CONNECTIONS" "$base/media.m3u8" 200 "$pl_bytes" "$hw_pid"
  measure headwater refused "$REFUSED_CONNECTIONS" "$hw_url/s/$bad/live/$channel/$seq.ts" 403 0 "$hw_pid"
  echo "headwater: CPU $(cpu_seconds "$hw_pid") s since start, max RSS $(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$hw_pid/status") MiB" >&2
  hw_stop
}

java_version() { (. ../.mvn/find-jdk.sh && headwater_use_jdk && java -version 2>&1 | head -n 1); }
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# Steal ticks of all CPUs (field 9 of /proc/stat's cpu line): time the hypervisor gave this VM's CPUs to others.
steal_ticks() { awk '/^cpu / { print $9 }' /proc/stat; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$1/stat"; }

# nginx's secure_link_md5 token: base64url(md5("EXPIRES|SCOPE SECRET")) without padding, in the path as MD5-EXPIRES,
# scoped to live/CHANNEL like Headwater's (relative segment URIs work the same way).
nginx_token() {
  local expires=$1 scope=$2
  printf '%s' "$expires|$scope bench-secret" | openssl md5 -binary | openssl base64 | tr '+/' '-_' | tr -d '='
}

run_nginx() {
  [ -s "$docroot/segment" ] || { echo "no segment copied from Headwater yet: run '$0 headwater' (or all) first" >&2; exit 1; }
  local seq seg_bytes pl_bytes prefix=$work/nginx user_line=
  seq=$(cat "$docroot/segment")
  seg_bytes=$(stat -c %s "$docroot/live/$channel/$seq.ts"); pl_bytes=$(stat -c %s "$docroot/live/$channel/media.m3u8")
  : > "$(results_of nginx)"
  rm -rf "$prefix"; mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/tmp"
  [ "$(id -u)" = 0 ] && user_line="user root root;"
  local access="access_log off;"
  [ "$ACCESS_LOG" = 1 ] && access="access_log $prefix/logs/access.log combined buffer=64k flush=1s;"
  cat > "$prefix/conf/nginx.conf" <<EOF
$user_line
worker_processes 1;
pid $prefix/logs/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 4096; }
http {
  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  open_file_cache max=1000 inactive=60s;
  $access
  client_body_temp_path $prefix/tmp/body;
  proxy_temp_path $prefix/tmp/proxy;
  fastcgi_temp_path $prefix/tmp/fastcgi;
  uwsgi_temp_path $prefix/tmp/uwsgi;
  scgi_temp_path $prefix/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { return 403; }
    location ~ "^/s/(?<sl_md5>[A-Za-z0-9_-]{22})-(?<sl_exp>[0-9]{1,12})/(?<sl_scope>live/[a-z0-9][a-z0-9-]{0,62})/(?<sl_file>[0-9]{1,19}\.ts|media\.m3u8)\$" {
      secure_link \$sl_md5,\$sl_exp;
      secure_link_md5 "\$sl_exp|\$sl_scope bench-secret";
      if (\$secure_link = "") { return 403; }
      if (\$secure_link = "0") { return 403; }
      alias $docroot/\$sl_scope/\$sl_file;
    }
  }
}
EOF
  if port_taken "$NGINX_PORT"; then echo "port $NGINX_PORT is taken (set NGINX_PORT)" >&2; exit 1; fi
  taskset -c "$SERVER_CORE" nginx -p "$prefix" -c conf/nginx.conf -g 'daemon off;' &
  nginx_pid=$!
  local i
  for i in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break
    kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx exited" >&2; nginx_pid=; exit 1; }
    sleep 0.1
  done
  echo "nginx: pid $nginx_pid on core $SERVER_CORE, $(nginx -v 2>&1)" >&2
  local expires token base bad
  expires=$(($(date +%s) + 86400))
  token=$(nginx_token "$expires" "live/$channel")
  base="http://127.0.0.1:$NGINX_PORT/s/$token-$expires/live/$channel"
  curl -fsS "$base/media.m3u8" | cmp -s - "$docroot/live/$channel/media.m3u8" || { echo "nginx serves another playlist" >&2; exit 1; }
  bad=$(nginx_token "$expires" "live/other")
  local worker
  worker=$(pgrep -P "$nginx_pid" | head -n 1)
  echo "nginx: worker pid $worker" >&2
  measure nginx segment "$SEGMENT_CONNECTIONS" "$base/$seq.ts" 200 "$seg_bytes" "$worker"
  measure nginx playlist "$PLAYLIST_CONNECTIONS" "$base/media.m3u8" 200 "$pl_bytes" "$worker"
  measure nginx refused "$REFUSED_CONNECTIONS" "http://127.0.0.1:$NGINX_PORT/s/$bad-$expires/live/$channel/$seq.ts" 403 0 "$worker"
  kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=
}

summary() {
  local seq results=$work/results.tsv
  seq=$(cat "$docroot/segment" 2>/dev/null || echo '?')
  cat "$(results_of headwater)" "$(results_of nginx)" 2>/dev/null > "$results" || true
  echo
  echo "=== delivery vs nginx, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "segment $seq.ts: $(stat -c %s "$docroot/live/$channel/$seq.ts" 2>/dev/null) bytes; media playlist:" \
       "$(stat -c %s "$docroot/live/$channel/media.m3u8" 2>/dev/null) bytes; servers on core $SERVER_CORE, wrk -t1 on core" \
       "$WRK_CORE; ${WARMUP} s warm-up + ${MEASURE} s measured; access logs $([ "$ACCESS_LOG" = 1 ] && echo on || echo off)"
  { printf 'server\ttest\tconns\trequests\treq/s\tGB/s\tp50 ms\tp99 ms\tmax ms\tserver CPU %%\twrk CPU %%\tserver us/req\tsteal %%\t>=400\tsocket errors\tvalid\n'; cat "$results"; } \
    | column -t -s $'\t'
  awk -F'\t' '{ rate[$1 "/" $2] = $5; cost[$1 "/" $2] = $12 } END {
      n = split("segment playlist refused", t, " ")
      for (i = 1; i <= n; i++) if (rate["headwater/" t[i]] && rate["nginx/" t[i]])
        printf "headwater / nginx, %s: %.2f (server CPU per request: nginx / headwater %.2f)\n", t[i],
               rate["headwater/" t[i]] / rate["nginx/" t[i]],
               (cost["headwater/" t[i]] ? cost["nginx/" t[i]] / cost["headwater/" t[i]] : 0) }' "$results"
  if grep -q $'\tno' "$results"; then echo "INVALID: at least one run had errors (see 'valid')"; return 1; fi
}

if [ "${2:-}" != "--no-build" ] && [ "$what" != nginx ]; then
  (cd .. && ./mvnw -B -q -pl app -am package -DskipTests)
fi
mkdir -p "$work"
case "$what" in
  headwater) run_headwater ;;
  nginx) run_nginx ;;
  all) run_headwater; run_nginx ;;
  *) echo "usage: $0 [all|headwater|nginx] [--no-build]" >&2; exit 2 ;;
esac
summary
