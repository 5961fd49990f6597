# Sourced (bash) by delivery-vs-nginx.sh and viewers.sh: one Headwater server on its own data directory, with one
# file:// channel in its configuration entitled through a catalogue package, subscribers in that package and
# playback sessions, made through the admin API with an ADMIN token made by `headwater admin token create` before the first start.
# The caller sets: hw_root (the worktree), hw_work (a directory of its own), hw_port, hw_core (the CPU list for
# taskset), and adds "$hw_pid" to its cleanup. Nothing here kills anything but the server it started, by pid.

hw_pid=
hw_key=
hw_url=

# hw_write_config CHANNEL INPUT_TS WINDOW EXTRA: the YAML of the run. The channel is a configuration channel (the
# catalogue refuses file:// sources) entitled through the catalogue package "bench" (channels[].packages). Egress
# capacity far above what loopback can carry, so that admission never refuses a bench session.
hw_write_config() {
  local channel=$1 input=$2 window=$3 extra=$4
  mkdir -p "$hw_work"
  cat > "$hw_work/headwater.yml" <<EOF
server:
  host: 127.0.0.1
  port: $hw_port
  egressCapacity: 100 Tbit/s
dataDir: $hw_work/data
hls:
  targetDuration: 4s
  windowSegments: $window
  extraSegmentsOnDisk: $extra
sessions:
  lifetime: 24h
channels:
  - id: $channel
    name: Bench
    sources: [file://$input]
    packages: [bench]
metrics:
  enabled: true
  jvm: true
# Plain HTTP, as nginx is measured: TLS is the subject of its own benchmark, not of these.
tls:
  enabled: false
EOF
}

# hw_make_key: an ADMIN API token, made with the CLI on the (new) data directory before the server first starts
# (a first start prints no credential).
hw_make_key() {
  hw_key=$(cd "$hw_work" && HEADWATER_LOG_LEVEL=WARN "$hw_root/headwater" admin token create --name bench --role ADMIN \
    --scope admin --config headwater.yml --json | jq -r .token)
  [ -n "$hw_key" ] && [ "$hw_key" != null ] || { echo "could not make an admin token" >&2; return 1; }
}

# hw_start [LOG_LEVEL]: starts `headwater serve` pinned to $hw_core, waits for /healthz. Access logging is INFO: the
# default WARN keeps it off (nginx runs with access_log off too); ACCESS_LOG=1 turns both on.
hw_start() {
  local level=${1:-WARN}
  hw_url="http://127.0.0.1:$hw_port"
  # Another program on the port would answer /healthz in our server's place (the machine is shared).
  if port_taken "$hw_port"; then echo "port $hw_port is taken (set HW_PORT)" >&2; return 1; fi
  (cd "$hw_work" && exec env HEADWATER_LOG_LEVEL="$level" HEADWATER_JAVA_OPTS="${HEADWATER_JAVA_OPTS:-}" \
    taskset -c "$hw_core" "$hw_root/headwater" serve --config headwater.yml) > "$hw_work/headwater.out" 2> "$hw_work/headwater.log" &
  hw_pid=$!
  local i
  for i in $(seq 1 600); do
    if curl -fsS -o /dev/null "$hw_url/healthz" 2>/dev/null; then
      port_taken "$hw_port" "$hw_pid" && return 0
      echo "something else answers on port $hw_port" >&2; return 1
    fi
    kill -0 "$hw_pid" 2>/dev/null || { echo "headwater exited; see $hw_work/headwater.log:" >&2; tail -n 20 "$hw_work/headwater.log" >&2; return 1; }
    sleep 0.2
  done
  echo "headwater did not answer /healthz in 120 s" >&2; return 1
}

# port_taken PORT [PID]: whether something listens on 127.0.0.1:PORT (with PID: whether that process does).
port_taken() {
  local listeners
  listeners=$(ss -Hltnp "sport = :$1" 2>/dev/null)
  if [ -n "${2:-}" ]; then grep -q "pid=$2," <<<"$listeners"; else [ -n "$listeners" ]; fi
}

hw_stop() {
  if [ -n "$hw_pid" ]; then kill "$hw_pid" 2>/dev/null || true; wait "$hw_pid" 2>/dev/null || true; hw_pid=; fi
}

# hw_api METHOD PATH [JSON]: the response body on stdout; fails on a status >= 400 (printing the problem).
hw_api() {
  local out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $hw_key" \
    ${3:+-H 'Content-Type: application/json' --data "$3"} "$hw_url/api/v1$2")
  if [ "$status" -ge 400 ]; then echo "$1 $2 -> $status: $(head -c 600 "$out")" >&2; rm -f "$out"; return 1; fi
  cat "$out"; rm -f "$out"
}

# hw_fixture SUBSCRIBERS MAX_CONNECTIONS: package "bench" (which entitles to the configuration's channel) and
# subscribers bench-1..bench-N in it with MAX_CONNECTIONS each (password hashing costs ~0.1 s per subscriber).
hw_fixture() {
  local count=$1 max=$2 i
  hw_api POST /packages '{"id":"bench","name":"Bench"}' >/dev/null
  for i in $(seq 1 "$count"); do
    hw_api POST /subscribers "{\"id\":\"bench-$i\",\"username\":\"bench-$i\",\"password\":\"bench-password-$i\",\
\"maxConnections\":$max,\"packageIds\":[\"bench\"]}" >/dev/null
  done
}

# hw_session_body SUBSCRIBER CHANNEL DEVICE: the JSON of POST /api/v1/sessions (one place to change it).
hw_session_body() {
  printf '{"subscriberId":"%s","channelId":"%s","format":"hls","deviceKey":"%s"}' "$1" "$2" "$3"
}

# hw_open_session SUBSCRIBER CHANNEL DEVICE: prints the session's token (from "token", else from a /s/{token}/ URL).
hw_open_session() {
  local reply token
  reply=$(hw_api POST /sessions "$(hw_session_body "$1" "$2" "$3")") || return 1
  token=$(jq -r '.token // empty' <<<"$reply" 2>/dev/null || true)
  [ -n "$token" ] || token=$(grep -o '/s/[^/"]*/' <<<"$reply" | head -n 1 | sed 's#^/s/##; s#/$##')
  [ -n "$token" ] || { echo "no token in the session reply: $reply" >&2; return 1; }
  echo "$token"
}

# hw_wait_segments TOKEN CHANNEL N: waits (up to 120 s) until the media playlist lists at least N segments.
hw_wait_segments() {
  local i n
  for i in $(seq 1 240); do
    n=$(curl -s "$hw_url/s/$1/live/$2/media.m3u8" | grep -c '\.ts$' || true)
    [ "$n" -ge "$3" ] && return 0
    sleep 0.5
  done
  echo "channel $2 did not list $3 segments in 120 s" >&2; return 1
}
