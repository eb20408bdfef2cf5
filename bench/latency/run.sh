#!/usr/bin/env bash
# Source-to-screen latency (not a test; figures in bench/README.md). One run: a throwaway PostgreSQL, the feed
# simulator (40 live games, men's and women's), the Worker fed by it at the live cadence, the Web (Release,
# Production settings), and a headless Chromium on both leagues' scoreboards. Prints p50/p95/p99 of t1 - t0 (source to
# screen), tc - t0 (to the Worker's commit) and t1 - tc (commit to screen); writes bench/latency/last-run.json.
# It measures whatever the Web does to update an open page (polling today, pushed events once they land): rerun it
# unchanged after a merge.
# Usage: bash bench/latency/run.sh [seconds=240] [label]
#   LATENCY_LIVE_SECONDS (10) the Worker's live cadence; LATENCY_SPEED (3) simulated seconds per second.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
seconds=${1:-240}
label=${2:-$(git rev-parse --short HEAD)}
live=${LATENCY_LIVE_SECONDS:-10} speed=${LATENCY_SPEED:-3}
work=$(mktemp -d)
pgdir="$root/.data/bench-latency-$$"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pg_port=$(free_port); sim_port=$(free_port); web_port=$(free_port)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash build/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$pgdir" "$work"
}
trap cleanup EXIT

bash build/pg-cluster.sh start "$pgdir" "$pg_port" >/dev/null
bash build/pg-cluster.sh createdb "$pgdir" "$pg_port" gamepulse >/dev/null
export ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$pg_port;Database=gamepulse;Username=gamepulse"
export Logging__MinimumLevel=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export Site__PublicBaseUrl="http://127.0.0.1:$web_port"
dotnet build GamePulse.sln -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
dotnet build bench/latency -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
dotnet GamePulse.Worker/bin/Release/net10.0/GamePulse.Worker.dll migrate >/dev/null

# Every game under way from the start: tip-offs 2 simulated minutes before it, 30 simulated seconds apart.
dotnet GamePulse.FeedSimulator/bin/Release/net10.0/GamePulse.FeedSimulator.dll --urls "http://127.0.0.1:$sim_port" \
  --seed 42 --speed "$speed" --games 20 --first-tip -2 --tip-spacing 0.5 >"$work/sim.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$sim_port/_sim/slate" -o /dev/null && break; sleep 0.2; done
Ingestion__EspnBaseUrl="http://127.0.0.1:$sim_port" Ingestion__TickSeconds="$live" Ingestion__LiveIntervalSeconds="$live" \
  dotnet GamePulse.Worker/bin/Release/net10.0/GamePulse.Worker.dll run >"$work/worker.log" 2>&1 & pids+=($!)
dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$web_port" >"$work/web.log" 2>&1 & pids+=($!)
pages=/mens-college-basketball/scores,/womens-college-basketball/scores
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$web_port/mens-college-basketball/scores" 2>/dev/null | grep -q 'state-live' && break; sleep 0.2
done

dotnet bench/latency/bin/Release/net10.0/GamePulse.Bench.Latency.dll --web "http://127.0.0.1:$web_port" --sim "http://127.0.0.1:$sim_port" \
  --db "$ConnectionStrings__GamePulse" --pages "$pages" --seconds "$seconds" --label "$label (live cadence ${live} s, speed ${speed}x)" \
  --out bench/latency/last-run.json
