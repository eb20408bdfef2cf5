#!/usr/bin/env bash
# Email benchmark (see bench/README.md): a throwaway PostgreSQL cluster and the local SES server on free ports,
# then the bench program (Web on Kestrel + Worker dispatcher in-process). Usage: bench/email/run.sh [requests=100]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pg_port=$(free_port); ses_port=$(free_port)
data="$root/.data/bench-email-$$"
ses_pid=""
cleanup() {
  [ -n "$ses_pid" ] && kill "$ses_pid" 2>/dev/null || true
  bash build/pg-cluster.sh stop "$data" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
bash build/pg-cluster.sh start "$data" "$pg_port" >/dev/null
bash build/pg-cluster.sh createdb "$data" "$pg_port" gamepulse_bench >/dev/null
node_modules/.bin/aws-ses-v2-local --host 127.0.0.1 --port "$ses_port" >/dev/null 2>&1 &
ses_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$ses_port/health-check" >/dev/null && break; sleep 0.1; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
dotnet run -c Release --project bench/email -v q -- \
  "Host=127.0.0.1;Port=$pg_port;Username=gamepulse;Database=gamepulse_bench" "http://127.0.0.1:$ses_port" "$root/GamePulse.Web" "${1:-100}" \
  | grep -v '^{'
