#!/usr/bin/env bash
# Fleet benchmark: 1, 2 and 4 `xmlshred run` processes at once on one PostgreSQL database (dynamic claiming,
# no flags besides --chunk-size), over a link with DELAY ms each way (bench/XmlShred.DelayProxy) and over
# plain loopback. Each trial starts from an identical copy of a loaded database (CREATE DATABASE … TEMPLATE),
# times the whole fleet from the first start to the last exit, and checks the result: every application logged
# exactly once. With --before DIR it also times DIR/XmlShred.Cli.dll (a build from before claiming) as one
# instance, for the overhead of claiming against the old single process.
#
# Usage: bench/fleet-postgres.sh [--count N] [--repeats N] [--delay-ms N] [--chunk-size N] [--workers N] [--before DIR]
# Needs: .ci/install-postgres.sh; root (or the postgres user) to run initdb.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=3000 REPEATS=3 DELAY_MS=1 CHUNK=200 WORKERS=$(nproc) BEFORE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --repeats) REPEATS=$2; shift 2 ;;
    --delay-ms) DELAY_MS=$2; shift 2 ;;
    --chunk-size) CHUNK=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --before) BEFORE=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bash .ci/install-postgres.sh >/dev/null
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
AS_PG=(); [ "$(id -u)" -eq 0 ] && AS_PG=(runuser -u postgres --)
PORT=$(( 58000 + $$ % 1000 )) PROXY_PORT=$(( 59000 + $$ % 1000 ))
WORK=$(mktemp -d /tmp/xmlshred-fleet-bench.XXXXXX)
PROXY_PID="" PG_STARTED=0

cleanup() {
  set +e
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null && wait "$PROXY_PID" 2>/dev/null
  [ "$PG_STARTED" -eq 1 ] && "${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== building (Release)"
dotnet build src/XmlShred.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/XmlShred.DelayProxy -c Release -v q -nologo >/dev/null
CLI=(dotnet src/XmlShred.Cli/bin/Release/net10.0/XmlShred.Cli.dll)
CONTRACT=examples/contract.json

[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
"${AS_PG[@]}" "$BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_wal_size=2GB -c max_connections=200" -w start >/dev/null
PG_STARTED=1
nice -n -10 dotnet bench/XmlShred.DelayProxy/bin/Release/net10.0/XmlShred.DelayProxy.dll --listen "127.0.0.1:$PROXY_PORT" --target "127.0.0.1:$PORT" --delay-ms "$DELAY_MS" &
PROXY_PID=$!
sleep 1
psql() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }

echo "== template database: $COUNT generated applications, loaded once"
psql -d postgres -c "CREATE DATABASE fleet_template" >/dev/null
TEMPLATE="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=fleet_template"
"${CLI[@]}" generate --count "$COUNT" --out "$WORK/xml" >/dev/null
"${CLI[@]}" init --db "$TEMPLATE" --contract "$CONTRACT" >/dev/null
"${CLI[@]}" load --db "$TEMPLATE" --contract "$CONTRACT" "$WORK/xml" >/dev/null
SCHEMA=$(python3 -c "import json;print(json.load(open('$CONTRACT')).get('target_schema','dbo'))")

# One trial: a fresh copy of the template, N processes started together, wall time until the last one exits.
trial() { # label port instances "extra run options" cli...
  local label=$1 port=$2 n=$3 extra=$4; shift 4
  psql -d postgres -c "DROP DATABASE IF EXISTS fleet_trial WITH (FORCE)" -c "CREATE DATABASE fleet_trial TEMPLATE fleet_template" >/dev/null
  local db="Host=127.0.0.1;Port=$port;Username=postgres;Database=fleet_trial"
  local start end pids=() i
  start=$(date +%s.%N)
  for i in $(seq 1 "$n"); do
    # shellcheck disable=SC2086 # extra holds whole options
    "$@" run --db "$db" --contract "$CONTRACT" --no-progress --workers "$WORKERS" $extra >"$WORK/run-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || true; done
  end=$(date +%s.%N)
  local logged distinct
  logged=$(psql -d fleet_trial -At -c "SELECT count(*) FROM \"$SCHEMA\".processing_log")
  distinct=$(psql -d fleet_trial -At -c "SELECT count(DISTINCT app_id) FROM \"$SCHEMA\".processing_log")
  awk -v l="$label" -v n="$n" -v s="$start" -v e="$end" -v c="$COUNT" -v g="$logged" -v d="$distinct" \
    'BEGIN { t = e - s; printf "%-9s %d instance(s): %6.2f s  %7.1f apps/s  (log rows %d, distinct %d)\n", l, n, t, c / t, g, d }'
}

for link in delayed loopback; do
  port=$PORT; [ "$link" = delayed ] && port=$PROXY_PORT
  echo
  echo "== $link link (${DELAY_MS} ms each way through the proxy when delayed); chunk size $CHUNK, $WORKERS workers per instance"
  for r in $(seq 1 "$REPEATS"); do
    if [ -n "$BEFORE" ]; then trial "$link" "$port" 1 "" dotnet "$BEFORE/XmlShred.Cli.dll" | sed 's/^/before   /'; fi
    for n in 1 2 4; do trial "$link" "$port" "$n" "--chunk-size $CHUNK" "${CLI[@]}" | sed 's/^/claiming /'; done
  done
done
