#!/usr/bin/env bash
# `make bench`: runs every benchmark folder's run.sh (bench/*/run.sh); figures are recorded in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for script in bench/*/run.sh; do
  echo "bench: $script"
  bash "$script"
done
