#!/usr/bin/env bash
# Live cost per channel: N channels paced in real time from the same file, by Headwater's headend (one JVM running
# headwater.bench.LiveCostMain) and by N `ffmpeg -re -stream_loop -1 -i in.ts -c copy -f hls` processes.
# After a warm-up, CPU time (utime+stime from /proc/<pid>/stat) is measured over a window, and memory at its end:
# RSS (and PSS, which counts shared pages once) summed over the processes.
# For the JVM, RSS per channel is given two ways: total RSS / N, and (RSS - RSS of the same main with 0 channels) / N.
# Usage: bench/live-cost.sh [all|ffmpeg|headend] [--no-build]
#   env: CHANNELS (default 50), WARMUP seconds (default 15), MEASURE seconds (default 60),
#        JAVA_OPTS for the headend JVM (default "-Xmx256m")
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-all}
channels=${CHANNELS:-50}
warmup=${WARMUP:-15}
measure=${MEASURE:-60}
java_opts=${JAVA_OPTS:--Xmx256m}
input=$PWD/target/bench-input.ts
work=$PWD/target/live-cost
hz=$(getconf CLK_TCK)

./make-input.sh "$input"

started=()
cleanup() {
  # Only the processes this script started, by pid.
  if ((${#started[@]})); then kill "${started[@]}" 2>/dev/null || true; wait "${started[@]}" 2>/dev/null || true; fi
  started=()
}
trap cleanup EXIT INT TERM

cpu_ticks() { # pids... -> utime+stime in clock ticks, summed (fields 14 and 15 of /proc/<pid>/stat)
  local total=0 pid fields
  for pid in "$@"; do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat") || { echo "process $pid died" >&2; exit 1; }
    total=$((total + $(awk '{ print $12 + $13 }' <<<"$fields")))
  done
  echo "$total"
}

memory_kb() { # pids... -> "rss_kb pss_kb", summed
  local rss=0 pss=0 pid
  for pid in "$@"; do
    rss=$((rss + $(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")))
    pss=$((pss + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")))
  done
  echo "$rss $pss"
}

# measure label pids...: waits out the warm-up, then prints and sets: cpu_pct (of one core, all pids), rss_kb, pss_kb
measure() {
  local label=$1; shift
  sleep "$warmup"
  local t0 t1 w0 w1 s0 s1
  s0=$(awk '/^cpu / { print $9 }' /proc/stat)
  t0=$(cpu_ticks "$@"); w0=$(date +%s.%N)
  sleep "$measure"
  t1=$(cpu_ticks "$@"); w1=$(date +%s.%N)
  s1=$(awk '/^cpu / { print $9 }' /proc/stat)
  # Steal: time the hypervisor gave this VM's CPUs to others (shared VMs). Above a few %, the window measured the
  # host as much as the program: compare runs with little steal only.
  steal_pct=$(awk -v d=$((s1 - s0)) -v hz="$hz" -v a="$w0" -v b="$w1" -v c="$(nproc)" \
    'BEGIN { printf "%.1f", 100 * d / hz / (b - a) / c }')
  read -r rss_kb pss_kb < <(memory_kb "$@")
  cpu_pct=$(awk -v d=$((t1 - t0)) -v hz="$hz" -v a="$w0" -v b="$w1" 'BEGIN { printf "%.2f", 100 * d / hz / (b - a) }')
  echo "$label: $cpu_pct % of a core in all over $(awk -v a="$w0" -v b="$w1" 'BEGIN { printf "%.1f", b - a }') s;" \
       "RSS $((rss_kb / 1024)) MiB, PSS $((pss_kb / 1024)) MiB in all; steal $steal_pct % of the machine meanwhile" >&2
}

per_channel() { awk -v x="$1" -v n="$channels" -v d="${2:-1}" 'BEGIN { printf "%.2f", x / n / d }'; }

run_ffmpeg() {
  command -v ffmpeg >/dev/null || { echo "ffmpeg is not on PATH" >&2; exit 1; }
  rm -rf "$work/ffmpeg"
  local pids=() i dir
  for i in $(seq 1 "$channels"); do
    dir="$work/ffmpeg/ch$i"; mkdir -p "$dir"
    ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$input" -c copy \
      -f hls -hls_time 4 -hls_list_size 6 -hls_flags delete_segments "$dir/x.m3u8" &
    pids+=($!); started+=($!)
  done
  measure "ffmpeg x $channels" "${pids[@]}"
  echo "ffmpeg -re -c copy -f hls, per channel: $(per_channel "$cpu_pct") % of a core," \
       "RSS $(per_channel "$rss_kb" 1024) MiB, PSS $(per_channel "$pss_kb" 1024) MiB"
  cleanup
}

run_headend() {
  if [ ! -f target/classes/headwater/bench/LiveCostMain.class ]; then
    echo "headend: LiveCostMain is not built (it needs headwater.headend.Headend); skipping the Java half" >&2
    return 0
  fi
  # shellcheck disable=SC1091
  . ../.mvn/find-jdk.sh && headwater_use_jdk
  local cp="target/classes:$(cat target/classpath.txt)"
  rm -rf "$work/headend"
  local base pid
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $java_opts -cp "$cp" headwater.bench.LiveCostMain \
    --channels 0 --input "$input" --data-dir "$work/headend/idle" > "$work/idle.log" 2>&1 &
  base=$!; started+=($base)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $java_opts -cp "$cp" headwater.bench.LiveCostMain \
    --channels "$channels" --input "$input" --data-dir "$work/headend/live" > "$work/live.log" 2>&1 &
  pid=$!; started+=($pid)
  measure "headend JVM, $channels channels" "$pid"
  local live_rss=$rss_kb live_pss=$pss_kb live_cpu=$cpu_pct
  read -r idle_rss idle_pss < <(memory_kb "$base")
  echo "headend JVM with 0 channels: RSS $((idle_rss / 1024)) MiB, PSS $((idle_pss / 1024)) MiB" >&2
  echo "headend ($java_opts), per channel: $(per_channel "$live_cpu") % of a core," \
       "RSS $(per_channel "$live_rss" 1024) MiB of total / $channels," \
       "$(per_channel $((live_rss - idle_rss)) 1024) MiB above an idle JVM (PSS $(per_channel "$live_pss" 1024) MiB)"
  tail -n 3 "$work/live.log" >&2
  cleanup
}

if [ "${2:-}" != "--no-build" ] && [ "$what" != ffmpeg ]; then
  (cd .. && ./mvnw -B -q -pl bench -am package -DskipTests)
fi
mkdir -p "$work"
echo "live cost: $channels channels of $input, warm-up $warmup s, measured $measure s, $(nproc) cores" >&2
case "$what" in
  ffmpeg) run_ffmpeg ;;
  headend) run_headend ;;
  all) run_ffmpeg; run_headend ;;
  *) echo "usage: $0 [all|ffmpeg|headend] [--no-build]" >&2; exit 2 ;;
esac
