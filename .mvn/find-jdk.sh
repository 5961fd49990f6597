# Sourced by ./mvnw, ./headwater and .ci/run (POSIX sh).
# Exports JAVA_HOME as a JDK >= 21, tried in this order: $JAVA_HOME, the java on PATH, /usr/lib/jvm/*.
# Headwater compiles with --release 21, so an older javac cannot build it.

headwater_jdk_major() { # $1: a JDK home; prints its feature version, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)[."].*/\1/p' | head -n 1
}

headwater_use_jdk() {
  _hw_candidates=""
  [ -n "${JAVA_HOME:-}" ] && _hw_candidates="$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    _hw_java=$(command -v java)
    _hw_java=$(readlink -f "$_hw_java" 2>/dev/null || echo "$_hw_java")
    _hw_candidates="$_hw_candidates $(dirname "$(dirname "$_hw_java")")"
  fi
  for _hw_dir in /usr/lib/jvm/*; do _hw_candidates="$_hw_candidates $_hw_dir"; done
  _hw_best=""; _hw_best_major=0
  for _hw_dir in $_hw_candidates; do
    _hw_major=$(headwater_jdk_major "$_hw_dir")
    [ -n "$_hw_major" ] || continue
    if [ "$_hw_major" -ge 21 ]; then
      # The first acceptable candidate wins, so an explicit JAVA_HOME >= 21 is always respected.
      _hw_best="$_hw_dir"; _hw_best_major=$_hw_major; break
    fi
  done
  if [ -z "$_hw_best" ]; then
    echo "headwater: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm/*). Install one and set JAVA_HOME." >&2
    return 1
  fi
  JAVA_HOME="$_hw_best"; export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"; export PATH
}
