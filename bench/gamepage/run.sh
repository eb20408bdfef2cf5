#!/usr/bin/env bash
# Game page benchmark (not a test): the overtime final's page with its full box score and play-by-play (581 plays)
# rendered by the app without output caching, against nginx serving the same bytes as a static file, with wrk on
# loopback; plus the page weight. Data arrives as in production: the 2026-03-03 scoreboard and the game's summary
# replayed with `ingest --file`. "No output cache" still shares a game's data between requests (GamePageCache), as
# bench/web's does a scoreboard day's; "no caches at all" reads and renders every request. Set-up: bench/http-bench.sh.
# Usage: bash bench/gamepage/run.sh [duration-seconds]   (needs wrk, nginx, PostgreSQL binaries)
source "$(dirname "$0")/../http-bench.sh"
bench_setup gamepage "${1:-15}"
fixtures=$(cd "$root/../shared/fixtures" && pwd)
$worker ingest --league mens --file "$fixtures/espn/scoreboard-2026-03-03-groups50-final.json" >/dev/null
$worker ingest --league mens --file "$fixtures/espn/summary-401808279-final-ot.json" >/dev/null
id=$(bench_psql -c "SELECT id FROM games WHERE espn_id = '401808279'")
other=$(bench_psql -c "SELECT id FROM games WHERE espn_id <> '401808279' ORDER BY id LIMIT 1")

uncached_port=$(bench_start_web uncached /healthz PageCache__Enabled=false)
nodata_port=$(bench_start_web nodata /healthz PageCache__Enabled=false PageCache__DataEnabled=false)
canonical() { curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$uncached_port/mens-college-basketball/games/$1" | sed 's#^https\?://[^/]*##'; }
path=$(canonical "$id")
full="$path?period=all"
plain=$(canonical "$other")

curl -fs "http://127.0.0.1:$uncached_port$full" -o "$work/page.html"
curl -fs "http://127.0.0.1:$uncached_port$path" -o "$work/default.html"
bench_nginx "$work/page.html"
echo "page weight (gzip -9): every play ($full) $(bench_gz "$work/page.html") B of $(wc -c <"$work/page.html") B; default view (one period) $(bench_gz "$work/default.html") B of $(wc -c <"$work/default.html") B (target <= 61440)" >&2
bench_load
nginx_rps=$(bench_run "nginx static file" "http://127.0.0.1:$nginx_port$full")
uncached_rps=$(bench_run "app, no output cache, all plays" "http://127.0.0.1:$uncached_port$full")
default_rps=$(bench_run "app, no output cache, default" "http://127.0.0.1:$uncached_port$path")
plain_rps=$(bench_run "app, a game without detail" "http://127.0.0.1:$uncached_port$plain")
nodata_rps=$(bench_run "app, no caches, all plays" "http://127.0.0.1:$nodata_port$full")
bench_ratio "uncached(all plays)/nginx" "$uncached_rps" "$nginx_rps" 0.1
bench_ratio "uncached(default)/nginx" "$default_rps" "$nginx_rps"
bench_ratio "uncached(no detail)/nginx" "$plain_rps" "$nginx_rps"
bench_ratio "no caches(all plays)/nginx" "$nodata_rps" "$nginx_rps"
