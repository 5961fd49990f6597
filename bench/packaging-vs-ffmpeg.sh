#!/usr/bin/env bash
# Packaging throughput of one core: Headwater's TsDemuxer -> HlsSegmenter (JMH, PackagingBenchmark) against
# `ffmpeg -c copy -f hls` on the same 60 s, 5 Mbps 720p H.264/AAC MPEG-TS. Both are pinned to one core (taskset) and
# both are reported per CPU second (user+sys), so a busy shared machine does not flatter or punish either side.
# Usage: bench/packaging-vs-ffmpeg.sh [--no-build]      env: CORE (default 1), RUNS (default 10), LOOPS (default 10)
set -euo pipefail
cd "$(dirname "$0")"
core=${CORE:-1}
runs=${RUNS:-10}
input=target/bench-input.ts

./make-input.sh "$input"
size=$(stat -c %s "$input")

if [ "${1:-}" != "--no-build" ]; then
  echo "building bench (../mvnw -pl bench -am package -DskipTests)" >&2
  (cd .. && ./mvnw -B -q -pl bench -am package -DskipTests)
fi
[ -s target/classpath.txt ] || { echo "target/classpath.txt is missing: build without --no-build" >&2; exit 1; }

# --- ffmpeg: remux to HLS; CPU time = user + sys of the process, from /usr/bin/time (10 ms ticks).
#  (a) the issue's method: one process per pass over the file, `runs` times, start-up (probing, init) included;
#  (b) steady state: one process making `loops` passes (-stream_loop), so start-up is amortised as JMH's warm-up is.
out=target/ffmpeg-hls
ffmpeg_cpu_seconds() { # $1: extra input options; prints user+sys of one run
  rm -rf "$out" && mkdir -p "$out"
  # shellcheck disable=SC2086
  taskset -c "$core" /usr/bin/time -f '%U %S' -o target/ffmpeg-time.txt \
    ffmpeg -hide_banner -loglevel error -nostdin -y $1 -i "$input" -c copy -f hls -hls_time 4 -hls_list_size 0 \
      "$out/x.m3u8"
  awk '{ print $1 + $2 }' target/ffmpeg-time.txt
}
loops=${LOOPS:-10}
whole_cpu=0
for i in $(seq 1 "$runs"); do
  c=$(ffmpeg_cpu_seconds "")
  echo "ffmpeg, whole process, run $i: ${c}s user+sys" >&2
  whole_cpu=$(awk -v t="$whole_cpu" -v c="$c" 'BEGIN { print t + c }')
done
ffmpeg_rate=$(awk -v s="$size" -v n="$runs" -v t="$whole_cpu" 'BEGIN { printf "%.0f", s * n / 1e6 / t }')
steady_cpu=0
for i in 1 2 3; do
  c=$(ffmpeg_cpu_seconds "-stream_loop $((loops - 1))")
  echo "ffmpeg, $loops passes in one process, run $i: ${c}s user+sys" >&2
  steady_cpu=$(awk -v t="$steady_cpu" -v c="$c" 'BEGIN { print t + c }')
done
ffmpeg_steady=$(awk -v s="$size" -v n=$((3 * loops)) -v t="$steady_cpu" 'BEGIN { printf "%.0f", s * n / 1e6 / t }')
rm -rf "$out"

# --- Headwater: JMH in a forked JVM that inherits the one-core affinity.
# shellcheck disable=SC1091
. ../.mvn/find-jdk.sh && headwater_use_jdk
taskset -c "$core" "$JAVA_HOME/bin/java" -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main \
  PackagingBenchmark -rf json -rff target/jmh-packaging.json >&2 \
  || { echo "JMH run failed (see above)" >&2; exit 1; }

rate() { # $1: sink param, $2: wall|cpu -> MB/s
  jq -r --arg sink "$1" --arg what "$2" '.[] | select(.params.sink == $sink) | .secondaryMetrics
    | if $what == "wall" then .bytes.score / 1e6 else .cpuBytes.score / 1e6 / (.cpuNanos.score / 1e9) end
    | floor' target/jmh-packaging.json
}
ours_cpu=$(rate discard cpu); ours_wall=$(rate discard wall)
copy_cpu=$(rate copy cpu); copy_wall=$(rate copy wall)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo
echo "input: $input, $size bytes (1 MB = 10^6 bytes), one core (taskset -c $core)"
echo "ffmpeg -c copy -f hls:   $ffmpeg_rate MB/s of CPU time, one process per pass ($runs runs, ${whole_cpu}s in all)"
echo "                         $ffmpeg_steady MB/s of CPU time, $loops passes per process (start-up amortised)"
echo "Headwater packager:      $ours_cpu MB/s of CPU time ($ours_wall MB/s wall clock), sink discards"
echo "                         $copy_cpu MB/s of CPU time ($copy_wall MB/s wall clock), sink copies every byte"
echo "ratio Headwater/ffmpeg:  $(ratio "$ours_cpu" "$ffmpeg_rate")x ($(ratio "$copy_cpu" "$ffmpeg_rate")x copying)" \
     "against one process per pass (the issue's method; goal >= 2x)"
echo "                         $(ratio "$ours_cpu" "$ffmpeg_steady")x ($(ratio "$copy_cpu" "$ffmpeg_steady")x copying)" \
     "against ffmpeg's steady state"
