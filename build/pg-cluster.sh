#!/usr/bin/env bash
# A project-local PostgreSQL cluster on 127.0.0.1, used by `make run` and by the test suite.
#   build/pg-cluster.sh start DATADIR PORT [extra postgres -c options...]   create if missing, start, wait
#   build/pg-cluster.sh stop DATADIR                                          fast shutdown (no error if not running)
#   build/pg-cluster.sh createdb DATADIR PORT NAME                            create a database if it does not exist
# The cluster trusts local TCP connections of user "gamepulse"; it listens on 127.0.0.1 only and has no unix socket.
# PostgreSQL refuses to run as root, so under root the cluster runs as the "postgres" system user.
set -euo pipefail

die() { echo "pg-cluster: $*" >&2; exit 1; }

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local candidate
  for candidate in /usr/lib/postgresql/*/bin/"$name"; do
    [ -x "$candidate" ] && { echo "$candidate"; return; }
  done
  return 1
}

ensure_binaries() {
  if find_bin initdb >/dev/null && find_bin pg_ctl >/dev/null; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "pg-cluster: PostgreSQL is missing; installing it with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    find_bin initdb >/dev/null || die "apt-get installed postgresql but initdb is still not found"
  else
    die "PostgreSQL is not installed. Install it with: sudo apt-get install -y postgresql"
  fi
}

# Runs a command as the cluster's owner: ourselves, or "postgres" when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cmd=${1:-}; datadir=${2:-}
[ -n "$cmd" ] && [ -n "$datadir" ] || die "usage: $0 start|stop|createdb DATADIR [PORT] ..."

case "$cmd" in
  start)
    port=${3:?port required}; shift 3
    ensure_binaries
    initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
    if [ "$(id -u)" = 0 ] && [ ! -e "$datadir" ]; then
      mkdir -p "$(dirname "$datadir")"
      # Under root the cluster belongs to "postgres", which must be able to reach the folder. A checkout inside a
      # private folder (mode 700, as mktemp makes) is not reachable: keep the cluster in /tmp and link it here.
      if ! as_owner test -x "$(cd "$(dirname "$datadir")" && pwd)"; then
        real="/tmp/gamepulse-pg/$(echo "$datadir" | sha1sum | cut -c1-12)"
        mkdir -p "$real" && chmod 755 /tmp/gamepulse-pg
        ln -sfn "$real" "$datadir"
        echo "pg-cluster: $datadir is not reachable by the postgres user; the cluster lives in $real" >&2
      fi
    fi
    mkdir -p "$datadir"
    datadir=$(cd "$datadir" && pwd -P)
    if [ "$(id -u)" = 0 ]; then
      chown postgres: "$datadir"
      as_owner test -x "$datadir" || die "the postgres user cannot reach $datadir"
    fi
    if [ ! -f "$datadir/PG_VERSION" ]; then
      as_owner "$initdb" -D "$datadir" -U gamepulse --auth=trust -E UTF8 --no-locale >"$datadir.initdb.log" 2>&1 \
        || { cat "$datadir.initdb.log" >&2; die "initdb failed"; }
      rm -f "$datadir.initdb.log"
    fi
    opts="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
    for extra in "$@"; do opts="$opts -c $extra"; done
    if as_owner "$pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
      echo "pg-cluster: already running in $datadir" >&2
    else
      as_owner "$pg_ctl" -D "$datadir" -o "$opts" -l "$datadir/postgresql.log" -w -t 60 start >/dev/null \
        || { tail -n 20 "$datadir/postgresql.log" >&2; die "PostgreSQL did not start (port $port in use?)"; }
    fi
    ;;
  stop)
    [ -f "$datadir/PG_VERSION" ] || exit 0
    datadir=$(cd "$datadir" && pwd -P)
    pg_ctl=$(find_bin pg_ctl) || exit 0
    as_owner "$pg_ctl" -D "$datadir" status >/dev/null 2>&1 || exit 0
    as_owner "$pg_ctl" -D "$datadir" -m fast -w stop >/dev/null
    ;;
  createdb)
    port=${3:?port required}; name=${4:?database name required}
    psql=$(find_bin psql) || die "psql is not installed (apt-get install postgresql-client)"
    exists=$("$psql" -h 127.0.0.1 -p "$port" -U gamepulse -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")
    [ "$exists" = 1 ] || "$psql" -h 127.0.0.1 -p "$port" -U gamepulse -d postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
    ;;
  *) die "unknown command $cmd" ;;
esac
