#!/usr/bin/env bash
# The backfill benchmark (not a test) on a throwaway PostgreSQL cluster: see bench/README.md.
# Usage: bash bench/backfill/run.sh [arguments passed to the runner after the fixtures folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
fixtures=$(cd "$root/../shared/fixtures" 2>/dev/null && pwd) || { echo "bench: ../shared/fixtures is missing beside the checkout" >&2; exit 1; }
pgdir="$root/.data/bench-backfill-$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cleanup() { bash build/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
bash build/pg-cluster.sh start "$pgdir" "$port" >/dev/null
bash build/pg-cluster.sh createdb "$pgdir" "$port" bench >/dev/null
ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$port;Database=bench;Username=gamepulse" \
  dotnet run -c Release --project bench/backfill -- "$fixtures" "$@"
