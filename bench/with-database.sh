#!/usr/bin/env bash
# Runs one .NET benchmark project (bench/NAME) against a throwaway PostgreSQL cluster on a free port, removed at the
# end, passing ../shared/fixtures and any further arguments. Used by bench/ingest/run.sh and bench/backfill/run.sh.
# Usage: bash bench/with-database.sh NAME [arguments after the fixtures folder]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
name=${1:?usage: bench/with-database.sh NAME [args]}
shift
fixtures=$(cd "$root/../shared/fixtures" 2>/dev/null && pwd) || { echo "bench: ../shared/fixtures is missing beside the checkout" >&2; exit 1; }
pgdir="$root/.data/bench-$name-$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cleanup() { bash build/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
bash build/pg-cluster.sh start "$pgdir" "$port" >/dev/null
bash build/pg-cluster.sh createdb "$pgdir" "$port" bench >/dev/null
ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$port;Database=bench;Username=gamepulse" \
  dotnet run -c Release --project "bench/$name" -- "$fixtures" "$@"
