#!/usr/bin/env bash
# Profiles and tunes the pipeline on the three targets of docs/performance.md, one after another on one corpus:
#   1. SQLite (a file in a temporary folder),
#   2. PostgreSQL on loopback (a throw-away cluster of our own),
#   3. the same cluster through bench/XmlShred.DelayProxy (a delay line, DELAY_MS each way).
# For each: `xmlshred bench tune` over the grid below (every point a child `xmlshred run --report`), then
# `xmlshred report` on the point that uses the default-like settings (2 workers, queue 2000, batch 500).
# Output: <out>/<target>/tune/{tune.json,tune.md,*.png,*.svg,runs/} and <out>/<target>/profile/{index.html,*.png,*.svg}.
#
# Usage: bench/profile-targets.sh [--out DIR] [--count N] [--delay-ms N] [--repeats N] [--targets "sqlite postgres proxy"]
#        [--queue-sizes L] [--batch-sizes L] [--workers L]
# Needs: .ci/install-postgres.sh (run as root, PostgreSQL runs as the postgres user). Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=profile-out COUNT=1500 DELAY_MS=1 REPEATS=1 TARGETS="sqlite postgres proxy"
QUEUES=500,2000,5000 BATCHES=50,200,500 WORKERS=1,2
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --delay-ms) DELAY_MS=$2; shift 2 ;;
    --repeats) REPEATS=$2; shift 2 ;;
    --targets) TARGETS=$2; shift 2 ;;
    --queue-sizes) QUEUES=$2; shift 2 ;;
    --batch-sizes) BATCHES=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)

echo "== building (Release)"
dotnet build src/XmlShred.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/XmlShred.DelayProxy -c Release -v q -nologo >/dev/null
CLI=(dotnet "$PWD/src/XmlShred.Cli/bin/Release/net10.0/XmlShred.Cli.dll")
CONTRACT="$PWD/examples/contract.json"

WORK=$(mktemp -d /tmp/xmlshred-profile.XXXXXX)
PROXY_PID="" PG_STARTED=0 BIN="" AS_PG=()
cleanup() {
  set +e
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null && wait "$PROXY_PID" 2>/dev/null
  [ "$PG_STARTED" -eq 1 ] && "${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

start_postgres() {
  [ "$PG_STARTED" -eq 1 ] && return
  bash .ci/install-postgres.sh >/dev/null
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [ "$(id -u)" -eq 0 ] && AS_PG=(runuser -u postgres --) && chown postgres "$WORK"
  PORT=$(( 56000 + $$ % 1000 )) PROXY_PORT=$(( 57000 + $$ % 1000 ))
  "${AS_PG[@]}" "$BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  "${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_wal_size=2GB" -w start >/dev/null
  PG_STARTED=1
  # Raised priority: on a busy machine a late wake-up of the proxy would add to the emulated delay.
  nice -n -10 dotnet bench/XmlShred.DelayProxy/bin/Release/net10.0/XmlShred.DelayProxy.dll --listen "127.0.0.1:$PROXY_PORT" --target "127.0.0.1:$PORT" --delay-ms "$DELAY_MS" >/dev/null &
  PROXY_PID=$!
  sleep 1
}

profile() { # name connection
  local name=$1 db=$2
  echo; echo "== $name: load average $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "${OUT:?}/$name"; mkdir -p "$OUT/$name"
  "${CLI[@]}" bench tune --db "$db" --contract "$CONTRACT" --out "$OUT/$name/tune" --count "$COUNT" \
    --queue-sizes "$QUEUES" --batch-sizes "$BATCHES" --workers "$WORKERS" --repeats "$REPEATS"
  local run; run=$(ls "$OUT/$name/tune/runs/"run-w2-q2000-b500-*.json 2>/dev/null | head -n 1 || true)
  [ -z "$run" ] && run=$(ls "$OUT/$name/tune/runs/"*.json | tail -n 1)
  "${CLI[@]}" report "$run" --out "$OUT/$name/profile"
}

for target in $TARGETS; do
  case "$target" in
    sqlite) profile sqlite "$WORK/sqlite.db" ;;
    postgres) start_postgres; profile postgres-loopback "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres" ;;
    proxy) start_postgres; profile postgres-delayed "Host=127.0.0.1;Port=$PROXY_PORT;Username=postgres;Database=postgres" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done
echo; echo "== done: $OUT (load average $(cut -d' ' -f1-3 /proc/loadavg))"
