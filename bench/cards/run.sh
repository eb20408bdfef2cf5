#!/usr/bin/env bash
# Share card benchmark (not a test; decision 0440): with the games of five recorded scoreboards ingested as in
# production (`ingest --file`), the Web (Release, its own process) is asked for
#   1. cold renders: each game's current card, never rendered before (request time = database read + render + PNG
#      encode + HTTP on loopback), until 1,000 distinct cards (both forms, spoiler-free too, and new versions made by
#      bumping every game's Pulse), sampling the Web's RSS every 100 cards;
#   2. one cached card with wrk, against nginx serving the same PNG bytes as a static file in the same run.
# Usage: bash bench/cards/run.sh [duration-seconds] [cards]   (needs wrk, nginx, PostgreSQL binaries, fonts-dejavu-core)
# ShareCards__MemoryCacheMegabytes in the environment sizes the Web's card cache (default 64).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${1:-10}
cards=${2:-1000}
warmup=$(( duration > 10 ? duration : 10 ))
fixtures=$(cd "$root/../shared/fixtures" && pwd)
work=$(mktemp -d)
pgdir="$root/.data/bench-cards-$$"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pg_port=$(free_port); web_port=$(free_port); nginx_port=$(free_port)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  bash build/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$pgdir" "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
bash build/pg-cluster.sh start "$pgdir" "$pg_port" >/dev/null
bash build/pg-cluster.sh createdb "$pgdir" "$pg_port" gamepulse >/dev/null
export ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$pg_port;Database=gamepulse;Username=gamepulse"
export Site__PublicBaseUrl=https://gamepulse.example Logging__MinimumLevel=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
dotnet build GamePulse.sln -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
worker=GamePulse.Worker/bin/Release/net10.0/GamePulse.Worker.dll
dotnet $worker migrate >/dev/null
for f in scoreboard-2026-03-03-groups50-final scoreboard-2026-03-04-groups50-live scoreboard-2026-03-14-conf-tourneys-final scoreboard-2025-02-04-mixed scoreboard-2025-02-11-mixed; do
  dotnet $worker ingest --league mens --file "$fixtures/espn/$f.json" >/dev/null
done
psql -qtA -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse -c "UPDATE games SET pulse_score = coalesce(pulse_score, 50)" >/dev/null

dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$web_port" >"$work/web.log" 2>&1 & pids+=($!)
web_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$web_port/healthz" -o /dev/null && break; sleep 0.2; done
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; compare ratios, not absolutes)" >&2

python3 - "$web_port" "$web_pid" "$pg_port" "$cards" >&2 <<'PY'
import http.client, statistics, subprocess, sys, time
port, pid, pg, total = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ids = [int(x) for x in subprocess.check_output(["psql", "-qtA", "-h", "127.0.0.1", "-p", pg, "-U", "gamepulse", "-d", "gamepulse",
       "-c", "SELECT g.id FROM games g JOIN leagues l ON l.id = g.league_id ORDER BY g.id"]).split()]
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
def get(path):
    c = http.client.HTTPConnection("127.0.0.1", int(port)); c.request("GET", path); r = c.getresponse(); body = r.read(); c.close()
    return r.status, r.getheader("Location"), body
times, cached, samples, seen = [], [], [], set()
print(f"games: {len(ids)}; RSS before any card: {rss()} MB")
bump = 0
while len(times) < total:
    for gid in ids:
        for suffix in ("", "?spoilers=hide"):
            status, location, _ = get(f"/mens-college-basketball/games/{gid}/card.png{suffix}")
            assert status == 302, status
            if location in seen:
                continue
            seen.add(location)
            start = time.perf_counter(); status, _, body = get(location); times.append((time.perf_counter() - start) * 1000)
            assert status == 200 and body[:4] == b"\x89PNG", status
            # The same card again: from the Web's memory, the request without the render.
            start = time.perf_counter(); get(location); cached.append((time.perf_counter() - start) * 1000)
            if len(times) % (total // 10) == 0:
                samples.append((len(times), rss()))
            if len(times) >= total:
                break
        if len(times) >= total:
            break
    bump += 1
    subprocess.check_call(["psql", "-qtA", "-h", "127.0.0.1", "-p", pg, "-U", "gamepulse", "-d", "gamepulse", "-c",
                           "UPDATE games SET pulse_score = (pulse_score + 1) % 100"], stdout=subprocess.DEVNULL)
    # The cards' version follows what they show; the NOTIFY-free bench reads games straight from the database.
times.sort()
cached.sort()
print(f"cold card requests: {len(times)}; median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms")
print(f"the same cards again (memory): median {statistics.median(cached):.1f} ms, p95 {cached[int(len(cached) * 0.95) - 1]:.1f} ms")
print("RSS after N distinct cards (MB): " + ", ".join(f"{n}: {m}" for n, m in samples))
PY

card=$(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$web_port/mens-college-basketball/games/$(psql -qtA -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse -c 'SELECT min(id) FROM games')/card.png" | sed 's#^https\?://[^/]*##')
mkdir -p "$work/static"
curl -fs "http://127.0.0.1:$web_port$card" -o "$work/static/card.png"
echo "card: $card, $(wc -c <"$work/static/card.png") B" >&2
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$nginx_port; root $work/static; location / { default_type image/png; try_files /card.png =404; } }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
run() { # name url -> rps
  wrk -t2 -c32 -d"${warmup}s" "$2" >/dev/null
  local out; out=$(wrk -t2 -c32 -d"${duration}s" --latency "$2")
  local rps p99; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-30s %12s req/s   p99 %s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}
# Alternated twice (nginx, app, nginx, app): on a shared machine whichever runs while a neighbour builds loses.
for round in 1 2; do
  nginx_rps=$(run "nginx, the same PNG ($round)" "http://127.0.0.1:$nginx_port$card")
  app_rps=$(run "app, cached card ($round)" "http://127.0.0.1:$web_port$card")
  python3 -c "import sys; a, n = float(sys.argv[1]), float(sys.argv[2]); print(f'ratio cached card/nginx  {a / n:.2f}  (target >= 0.5)')" "$app_rps" "$nginx_rps" >&2
done
echo "RSS of the Web at the end: $(awk '/VmRSS/ {print int($2/1024)}' /proc/$web_pid/status) MB" >&2
