#!/usr/bin/env bash
# Viewer simulation (issue 4, "Speed"): Headwater serves one file:// channel; N viewers each get a playback session
# through the admin API (POST /api/v1/sessions; subscribers bench-1.. with up to P sessions each, made through the
# API first), then each fetches the media playlist and the next segment, read whole, every target duration, for D
# seconds (headwater.bench.viewers.ViewerSimulation). One summary block: requests, errors by kind, p50/p99/max time to
# first byte of playlists and segments, and the server's CPU (utime+stime from /proc/<pid>/stat over the run) and
# RSS (max of 1 s samples, and VmHWM). Exit status 1 when any request failed.
#
# Usage: bench/viewers.sh [-n VIEWERS] [-d SECONDS] [-p SESSIONS_PER_SUBSCRIBER] [-b VIDEO_BITRATE] [--no-build]
#   defaults: -n 10000 -d 600 -p 100 -b 500k (the channel's video bitrate, plus 128 kbit/s of audio: 10,000 viewers
#   read about 0.8 GB/s through loopback, which a client on one core can read; at 5M it would be 6.6 GB/s)
#   env: SERVER_CORE (0) and CLIENT_CORE (1), CPU lists for taskset ("" = not pinned), HW_PORT (28473),
#        HEADWATER_JAVA_OPTS (server JVM flags), CLIENT_JAVA_OPTS (default -Xmx2g), WINDOW (6) and EXTRA (4): the
#        server's hls.windowSegments and hls.extraSegmentsOnDisk
set -euo pipefail
cd "$(dirname "$0")"
viewers=10000 seconds=600 per_subscriber=100 bitrate=500k build=yes
while [ $# -gt 0 ]; do
  case "$1" in
    -n) viewers=$2; shift 2 ;;
    -d) seconds=$2; shift 2 ;;
    -p) per_subscriber=$2; shift 2 ;;
    -b) bitrate=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    *) echo "usage: $0 [-n VIEWERS] [-d SECONDS] [-p SESSIONS_PER_SUBSCRIBER] [-b VIDEO_BITRATE] [--no-build]" >&2; exit 2 ;;
  esac
done
SERVER_CORE=${SERVER_CORE-0}
CLIENT_CORE=${CLIENT_CORE-1}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:--Xmx2g}
channel=bench
input=$PWD/target/viewers-input-$bitrate.ts
for tool in curl jq taskset; do command -v "$tool" >/dev/null || { echo "$tool is not on PATH" >&2; exit 1; }; done

hw_root=$(cd .. && pwd)
hw_work=$PWD/target/viewers
hw_port=${HW_PORT:-28473}
hw_core=${SERVER_CORE:-0-$(($(nproc) - 1))}
# shellcheck source=bench/headwater-fixture.sh
. ./headwater-fixture.sh
trap hw_stop EXIT INT TERM

# 10,000 viewers need 10,000 sockets on each side (plus files): raise the soft limit to the hard one for both JVMs.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((viewers + 1000)) ]; then
  echo "open files limit $(ulimit -n) is too low for $viewers viewers (raise the hard limit: ulimit -Hn)" >&2; exit 1
fi

if [ "$build" = yes ]; then
  (cd .. && ./mvnw -B -q -pl app,bench -am package -DskipTests)
fi
VIDEO_BITRATE=$bitrate ./make-input.sh "$input"

rm -rf "$hw_work"
hw_write_config "$channel" "$input" "${WINDOW:-6}" "${EXTRA:-4}"
hw_make_key
hw_start WARN
subscribers=$(((viewers + per_subscriber - 1) / per_subscriber))
echo "viewers: server pid $hw_pid (core ${SERVER_CORE:-any}); making $subscribers subscribers of $per_subscriber sessions" >&2
hw_fixture "$subscribers" "$per_subscriber"
# Wait until the channel lists two segments, through the session of viewer 0's device: when the simulation opens
# viewer 0's session, the device re-opens the channel and reuses its slot (no subscriber goes over its limit).
token=$(hw_open_session bench-1 "$channel" viewer-0)
hw_wait_segments "$token" "$channel" 2

cp="target/classes:$(cat target/classpath.txt)"
java=$(. ../.mvn/find-jdk.sh && headwater_use_jdk && echo "$JAVA_HOME/bin/java")
pin=()
[ -n "$CLIENT_CORE" ] && pin=(taskset -c "$CLIENT_CORE")
status=0
# shellcheck disable=SC2086 # CLIENT_JAVA_OPTS is a list of flags
HW_ADMIN_KEY=$hw_key "${pin[@]}" "$java" $CLIENT_JAVA_OPTS -cp "$cp" headwater.bench.viewers.ViewerSimulation \
  --server "$hw_url" --channel "$channel" --viewers "$viewers" --per-subscriber "$per_subscriber" \
  --seconds "$seconds" --server-pid "$hw_pid" --session-body "$(hw_session_body %s %s %s)" \
  2> >(grep -v '^SLF4J' >&2) || status=$?
echo "input $(basename "$input"): $(stat -c %s "$input") bytes for 60 s; server log: $hw_work/headwater.log" \
     "($(grep -c -E ' (WARN|ERROR) ' "$hw_work/headwater.log" || true) warnings and errors)"
exit "$status"
