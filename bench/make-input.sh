#!/usr/bin/env bash
# Renders the benchmarks' input once: 60 s of a 5 Mbps 720p25 H.264 + AAC MPEG-TS (a moving test pattern and a tone),
# into bench/target/bench-input.ts. Both benchmarks and both peers (ours and ffmpeg) read this same file.
# Usage: bench/make-input.sh [output]    (does nothing when the output already exists)
#   env VIDEO_BITRATE (default 5M): another video bitrate, for another output (viewers.sh uses 1M by default)
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-target/bench-input.ts}
rate=${VIDEO_BITRATE:-5M}
if [ -s "$out" ]; then exit 0; fi
command -v ffmpeg >/dev/null || { echo "make-input: ffmpeg is not on PATH (apt-get install ffmpeg)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
echo "make-input: rendering $out (60 s, 720p25, $rate H.264 + AAC; takes a minute on 2 cores)" >&2
ffmpeg -hide_banner -loglevel error -nostdin -y \
  -f lavfi -i testsrc2=size=1280x720:rate=25 -f lavfi -i sine=frequency=1000 -t 60 \
  -c:v libx264 -preset veryfast -b:v "$rate" -maxrate "$rate" -bufsize "$rate" -g 50 -c:a aac -b:a 128k \
  -f mpegts "$out.part"
mv "$out.part" "$out"
