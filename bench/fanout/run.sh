#!/usr/bin/env bash
# Fan-out bench (not a test): one live 150-game scoreboard of today, N stream subscribers on loopback, a real change
# (UPDATE + pg_notify, committed) every 2 s for 60 s, then the same N clients polling every 15 s. Figures: bench/README.md.
# Usage: bash bench/fanout/run.sh [clients=5000] [interval-s=2] [duration-s=60]   (needs PostgreSQL binaries)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
clients=${1:-5000}
interval=${2:-2}
duration=${3:-60}
# Every stream is a socket on both sides of loopback, in one machine.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
pgdir="$root/.data/bench-fanout-$$"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pg_port=$(free_port); web_port=$(free_port)
web_pid=""
cleanup() {
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null || true
  bash build/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT

bash build/pg-cluster.sh start "$pgdir" "$pg_port" >/dev/null
bash build/pg-cluster.sh createdb "$pgdir" "$pg_port" gamepulse >/dev/null
export ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$pg_port;Database=gamepulse;Username=gamepulse;Maximum Pool Size=200"
export Site__PublicBaseUrl=https://gamepulse.example Logging__MinimumLevel=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
dotnet build GamePulse.sln -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
dotnet build bench/fanout -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
dotnet GamePulse.Worker/bin/Release/net10.0/GamePulse.Worker.dll migrate >/dev/null

# The web bench's 150-game day, moved to today (US-Eastern) with its games under way, so the day is live.
today=$(TZ=America/New_York date +%F)
sed -e "s/2025-02-22 17:00:00+00/$(date -u -d '-90 minutes' '+%F %T')+00/" -e "s/2025-02-22/$today/g" bench/web/seed-150.sql \
  | psql -q -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse

LiveStreams__MaxSubscribers=$(( clients + 1000 )) \
  dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$web_port" >"$pgdir/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$web_port/mens-college-basketball/scores/$today" -o /dev/null && break; sleep 0.2; done
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; the load client runs on the same 2 cores)"
dotnet bench/fanout/bin/Release/net10.0/GamePulse.Bench.Fanout.dll "http://127.0.0.1:$web_port" "$web_pid" "$clients" "$interval" "$duration"
