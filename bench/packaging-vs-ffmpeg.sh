#!/usr/bin/env bash
# Packaging throughput of one core: Headwater's TsDemuxer -> HlsSegmenter (JMH, PackagingBenchmark) against
# `ffmpeg -c copy -f hls` on the same 60 s, 5 Mbps 720p H.264/AAC MPEG-TS. Both are pinned to one core (taskset) and
# both are reported per CPU second (user+sys), so a busy shared machine does not flatter or punish either side.
# Usage: bench/packaging-vs-ffmpeg.sh [--no-build]      env: CORE (default 1), RUNS (ffmpeg runs, default 10)
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

# --- ffmpeg: remux to HLS, `runs` times; CPU time = user + sys of the process, from /usr/bin/time.
out=target/ffmpeg-hls
ffmpeg_rates=()
ffmpeg_cpu=0
for i in $(seq 1 "$runs"); do
  rm -rf "$out" && mkdir -p "$out"
  taskset -c "$core" /usr/bin/time -f '%U %S' -o target/ffmpeg-time.txt \
    ffmpeg -hide_banner -loglevel error -nostdin -y -i "$input" -c copy -f hls -hls_time 4 -hls_list_size 0 \
      "$out/x.m3u8"
  read -r user sys < target/ffmpeg-time.txt
  rate=$(awk -v s="$size" -v u="$user" -v y="$sys" 'BEGIN { printf "%.0f", s / 1e6 / (u + y) }')
  echo "ffmpeg run $i: user ${user}s sys ${sys}s -> $rate MB/s of CPU time" >&2
  ffmpeg_rates+=("$rate")
  ffmpeg_cpu=$(awk -v t="$ffmpeg_cpu" -v u="$user" -v y="$sys" 'BEGIN { print t + u + y }')
done
# /usr/bin/time counts in 10 ms ticks and one run takes about 0.1 s: the total over all runs is the figure.
ffmpeg_rate=$(awk -v s="$size" -v n="$runs" -v t="$ffmpeg_cpu" 'BEGIN { printf "%.0f", s * n / 1e6 / t }')

# --- Headwater: JMH in a forked JVM that inherits the one-core affinity.
# shellcheck disable=SC1091
. ../.mvn/find-jdk.sh && headwater_use_jdk
taskset -c "$core" "$JAVA_HOME/bin/java" -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main \
  PackagingBenchmark -Dheadwater.bench.input="$input" -rf json -rff target/jmh-packaging.json >&2 \
  || { echo "JMH run failed (see above)" >&2; exit 1; }

read -r wall cpu_bytes cpu_nanos < <(jq -r '.[0] | [.secondaryMetrics.bytes.score,
    .secondaryMetrics.cpuBytes.score, .secondaryMetrics.cpuNanos.score] | @tsv' target/jmh-packaging.json)
ours_wall=$(awk -v b="$wall" 'BEGIN { printf "%.0f", b / 1e6 }')
ours_cpu=$(awk -v b="$cpu_bytes" -v n="$cpu_nanos" 'BEGIN { printf "%.0f", b / 1e6 / (n / 1e9) }')
ratio=$(awk -v a="$ours_cpu" -v b="$ffmpeg_rate" 'BEGIN { printf "%.2f", a / b }')

echo
echo "input: $input, $size bytes (1 MB = 10^6 bytes), one core (taskset -c $core)"
echo "ffmpeg -c copy -f hls:   $ffmpeg_rate MB/s of CPU time ($runs runs, ${ffmpeg_cpu}s user+sys in all; per run: ${ffmpeg_rates[*]})"
echo "Headwater packager:      $ours_cpu MB/s of CPU time ($ours_wall MB/s wall clock, JMH)"
echo "ratio Headwater/ffmpeg:  ${ratio}x (goal >= 2x)"
