#!/usr/bin/env bash
# The ingest benchmark (not a test) on a throwaway PostgreSQL cluster: see bench/README.md.
# Usage: bash bench/ingest/run.sh [arguments passed to the runner after the fixtures folder]
exec bash "$(dirname "$0")/../with-database.sh" ingest "$@"
