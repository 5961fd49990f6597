#!/usr/bin/env bash
# Live cost per channel: N channels paced in real time from the same file, by Headwater's headend (one JVM running
# headwater.bench.LiveCostMain) and by N `ffmpeg -re -stream_loop -1 -i in.ts -c copy -f hls` processes.
# After a warm-up, CPU time (utime+stime from /proc/<pid>/stat) is measured over a window, and memory at its end:
# RSS (and PSS, which counts shared pages once) summed over the processes.
# For the JVM, RSS per channel is given two ways: total RSS / N, and (RSS - RSS of the same main with 0 channels) / N.
# Usage: bench/live-cost.sh [all|sequential|ffmpeg|headend] [--no-build]
#   all (the default): both peers run at once and are measured over the same window, so a machine whose speed drifts
#     (this VM's moved 2-4x between hours) shifts both figures alike and the ratio compares like with like;
#   sequential: ffmpeg first, then the headend, each alone on the machine (the protocol of the figures before 2026-11-22).
#   env: CHANNELS (default 50), WARMUP seconds (default 90: past the first loop of the 60 s input, whose first pass
#        through the loop-point code sends the JIT back to recompile), MEASURE seconds (default 120: two loop points
#        for both peers), JAVA_OPTS for the headend JVM (default: the flags ./headwater runs the server with, which
#        matter to CPU time (the serial collector has no concurrent GC threads and cheaper write barriers), and a
#        256 MiB heap)
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-all}
channels=${CHANNELS:-50}
warmup=${WARMUP:-90}
measure=${MEASURE:-120}
java_opts=${JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx256m}
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

# window: waits out the warm-up, then samples every group of processes at the same two moments MEASURE s apart.
# Groups are the arrays named in $@ (pids); for each name N it sets cpu_N (% of one core, the group's processes
# summed), rss_N and pss_N (kB, at the end of the window), and steal_pct for the machine.
window() {
  sleep "$warmup"
  local name s0 s1 w0 w1
  declare -A t0
  s0=$(awk '/^cpu / { print $9 }' /proc/stat)
  w0=$(date +%s.%N)
  for name in "$@"; do local -n g=$name; t0[$name]=$(cpu_ticks "${g[@]}"); done
  sleep "$measure"
  w1=$(date +%s.%N)
  s1=$(awk '/^cpu / { print $9 }' /proc/stat)
  # Steal: time the hypervisor gave this VM's CPUs to others (shared VMs). Above a few %, the window measured the
  # host as much as the program: compare runs with little steal only.
  steal_pct=$(awk -v d=$((s1 - s0)) -v hz="$hz" -v a="$w0" -v b="$w1" -v c="$(nproc)" \
    'BEGIN { printf "%.1f", 100 * d / hz / (b - a) / c }')
  window_s=$(awk -v a="$w0" -v b="$w1" 'BEGIN { printf "%.1f", b - a }')
  for name in "$@"; do
    local -n g=$name
    local t1 rss pss
    t1=$(cpu_ticks "${g[@]}")
    read -r rss pss < <(memory_kb "${g[@]}")
    printf -v "cpu_$name" '%s' "$(awk -v d=$((t1 - t0[$name])) -v hz="$hz" -v a="$w0" -v b="$w1" \
      'BEGIN { printf "%.2f", 100 * d / hz / (b - a) }')"
    printf -v "rss_$name" '%s' "$rss"
    printf -v "pss_$name" '%s' "$pss"
  done
}

per_channel() { awk -v x="$1" -v n="$channels" -v d="${2:-1}" 'BEGIN { printf "%.2f", x / n / d }'; }

ffmpeg_pids=()
start_ffmpeg() {
  command -v ffmpeg >/dev/null || { echo "ffmpeg is not on PATH" >&2; exit 1; }
  rm -rf "$work/ffmpeg"
  local i dir
  for i in $(seq 1 "$channels"); do
    dir="$work/ffmpeg/ch$i"; mkdir -p "$dir"
    ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$input" -c copy \
      -f hls -hls_time 4 -hls_list_size 6 -hls_flags delete_segments "$dir/x.m3u8" &
    ffmpeg_pids+=($!); started+=($!)
  done
}

