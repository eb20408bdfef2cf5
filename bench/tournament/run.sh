#!/usr/bin/env bash
# The tournament-day ingest benchmark (not a test) on a throwaway PostgreSQL cluster: see bench/README.md.
# Usage: bash bench/tournament/run.sh [iterations] [latencyMs] [requestsPerSecond]
exec bash "$(dirname "$0")/../with-database.sh" tournament "$@"
