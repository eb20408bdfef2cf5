#!/usr/bin/env bash
# The summary store benchmark (not a test) on a throwaway PostgreSQL cluster: see bench/README.md.
# Usage: bash bench/summary/run.sh [iterations]
exec bash "$(dirname "$0")/../with-database.sh" summary "$@"
