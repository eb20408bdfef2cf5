#!/usr/bin/env bash
# Web benchmark (not a test): the 150-game scoreboard served by the app with output caching, without it, and the
# same HTML bytes as a static file from nginx, all with wrk on loopback in one run; plus the page weight.
# "No output cache" still shares each day's games between requests (LeagueDayCache); "no caches at all" turns that off
# too, so every request queries PostgreSQL and renders. The set-up is bench/http-bench.sh's, shared with bench/gamepage.
# Usage: bash bench/web/run.sh [duration-seconds]   (needs wrk, nginx, PostgreSQL binaries: apt-get install wrk nginx-light)
source "$(dirname "$0")/../http-bench.sh"
bench_setup web "${1:-15}"
bench_psql -f bench/web/seed-150.sql >/dev/null

path=/mens-college-basketball/scores/2025-02-22
cached_port=$(bench_start_web cached "$path")
uncached_port=$(bench_start_web uncached "$path" PageCache__Enabled=false)
nodata_port=$(bench_start_web nodata "$path" PageCache__Enabled=false PageCache__DataEnabled=false)

curl -fs "http://127.0.0.1:$cached_port$path" -o "$work/page.html"
bench_nginx "$work/page.html"
curl -fs "http://127.0.0.1:$cached_port/css/site.css" -o "$work/site.css"
echo "page weight (gzip -9): HTML $(bench_gz "$work/page.html") B (target <= 40960), CSS $(bench_gz "$work/site.css") B, JS $(( $(bench_gz GamePulse.Web/wwwroot/lib/htmx/htmx.min.js) + $(bench_gz GamePulse.Web/wwwroot/lib/htmx-ext-sse/sse.min.js) + $(bench_gz GamePulse.Web/wwwroot/js/live.js) + $(bench_gz GamePulse.Web/wwwroot/js/viewer-settings.js) )) B (htmx + htmx-ext-sse + live.js + viewer-settings.js; target <= 20480)" >&2
bench_load
echo "wrk -t2 -c32 -d${duration}s on loopback, $(nproc) cores, 150-game scoreboard ($(wc -c <"$work/page.html") bytes HTML)" >&2
nginx_rps=$(bench_run "nginx static file" "http://127.0.0.1:$nginx_port$path")
cached_rps=$(bench_run "app, output cache" "http://127.0.0.1:$cached_port$path")
uncached_rps=$(bench_run "app, no output cache" "http://127.0.0.1:$uncached_port$path")
nodata_rps=$(bench_run "app, no caches at all" "http://127.0.0.1:$nodata_port$path")
bench_ratio "cached/nginx" "$cached_rps" "$nginx_rps" 0.5
bench_ratio "uncached/nginx" "$uncached_rps" "$nginx_rps" 0.1
bench_ratio "no-caches/nginx" "$nodata_rps" "$nginx_rps"
