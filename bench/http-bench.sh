#!/usr/bin/env bash
# Shared by the HTTP benchmarks (bench/web/run.sh, bench/gamepage/run.sh); source it, do not run it. It gives each
# benchmark a throwaway PostgreSQL cluster on a free port (removed on exit with every process it started), a Release
# build, a migrated database, the app on free ports, nginx serving one saved page as a static file, and one wrk
# measurement with warm-up, so every figure in bench/README.md compares the app and nginx from the same run.
# Needs wrk, nginx and the PostgreSQL binaries (apt-get install wrk nginx-light).
set -euo pipefail

bench_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# bench_setup NAME DURATION: cd to the checkout, start and migrate the database, build; sets root, work, pg_port,
# duration, warmup and exports ConnectionStrings__GamePulse and the production-like settings.
bench_setup() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  root=$(pwd)
  duration=${2:-15}
  warmup=$(( duration > 20 ? duration : 20 )) # tiered JIT needs ~20 s of load to settle
  work=$(mktemp -d)
  bench_pgdir="$root/.data/bench-$1-$$"
  bench_pids=()
  pg_port=$(bench_free_port)
  trap bench_cleanup EXIT
  command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
  bash build/pg-cluster.sh start "$bench_pgdir" "$pg_port" >/dev/null
  bash build/pg-cluster.sh createdb "$bench_pgdir" "$pg_port" gamepulse >/dev/null
  export ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$pg_port;Database=gamepulse;Username=gamepulse"
  export Site__PublicBaseUrl=https://gamepulse.example Logging__MinimumLevel=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
  dotnet build GamePulse.sln -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
  worker="dotnet GamePulse.Worker/bin/Release/net10.0/GamePulse.Worker.dll"
  $worker migrate >/dev/null
}

bench_cleanup() {
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  bash build/pg-cluster.sh stop "$bench_pgdir" >/dev/null 2>&1 || true
  rm -rf "$bench_pgdir" "$work"
}

bench_psql() { psql -qtA -h 127.0.0.1 -p "$pg_port" -U gamepulse -d gamepulse "$@"; }

# bench_start_web NAME READY_PATH [VAR=value ...]: starts the Web with those settings on a free port, waits until
# READY_PATH answers, and prints the port.
bench_start_web() {
  local name=$1 ready=$2 port; shift 2
  port=$(bench_free_port)
  env "$@" dotnet GamePulse.Web/bin/Release/net10.0/GamePulse.Web.dll --contentRoot "$root/GamePulse.Web" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  bench_pids+=($!)
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port$ready" -o /dev/null && break; sleep 0.2; done
  echo "$port"
}

# bench_nginx FILE: nginx (2 workers, as many as cores) serves FILE for every path on a free port; sets nginx_port.
bench_nginx() {
  nginx_port=$(bench_free_port)
  mkdir -p "$work/html"
  cp "$1" "$work/html/page.html"
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
}

bench_gz() { gzip -9 -c "$1" | wc -c; }

bench_load() { echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; compare ratios, not absolutes)" >&2; }

# bench_run NAME URL: a warm-up pass, then wrk -t2 -c32 for the duration; prints the line to stderr and req/s to stdout.
bench_run() {
  curl -fs "$2" -o /dev/null
  wrk -t2 -c32 -d"${warmup}s" --latency "$2" >/dev/null
  local out rps p99
  out=$(wrk -t2 -c32 -d"${duration}s" --latency "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-32s %12s req/s   p99 %s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}

# bench_ratio LABEL APP_RPS NGINX_RPS [TARGET]
bench_ratio() { python3 -c "import sys; a, n = float(sys.argv[2]), float(sys.argv[3]); print(f'ratio {sys.argv[1]:<28} {a / n:.3f}' + (f'  (target >= {sys.argv[4]})' if len(sys.argv) > 4 else ''))" "$@" >&2; }
