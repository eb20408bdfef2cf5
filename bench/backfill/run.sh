#!/usr/bin/env bash
# The backfill benchmark (not a test) on a throwaway PostgreSQL cluster: see bench/README.md.
# Usage: bash bench/backfill/run.sh [arguments passed to the runner after the fixtures folder]
exec bash "$(dirname "$0")/../with-database.sh" backfill "$@"
