#!/usr/bin/env bash
# The EPG import benchmark of issue 3 (see README.md, section 6): a generated guide of CHANNELS x PROGRAMMES imported
# into SQLite and PostgreSQL on one core with -Xmx512m, with guide queries measured idle and during a re-import.
# Usage: bench/guide-import.sh [sqlite|postgresql|all] [--no-build]; env CHANNELS, PROGRAMMES, IDLE (seconds), CORE,
# JAVA (a JDK >= 21), PGHOST_PORT (127.0.0.1:5432, user postgres, trust).
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-all}
CHANNELS=${CHANNELS:-1000}
PROGRAMMES=${PROGRAMMES:-1000}
IDLE=${IDLE:-20}
CORE=${CORE:-0}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
if [[ "${2:-}" != "--no-build" ]]; then
  (cd .. && ./mvnw -B -q -pl bench -am package -DskipTests)
fi
cp="target/classes:$(cat target/classpath.txt)"
run() {
  echo "=== $1, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  taskset -c "$CORE" "$JAVA" -Xmx512m -cp "$cp" headwater.bench.GuideImportBenchmark "$2" "$CHANNELS" "$PROGRAMMES" "$IDLE" \
    2>&1 | grep -v -e '^SLF4J' -e '^WARNING' -e '^INFO: ' -e 'GuideImport importFrom'
}
if [[ "$what" == sqlite || "$what" == all ]]; then
  rm -rf target/guide-db-*
  run SQLite sqlite
  rm -rf target/guide-db-*
fi
if [[ "$what" == postgresql || "$what" == all ]]; then
  db=hw_bench_guide_$$
  psql -q -h "${PGHOST_PORT%:*}" -p "${PGHOST_PORT#*:}" -U postgres -c "CREATE DATABASE $db"
  trap 'psql -q -h "${PGHOST_PORT%:*}" -p "${PGHOST_PORT#*:}" -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
  run PostgreSQL "jdbc:postgresql://$PGHOST_PORT/$db"
fi