report_ffmpeg() {
  echo "ffmpeg x $channels: $cpu_ffmpeg_pids % of a core in all over $window_s s;" \
       "RSS $((rss_ffmpeg_pids / 1024)) MiB, PSS $((pss_ffmpeg_pids / 1024)) MiB in all" >&2
  echo "ffmpeg -re -c copy -f hls, per channel: $(per_channel "$cpu_ffmpeg_pids") % of a core," \
       "RSS $(per_channel "$rss_ffmpeg_pids" 1024) MiB, PSS $(per_channel "$pss_ffmpeg_pids" 1024) MiB"
}

headend_pids=()
idle_pids=()
start_headend() {
  if [ ! -f target/classes/headwater/bench/LiveCostMain.class ]; then
    echo "headend: LiveCostMain is not built (it needs headwater.headend.Headend); skipping the Java half" >&2
    return 1
  fi
  # shellcheck disable=SC1091
  . ../.mvn/find-jdk.sh && headwater_use_jdk
  local cp="target/classes:$(cat target/classpath.txt)"
  rm -rf "$work/headend"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $java_opts -cp "$cp" headwater.bench.LiveCostMain \
    --channels 0 --input "$input" --data-dir "$work/headend/idle" > "$work/idle.log" 2>&1 &
  idle_pids=($!); started+=($!)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $java_opts -cp "$cp" headwater.bench.LiveCostMain \
    --channels "$channels" --input "$input" --data-dir "$work/headend/live" > "$work/live.log" 2>&1 &
  headend_pids=($!); started+=($!)
}

report_headend() {
  echo "headend JVM, $channels channels: $cpu_headend_pids % of a core in all over $window_s s;" \
       "RSS $((rss_headend_pids / 1024)) MiB, PSS $((pss_headend_pids / 1024)) MiB in all" >&2
  echo "headend JVM with 0 channels: $cpu_idle_pids % of a core; RSS $((rss_idle_pids / 1024)) MiB," \
       "PSS $((pss_idle_pids / 1024)) MiB" >&2
  echo "headend ($java_opts), per channel: $(per_channel "$cpu_headend_pids") % of a core," \
       "RSS $(per_channel "$rss_headend_pids" 1024) MiB of total / $channels," \
       "$(per_channel $((rss_headend_pids - rss_idle_pids)) 1024) MiB above an idle JVM" \
       "(PSS $(per_channel "$pss_headend_pids" 1024) MiB)"
  tail -n 3 "$work/live.log" >&2
}

report_ratio() {
  echo "headend / ffmpeg: CPU $(awk -v h="$cpu_headend_pids" -v f="$cpu_ffmpeg_pids" 'BEGIN { printf "%.3f", h / f }')," \
       "RSS $(awk -v h="$rss_headend_pids" -v f="$rss_ffmpeg_pids" 'BEGIN { printf "%.3f", h / f }')" \
       "(goal: at most 0.20 and 0.10)"
}

if [ "${2:-}" != "--no-build" ] && [ "$what" != ffmpeg ]; then
  (cd .. && ./mvnw -B -q -pl bench -am package -DskipTests)
fi
mkdir -p "$work"
echo "live cost ($what): $channels channels of $input, warm-up $warmup s, measured $measure s, $(nproc) cores" >&2
case "$what" in
  all)
    start_ffmpeg; start_headend
    window ffmpeg_pids headend_pids idle_pids
    echo "both measured over the same $window_s s; steal $steal_pct % of the machine meanwhile" >&2
    report_ffmpeg; report_headend; report_ratio ;;
  sequential)
    start_ffmpeg; window ffmpeg_pids
    echo "steal $steal_pct % of the machine meanwhile" >&2; report_ffmpeg; cleanup
    start_headend; window headend_pids idle_pids
    echo "steal $steal_pct % of the machine meanwhile" >&2; report_headend; report_ratio ;;
  ffmpeg)
    start_ffmpeg; window ffmpeg_pids
    echo "steal $steal_pct % of the machine meanwhile" >&2; report_ffmpeg ;;
  headend)
    start_headend; window headend_pids idle_pids
    echo "steal $steal_pct % of the machine meanwhile" >&2; report_headend ;;
  *) echo "usage: $0 [all|sequential|ffmpeg|headend] [--no-build]" >&2; exit 2 ;;
esac
