#!/usr/bin/env bash
# Remote-database benchmark: `xmlshred bench run` (queued vs sequential, 3 repeats each) against a PostgreSQL
# reached over a link with 1 ms of delay each way, then against the same cluster over plain loopback.
#
# The delay comes from tc netem on a veth pair into a network namespace of our own (PostgreSQL runs inside it on
# 10.200.0.2) when the kernel offers netem; otherwise from bench/XmlShred.DelayProxy, a delaying TCP proxy on
# loopback. The script says which one it used. Everything it starts is stopped and removed on exit.
#
# Usage: bench/remote-postgres.sh [--count N] [--repeats N] [--delay-ms N] [--batch-size N] [--workers N]
# Needs: root (or sudo) for netns/tc and to run PostgreSQL as the postgres user; .ci/install-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=1000 REPEATS=3 DELAY_MS=1 BATCH=500 WORKERS=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --repeats) REPEATS=$2; shift 2 ;;
    --delay-ms) DELAY_MS=$2; shift 2 ;;
    --batch-size) BATCH=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bash .ci/install-postgres.sh >/dev/null
if ! command -v ip >/dev/null || ! command -v tc >/dev/null; then
  apt-get install -y -qq iproute2 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq iproute2 >/dev/null; }
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
AS_PG=(); [ "$(id -u)" -eq 0 ] && AS_PG=(runuser -u postgres --)

NS=xmlshred-bench-$$ VETH_HOST=xsb$$h VETH_NS=xsb$$n
HOST_IP=10.200.0.1 NS_IP=10.200.0.2
PORT=$(( 56000 + $$ % 1000 )) PROXY_PORT=$(( 57000 + $$ % 1000 ))
WORK=$(mktemp -d /tmp/xmlshred-bench-pg.XXXXXX)
PROXY_PID="" USE_NETNS=0 PG_STARTED=0

cleanup() {
  set +e
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null && wait "$PROXY_PID" 2>/dev/null
  if [ "$PG_STARTED" -eq 1 ]; then
    if [ "$USE_NETNS" -eq 1 ]; then ip netns exec "$NS" "${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1
    else "${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1; fi
  fi
  ip link del "$VETH_HOST" 2>/dev/null
  ip netns del "$NS" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# netem needs the sch_netem qdisc in the kernel; probe it on a throw-away namespace before relying on it.
probe_netem() {
  ip netns add "$NS" 2>/dev/null || return 1
  ip link add "$VETH_HOST" type veth peer name "$VETH_NS" 2>/dev/null || return 1
  tc qdisc add dev "$VETH_HOST" root netem delay "${DELAY_MS}ms" 2>/dev/null || return 1
  return 0
}

echo "== building (Release)"
dotnet build src/XmlShred.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/XmlShred.DelayProxy -c Release -v q -nologo >/dev/null
CLI=(dotnet src/XmlShred.Cli/bin/Release/net10.0/XmlShred.Cli.dll)

echo "== PostgreSQL cluster in $WORK (port $PORT)"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
"${AS_PG[@]}" "$BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
PG_OPTS="-p $PORT -k $WORK -c shared_buffers=256MB -c max_wal_size=2GB"

if probe_netem; then
  USE_NETNS=1
  ip link set "$VETH_NS" netns "$NS"
  ip addr add "$HOST_IP/24" dev "$VETH_HOST"; ip link set "$VETH_HOST" up
  ip netns exec "$NS" ip addr add "$NS_IP/24" dev "$VETH_NS"
  ip netns exec "$NS" ip link set "$VETH_NS" up; ip netns exec "$NS" ip link set lo up
  ip netns exec "$NS" tc qdisc add dev "$VETH_NS" root netem delay "${DELAY_MS}ms"
  ip netns exec "$NS" "${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -o "$PG_OPTS -c listen_addresses=$NS_IP,127.0.0.1" -w start >/dev/null
  PG_STARTED=1
  DELAYED="Host=$NS_IP;Port=$PORT;Username=postgres;Database=postgres"
  # Loopback inside the namespace: the same cluster without the veth delay.
  LOOPBACK_RUN=(ip netns exec "$NS")
  echo "== delay: tc netem ${DELAY_MS} ms each way on veth $VETH_HOST <-> $NS ($HOST_IP <-> $NS_IP)"
else
  ip link del "$VETH_HOST" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  "${AS_PG[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -o "$PG_OPTS -c listen_addresses=127.0.0.1" -w start >/dev/null
  PG_STARTED=1
  # Raised priority: on a busy 2-core machine a late wake-up would add to the emulated delay.
  nice -n -10 dotnet bench/XmlShred.DelayProxy/bin/Release/net10.0/XmlShred.DelayProxy.dll --listen "127.0.0.1:$PROXY_PORT" --target "127.0.0.1:$PORT" --delay-ms "$DELAY_MS" &
  PROXY_PID=$!
  sleep 1
  DELAYED="Host=127.0.0.1;Port=$PROXY_PORT;Username=postgres;Database=postgres"
  LOOPBACK_RUN=()
  echo "== delay: tc netem unavailable here (no sch_netem in this kernel); using bench/XmlShred.DelayProxy, ${DELAY_MS} ms each way on loopback"
fi
LOOPBACK="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"

# Round-trip time of a trivial query through each path, as the client sees it (min/median/max of 40).
rtt() {
  { echo '\timing on'; for _ in $(seq 1 40); do echo 'SELECT 1;'; done; } | "$@" "$BIN/psql" -X -q -d "$DB_URL" 2>/dev/null \
    | grep -o 'Time: [0-9.]*' | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {printf "min %s / median %s / max %s ms", a[1], a[int((NR+1)/2)], a[NR]}'
}
DB_URL="postgresql://postgres@$( [ "$USE_NETNS" -eq 1 ] && echo "$NS_IP:$PORT" || echo "127.0.0.1:$PROXY_PORT" )/postgres"
echo "   query round trip over the delayed link: $(rtt)"
DB_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "   query round trip over loopback:         $(rtt "${LOOPBACK_RUN[@]}")"

BENCH_ARGS=(bench run --repeats "$REPEATS" --count "$COUNT" --batch-size "$BATCH" --workers "$WORKERS")
echo
echo "== delayed link: ${CLI[*]} ${BENCH_ARGS[*]} --db \"$DELAYED\""
"${CLI[@]}" "${BENCH_ARGS[@]}" --db "$DELAYED"
echo
echo "== loopback: ${CLI[*]} ${BENCH_ARGS[*]} --db \"$LOOPBACK\""
"${LOOPBACK_RUN[@]}" "${CLI[@]}" "${BENCH_ARGS[@]}" --db "$LOOPBACK"
