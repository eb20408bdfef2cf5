#!/usr/bin/env bash
# Web benchmark (not a test): app CPU time per request of the uncached 150-game scoreboard, two code trees side by side.
# Four servers on one throwaway database: each tree with shared day data (PageCache__Enabled=false) and with no caches
# at all (also PageCache__DataEnabled=false). After 20 s of warm-up each, every round runs wrk against all four in
# turn (the order swapped every other round) and divides each process's CPU ticks by its requests. Because the four
# share the same machine moment by moment, this compares two versions far better than throughput on a busy machine.
# Usage: bash bench/web/compare.sh BEFORE_TREE AFTER_TREE [rounds] [seconds]
#   (trees are checkouts, e.g. git worktree add or git archive | tar -x; each is built here in Release)
set -euo pipefail
before=$(readlink -f "$1"); after=$(readlink -f "$2"); rounds=${3:-10}; secs=${4:-5}
cd "$(dirname "$0")/../.."
root=$(pwd)
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d); pgdir="$root/.data/bench-compare-$$"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
declare -A tree=([before]=$before [after]=$after) port pid
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  bash build/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$pgdir" "$work"
}
trap cleanup EXIT
for side in before after; do dotnet build "${tree[$side]}/GamePulse.sln" -c Release -v q -clp:ErrorsOnly --nologo >/dev/null; done
pg_port=$(free_port)
bash build/pg-cluster.sh start "$pgdir" "$pg_port" >/dev/null
bash build/pg-cluster.sh createdb "$pgdir" "$pg_port" gamepulse >/dev/null
export ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$pg_port;Database=gamepulse;Username=gamepulse"
export Site__PublicBaseUrl=https://gamepulse.example Logging__MinimumLevel=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
dotnet "$after/GamePulse.Worker/bin/Release/net10.0/GamePulse.Worker.dll" migrate >/dev/null
psql -q -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse -f bench/web/seed-150.sql
path=/mens-college-basketball/scores/2025-02-22
start() { # name side share-data
  local p; p=$(free_port); port[$1]=$p
  PageCache__Enabled=false PageCache__DataEnabled=$3 dotnet "${tree[$2]}/GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll" \
    --contentRoot "${tree[$2]}/GamePulse.Web" --urls "http://127.0.0.1:$p" >"$work/$1.log" 2>&1 &
  pid[$1]=$!; pids+=($!)
}
start before-shared before true; start after-shared after true; start before-nocache before false; start after-nocache after false
names=(before-shared after-shared before-nocache after-nocache)
for n in "${names[@]}"; do for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:${port[$n]}$path" -o /dev/null && break; sleep 0.2; done; done
for n in "${names[@]}"; do
  cmp -s <(curl -fs "http://127.0.0.1:${port[before-shared]}$path") <(curl -fs "http://127.0.0.1:${port[$n]}$path") \
    && echo "$n: same HTML as before-shared" || echo "$n: HTML differs from before-shared"
done
for n in "${names[@]}"; do wrk -t1 -c4 -d20s "http://127.0.0.1:${port[$n]}$path" >/dev/null; done # tiered JIT settles
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t1 -c4 -d${secs}s per cell; app CPU ms per request"
for r in $(seq 1 "$rounds"); do
  if (( r % 2 == 0 )); then order=(after-shared before-shared after-nocache before-nocache); else order=("${names[@]}"); fi
  line="round $r:"
  for n in "${order[@]}"; do
    t0=$(ticks "${pid[$n]}")
    reqs=$(wrk -t1 -c4 -d"${secs}s" "http://127.0.0.1:${port[$n]}$path" | awk '/requests in/ {print $1}')
    t1=$(ticks "${pid[$n]}")
    line+=$(python3 -c "print(f' $n={($t1 - $t0) * 1000 / $hz / $reqs:.3f}')")
  done
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done
