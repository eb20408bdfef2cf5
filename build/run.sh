#!/usr/bin/env bash
# `make run`: everything a person needs to browse GamePulse locally, in the foreground; Ctrl-C stops it all.
#  - with no ConnectionStrings__GamePulse set: a project-local PostgreSQL cluster in .data/pg on 127.0.0.1:54329
#    (created on first run, reused after), database "gamepulse";
#  - the local SES server (aws-ses-v2-local) on 127.0.0.1:8005, whose inbox page shows the emails the Worker sends;
#  - migrations (GamePulse.Worker migrate), then the Worker and the Web on http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash build/deps.sh

pg_port=${GAMEPULSE_PG_PORT:-54329}
pids=()
started_pg=0
stop_all() {
  trap - INT TERM EXIT
  echo; echo "run: stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "$started_pg" = 1 ] && bash build/pg-cluster.sh stop "$root/.data/pg" && echo "run: PostgreSQL stopped"
}
trap stop_all INT TERM EXIT

if [ -z "${ConnectionStrings__GamePulse:-}" ]; then
  bash build/pg-cluster.sh start "$root/.data/pg" "$pg_port"
  started_pg=1
  bash build/pg-cluster.sh createdb "$root/.data/pg" "$pg_port" gamepulse
  export ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$pg_port;Database=gamepulse;Username=gamepulse"
  echo "run: PostgreSQL on 127.0.0.1:$pg_port (data in .data/pg)"
fi

export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development} ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Site__PublicBaseUrl=${Site__PublicBaseUrl:-http://localhost:8080}
export Ses__EndpointUrl=${Ses__EndpointUrl:-http://127.0.0.1:8005}
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-local} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-local}

dotnet build GamePulse.sln -c Debug --nologo -v q -clp:ErrorsOnly
dotnet run --no-build --project GamePulse.Worker -- migrate

if [ -x node_modules/.bin/aws-ses-v2-local ]; then
  node_modules/.bin/aws-ses-v2-local --host 127.0.0.1 --port 8005 >"$root/.data/ses.log" 2>&1 &
  pids+=($!)
  echo "run: local SES inbox: http://127.0.0.1:8005 (emails the Worker sends appear there)"
fi

dotnet run --no-build --project GamePulse.Worker -- run &
pids+=($!)
dotnet run --no-build --project GamePulse.Web -- --urls http://localhost:8080 &
pids+=($!)
echo "run: GamePulse on http://localhost:8080 (Ctrl-C stops everything)"
wait -n "${pids[@]}" || true
