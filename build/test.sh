#!/usr/bin/env bash
# `make test`: install what is missing, restore, build and run every test. The test run starts its own throwaway
# PostgreSQL cluster (.data/test-<pid>) and stops it at the end; this script also stops any cluster a crashed run left.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash build/deps.sh || exit 1

cleanup() {
  for dir in "$root"/.data/test-*; do
    [ -e "$dir" ] || continue
    bash build/pg-cluster.sh stop "$dir" >/dev/null 2>&1 || true
    rm -rf "$(readlink -f "$dir")" "$dir"
  done
}
trap cleanup EXIT

rm -rf TestResults
dotnet build GamePulse.sln -c Release --nologo -v q -clp:ErrorsOnly || exit 1
dotnet test GamePulse.sln -c Release --no-build --nologo \
  --settings GamePulse.Tests/MSTestSettings.runsettings \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory TestResults
status=$?
exit $status
