#!/usr/bin/env bash
# Measures hot deploy on the built distribution: runs 'doppel start', copies a plugin jar
# into deploy/, and reports the time from the copy to the registry's "plugin added" line,
# then deletes the jar and reports the time to "plugin removed". Prints one line per
# round. Usage: measure-hot-deploy.sh PLUGIN_JAR PLUGIN_KEY [ROUNDS]
#   PLUGIN_KEY as the registry logs it, e.g. dynamics/mass-spring-damper
set -euo pipefail

jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
key="$2"
rounds="${3:-5}"
dist="$(cd "$(dirname "$0")/../../.." && pwd)/target/doppel"
work="$(mktemp -d)"
log="$work/stderr.log"
trap 'exec 3>&- || true; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

mkfifo "$work/in"
DOPPEL_LOG_LEVEL=INFO "$dist/bin/doppel" start <"$work/in" >"$work/stdout.log" 2>"$log" &
pid=$!
exec 3>"$work/in"

wait_for() { # wait_for PATTERN COUNT: until the log holds COUNT lines matching PATTERN
  until [ "$(grep -c -- "$1" "$log" || true)" -ge "$2" ]; do sleep 0.02; done
}
millis() { date +%s%3N; }
log_millis() { # the log time of the COUNT-th line matching PATTERN, in epoch ms
  local hms
  hms="$(grep -- "$1" "$log" | sed -n "$2p" | cut -c1-12)"
  date -d "$(date +%F) $hms" +%s%3N
}

wait_for "watching .* for bundle jars" 1
for round in $(seq 1 "$rounds"); do
  copied="$(millis)"
  cp "$jar" "$dist/deploy/hot-deploy-probe.jar"
  wait_for "plugin added: $key" "$round"
  added="$(log_millis "plugin added: $key" "$round")"
  deleted="$(millis)"
  rm "$dist/deploy/hot-deploy-probe.jar"
  wait_for "plugin removed: $key" "$round"
  removed="$(log_millis "plugin removed: $key" "$round")"
  echo "round $round: copy to service $((added - copied)) ms, delete to removal $((removed - deleted)) ms"
done
echo stop >&3
wait "$pid"
