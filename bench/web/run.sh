#!/usr/bin/env bash
# Web benchmark (not a test): the 150-game scoreboard served by the app with output caching, without it, and the
# same HTML bytes as a static file from nginx, all with wrk on loopback in one run; plus the page weight.
# "No output cache" still shares each day's games between requests (LeagueDayCache); "no caches at all" turns that off
# too, so every request queries PostgreSQL and renders.
# Usage: bash bench/web/run.sh [duration-seconds]   (needs wrk, nginx, PostgreSQL binaries: apt-get install wrk nginx-light)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${1:-15}
warmup=$(( duration > 20 ? duration : 20 ))
work=$(mktemp -d)
pgdir="$root/.data/bench-web-$$"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pg_port=$(free_port); cached_port=$(free_port); uncached_port=$(free_port); nodata_port=$(free_port); nginx_port=$(free_port)
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
dotnet GamePulse.Worker/bin/Release/net10.0/GamePulse.Worker.dll migrate >/dev/null
psql -q -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse -f bench/web/seed-150.sql

path=/mens-college-basketball/scores/2025-02-22
dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$cached_port" >"$work/cached.log" 2>&1 & pids+=($!)
PageCache__Enabled=false dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$uncached_port" >"$work/uncached.log" 2>&1 & pids+=($!)
PageCache__Enabled=false PageCache__DataEnabled=false dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$nodata_port" >"$work/nodata.log" 2>&1 & pids+=($!)
for port in $cached_port $uncached_port $nodata_port; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port$path" -o /dev/null && break; sleep 0.2; done
done

mkdir -p "$work/html/mens-college-basketball/scores"
curl -fs "http://127.0.0.1:$cached_port$path" -o "$work/html/page.html"
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
curl -fs "http://127.0.0.1:$cached_port/css/site.css" -o "$work/site.css"
echo "page weight (gzip -9): HTML $(gz "$work/html/page.html") B (target <= 40960), CSS $(gz "$work/site.css") B, JS $(( $(gz GamePulse.Web/wwwroot/lib/htmx/htmx.min.js) + $(gz GamePulse.Web/wwwroot/lib/htmx-ext-sse/sse.min.js) + $(gz GamePulse.Web/wwwroot/js/live.js) )) B (htmx + htmx-ext-sse + live.js; target <= 20480)" >&2
run() { # name url -> "rps p99"
  curl -fs "$2" -o /dev/null # warm
  wrk -t2 -c32 -d"${warmup}s" --latency "$2" >/dev/null # warm-up pass: tiered JIT needs ~20 s of load to settle
  local out; out=$(wrk -t2 -c32 -d"${duration}s" --latency "$2")
  local rps p99; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-26s %12s req/s   p99 %s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; compare ratios, not absolutes)" >&2
echo "wrk -t2 -c32 -d${duration}s on loopback, $(nproc) cores, 150-game scoreboard ($(wc -c <"$work/html/page.html") bytes HTML)" >&2
nginx_rps=$(run "nginx static file" "http://127.0.0.1:$nginx_port$path")
cached_rps=$(run "app, output cache" "http://127.0.0.1:$cached_port$path")
uncached_rps=$(run "app, no output cache" "http://127.0.0.1:$uncached_port$path")
nodata_rps=$(run "app, no caches at all" "http://127.0.0.1:$nodata_port$path")
python3 - "$cached_rps" "$uncached_rps" "$nodata_rps" "$nginx_rps" >&2 <<'PY'
import sys
c, u, d, n = (float(x) for x in sys.argv[1:])
print(f"ratio cached/nginx      {c / n:.2f}  (target >= 0.5)")
print(f"ratio uncached/nginx    {u / n:.2f}  (target >= 0.1; renders every request from the shared game data)")
print(f"ratio no-caches/nginx   {d / n:.2f}  (every request also queries PostgreSQL)")
PY
