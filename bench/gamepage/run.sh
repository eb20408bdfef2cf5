#!/usr/bin/env bash
# Game page benchmark (not a test): the overtime final's page with its full box score and play-by-play (581 plays)
# rendered by the app without output caching, against nginx serving the same bytes as a static file, with wrk on
# loopback; plus the page weight. Data arrives as in production: the 2026-03-03 scoreboard and the game's summary
# replayed with `ingest --file`. Modelled on bench/web/run.sh.
# Usage: bash bench/gamepage/run.sh [duration-seconds]   (needs wrk, nginx, PostgreSQL binaries)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${1:-15}
warmup=$(( duration > 20 ? duration : 20 ))
fixtures=$(cd "$root/../shared/fixtures" && pwd)
work=$(mktemp -d)
pgdir="$root/.data/bench-gamepage-$$"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pg_port=$(free_port); uncached_port=$(free_port); nginx_port=$(free_port)
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
dotnet $worker ingest --league mens --file "$fixtures/espn/scoreboard-2026-03-03-groups50-final.json" >/dev/null
dotnet $worker ingest --league mens --file "$fixtures/espn/summary-401808279-final-ot.json" >/dev/null
id=$(psql -qtA -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse -c "SELECT id FROM games WHERE espn_id = '401808279'")

PageCache__Enabled=false dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$uncached_port" >"$work/uncached.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$uncached_port/healthz" -o /dev/null && break; sleep 0.2; done
path=$(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$uncached_port/mens-college-basketball/games/$id" | sed 's#^https\?://[^/]*##')
full="$path?period=all"

mkdir -p "$work/html"
curl -fs "http://127.0.0.1:$uncached_port$full" -o "$work/html/page.html"
curl -fs "http://127.0.0.1:$uncached_port$path" -o "$work/default.html"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$nginx_port; root $work/html; location / { default_type text/html; try_files /page.html =404; } }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"

gz() { gzip -9 -c "$1" | wc -c; }
echo "page weight (gzip -9): every play ($full) $(gz "$work/html/page.html") B of $(wc -c <"$work/html/page.html") B; default view (one period) $(gz "$work/default.html") B of $(wc -c <"$work/default.html") B (target <= 61440)" >&2
run() { # name url -> rps
  curl -fs "$2" -o /dev/null
  wrk -t2 -c32 -d"${warmup}s" --latency "$2" >/dev/null
  local out; out=$(wrk -t2 -c32 -d"${duration}s" --latency "$2")
  local rps p99; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-30s %12s req/s   p99 %s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; compare ratios, not absolutes)" >&2
nginx_rps=$(run "nginx static file" "http://127.0.0.1:$nginx_port$full")
uncached_rps=$(run "app, no output cache, all plays" "http://127.0.0.1:$uncached_port$full")
default_rps=$(run "app, no output cache, default" "http://127.0.0.1:$uncached_port$path")
other=$(psql -qtA -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse -c "SELECT id FROM games WHERE espn_id <> '401808279' ORDER BY id LIMIT 1")
plain=$(curl -s -o /dev/null -w "%{redirect_url}" "http://127.0.0.1:$uncached_port/mens-college-basketball/games/$other" | sed "s#^https\?://[^/]*##")
run "app, a game without detail" "http://127.0.0.1:$uncached_port$plain" >/dev/null
python3 - "$uncached_rps" "$default_rps" "$nginx_rps" >&2 <<'PY'
import sys
u, d, n = (float(x) for x in sys.argv[1:])
print(f"ratio uncached(all plays)/nginx  {u / n:.2f}  (target >= 0.1)")
print(f"ratio uncached(default)/nginx    {d / n:.2f}")
PY
