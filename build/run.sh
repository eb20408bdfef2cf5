#!/usr/bin/env bash
# `make run`: everything a person needs to browse GamePulse locally, in the foreground; Ctrl-C stops it all.
#  - with no ConnectionStrings__GamePulse set: a project-local PostgreSQL cluster in .data/pg on 127.0.0.1:54329
#    (created on first run, reused after), database "gamepulse";
#  - the local SES server (aws-ses-v2-local) on 127.0.0.1:8005, whose inbox page shows the emails the Worker sends;
#  - migrations (GamePulse.Worker migrate), then the Worker and the Web on http://localhost:8080.
# `make demo` (build/demo.sh) runs this with GAMEPULSE_FEED_SIMULATOR set: the feed simulator starts first and the
# Worker reads ESPN's paths from it. GAMEPULSE_WEB_PORT, GAMEPULSE_SES_PORT, GAMEPULSE_DB_NAME, GAMEPULSE_CONFIGURATION
# and GAMEPULSE_SKIP_BUILD=1 (use the existing build) let a test run it beside other processes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash build/deps.sh

pg_port=${GAMEPULSE_PG_PORT:-54329}
web_port=${GAMEPULSE_WEB_PORT:-8080} ses_port=${GAMEPULSE_SES_PORT:-8005} db_name=${GAMEPULSE_DB_NAME:-gamepulse}
config=${GAMEPULSE_CONFIGURATION:-Debug}
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
  [ "${GAMEPULSE_DB_FRESH:-0}" = 1 ] && psql -h 127.0.0.1 -p "$pg_port" -U gamepulse -d postgres -qc "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)"
  bash build/pg-cluster.sh createdb "$root/.data/pg" "$pg_port" "$db_name"
  export ConnectionStrings__GamePulse="Host=127.0.0.1;Port=$pg_port;Database=$db_name;Username=gamepulse"
  echo "run: PostgreSQL on 127.0.0.1:$pg_port (data in .data/pg)"
fi

export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development} ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Site__PublicBaseUrl=${Site__PublicBaseUrl:-http://localhost:$web_port}
export Ses__EndpointUrl=${Ses__EndpointUrl:-http://127.0.0.1:$ses_port}
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-local} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-local}

[ "${GAMEPULSE_SKIP_BUILD:-0}" = 1 ] || dotnet build GamePulse.sln -c "$config" --nologo -v q -clp:ErrorsOnly
# The built binaries, not `dotnet run`: a signal then reaches the process itself, so stopping the script stops them.
bin() { echo "$1/bin/$config/net10.0/$1.dll"; }
dotnet "$(bin GamePulse.Worker)" migrate

if [ -x node_modules/.bin/aws-ses-v2-local ]; then
  mkdir -p "$root/.data"
  node_modules/.bin/aws-ses-v2-local --host 127.0.0.1 --port "$ses_port" >"$root/.data/ses.log" 2>&1 &
  pids+=($!)
  echo "run: local SES inbox: http://127.0.0.1:$ses_port (emails the Worker sends appear there)"
fi

if [ -n "${GAMEPULSE_FEED_SIMULATOR:-}" ]; then
  sim_url="http://127.0.0.1:${GAMEPULSE_SIM_PORT:-8090}"
  # shellcheck disable=SC2086 # the simulator's options, word-split on purpose
  dotnet "$(bin GamePulse.FeedSimulator)" --urls "$sim_url" $GAMEPULSE_FEED_SIMULATOR &
  pids+=($!)
  for _ in $(seq 1 100); do curl -fs "$sim_url/_sim/slate" >/dev/null 2>&1 && break; sleep 0.2; done
  export Ingestion__EspnBaseUrl="$sim_url" Ingestion__Source=espn
  echo "run: feed simulator on $sim_url ($GAMEPULSE_FEED_SIMULATOR; score changes: $sim_url/_sim/events)"
fi

dotnet "$(bin GamePulse.Worker)" run &
pids+=($!)
dotnet "$(bin GamePulse.Web)" --urls "http://localhost:$web_port" &
pids+=($!)
echo "run: GamePulse on http://localhost:$web_port (Ctrl-C stops everything)"
wait -n "${pids[@]}" || true
