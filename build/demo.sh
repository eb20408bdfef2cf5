#!/usr/bin/env bash
# `make demo`: everything `make run` starts (project-local PostgreSQL, local SES, Web, Worker), but the Worker is fed
# by the feed simulator (GamePulse.FeedSimulator) instead of ESPN: today's slate of real seeded teams, men's and
# women's, played at GAMEPULSE_DEMO_SPEED (default 10x), so the site shows live games changing within seconds, with no
# internet and out of season. Its own database (gamepulse_demo, recreated each time: the simulated games never mix with
# real ones, and a new run starts a new slate). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

export GAMEPULSE_DB_NAME=${GAMEPULSE_DB_NAME:-gamepulse_demo} GAMEPULSE_DB_FRESH=${GAMEPULSE_DB_FRESH:-1}
export GAMEPULSE_FEED_SIMULATOR=${GAMEPULSE_FEED_SIMULATOR:-"--seed ${GAMEPULSE_DEMO_SEED:-1} --speed ${GAMEPULSE_DEMO_SPEED:-10} --games 16 --first-tip -50 --tip-spacing 12"}
# The live cadence of the demo: the scoreboard every 2 s while games are live, summaries every 5 s.
export Ingestion__TickSeconds=${Ingestion__TickSeconds:-2} Ingestion__LiveIntervalSeconds=${Ingestion__LiveIntervalSeconds:-2}
export Summaries__TickSeconds=${Summaries__TickSeconds:-5} Summaries__LiveMinIntervalSeconds=${Summaries__LiveMinIntervalSeconds:-5}
export Summaries__LiveMaxAgeSeconds=${Summaries__LiveMaxAgeSeconds:-10}
exec bash build/run.sh
