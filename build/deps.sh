#!/usr/bin/env bash
# Installs what `make run` and `make test` need on a fresh Debian machine that has the .NET SDK and Node:
# PostgreSQL server binaries, Chromium (browser tests), nginx (nginx tests), the share cards' font and the npm packages.
# As root it uses apt-get; otherwise it prints the exact command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have_pg() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_pg || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
if [ "${GAMEPULSE_SKIP_BROWSER:-0}" != 1 ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
# The share cards' font (ShareCards__RegularFontFile, decision 0440).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deps: installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "deps: missing ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

command -v dotnet >/dev/null 2>&1 || { echo "deps: the .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "deps: Node.js and npm are required: sudo apt-get install -y nodejs npm" >&2; exit 1; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build:assets >/dev/null
