#!/usr/bin/env bash
# Static checks of the deployment files, for CI and for humans:
#
#   1. nginx: render the templates (plain and TLS variants) with test values
#      into a temp dir and run `nginx -t` on each
#   2. nginx smoke test (nginx/test/smoke.sh): live proxying, micro-cache, 429,
#      maintenance page against a stand-in upstream on loopback
#   3. compose: `docker-compose config -q` (or `docker compose config -q`) on
#      docker-compose.yml and on docker-compose.yml + docker-compose.prod.yml,
#      with an .env made from .env.example
#   4. terraform: `terraform fmt -check -recursive infrastructure`
#
#   nginx/check.sh [--no-smoke] [--allow-missing] [--no-install]
#
# Tools: run as root on Debian, missing apt packages (nginx-light,
# docker-compose, gettext-base for envsubst, curl, openssl) are installed first
# unless --no-install. A tool that is still missing fails its check, unless
# --allow-missing (then SKIP). Terraform is not a Debian package and cannot be
# installed here: without it the fmt check is always SKIPPED (reported).
# Exit status: 0 only if nothing failed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

smoke=1
allow_missing=0
install=1
for arg in "$@"; do
  case "$arg" in
    --no-smoke) smoke=0 ;;
    --allow-missing) allow_missing=1 ;;
    --no-install) install=0 ;;
    -h|--help) sed -n "2,22p" "$0"; exit 0 ;;
    *) echo "check.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/gamepulse-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
skipped=0
ok()   { echo "PASS  $*"; passed=$((passed + 1)); }
bad()  { echo "FAIL  $*"; failed=$((failed + 1)); }
skip() {
  if [ "$allow_missing" = 1 ]; then echo "SKIP  $*"; skipped=$((skipped + 1));
  else echo "FAIL  $* (use --allow-missing to skip)"; failed=$((failed + 1)); fi
}
have() { command -v "$1" >/dev/null 2>&1; }

# --- 0. tools ------------------------------------------------------------------
if [ "$install" = 1 ] && [ "$(id -u)" = 0 ] && have apt-get; then
  pkgs=()
  have nginx || pkgs+=(nginx-light)
  have envsubst || pkgs+=(gettext-base)
  have curl || pkgs+=(curl)
  have openssl || pkgs+=(openssl)
  have docker-compose || { have docker && docker compose version >/dev/null 2>&1; } || pkgs+=(docker-compose)
  if [ ${#pkgs[@]} -gt 0 ]; then
    echo "installing ${pkgs[*]} (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}"; } \
      >"$work/apt.log" 2>&1 || { tail -n 20 "$work/apt.log"; echo "apt-get install failed"; }
  fi
fi

# --- 1. nginx -t on the rendered templates -----------------------------------
if have nginx && have envsubst; then
  for variant in plain tls; do
    dir="$work/nginx-$variant"
    if ! "$here/test/render.sh" "$dir" "$variant" >"$work/render-$variant.log" 2>&1; then
      cat "$work/render-$variant.log"; bad "nginx: render $variant templates"; continue
    fi
    if nginx -t -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g "pid $dir/nginx.pid;" \
         >"$work/nginx-t-$variant.log" 2>&1; then
      ok "nginx -t ($variant: templates rendered with test values, $(nginx -v 2>&1 | sed 's/.*: //'))"
    else
      sed 's/^/      /' "$work/nginx-t-$variant.log"; bad "nginx -t ($variant)"
    fi
  done
else
  skip "nginx -t (nginx or envsubst not installed)"
fi

# --- 2. smoke test -----------------------------------------------------------
if [ "$smoke" = 1 ]; then
  if have nginx && have python3 && have curl && have openssl; then
    if "$here/test/smoke.sh" >"$work/smoke.log" 2>&1; then
      ok "nginx smoke test ($(tail -n1 "$work/smoke.log"))"
    else
      sed 's/^/      /' "$work/smoke.log"; bad "nginx smoke test"
    fi
  else
    skip "nginx smoke test (needs nginx, python3, curl, openssl)"
  fi
fi

# --- 3. compose config -------------------------------------------------------
compose=()
if have docker-compose; then compose=(docker-compose)
elif have docker && docker compose version >/dev/null 2>&1; then compose=(docker compose)
fi
if [ ${#compose[@]} -gt 0 ]; then
  # Validate with the example settings, never with a developer's real .env.
  cp "$root/.env.example" "$work/compose.env"
  for files in "docker-compose.yml" "docker-compose.yml docker-compose.prod.yml"; do
    args=()
    for f in $files; do args+=(-f "$root/$f"); done
    if (cd "$root" && "${compose[@]}" --env-file "$work/compose.env" --project-directory "$root" "${args[@]}" config -q) \
         >"$work/compose.log" 2>&1; then
      ok "${compose[*]} config -q ($files)"
    else
      sed 's/^/      /' "$work/compose.log"; bad "${compose[*]} config ($files)"
    fi
  done
else
  skip "compose config (neither docker-compose nor the docker compose plugin is installed)"
fi

# --- 4. terraform fmt --------------------------------------------------------
if have terraform; then
  if (cd "$root" && terraform fmt -check -recursive infrastructure) >"$work/tf.log" 2>&1; then
    ok "terraform fmt -check -recursive infrastructure"
  else
    sed 's/^/      /' "$work/tf.log"; bad "terraform fmt -check -recursive infrastructure (files listed above)"
  fi
else
  # Not installable from the package registries this project can reach.
  echo "SKIP  terraform fmt -check (terraform is not installed; not a Debian package)"
  skipped=$((skipped + 1))
fi

# (Deliberately not the "N passed, N failed" shape: CI's own summary line
# comes after this one and must be the one that counts.)
echo "deployment checks: $passed ok, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
