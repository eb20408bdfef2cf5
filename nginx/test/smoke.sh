#!/usr/bin/env bash
# Live smoke test of the rendered nginx config against a stand-in upstream,
# loopback only. Checks: proxying + X-Forwarded-*, micro-cache MISS/HIT/BYPASS
# and the HX-Request key, fingerprinted static caching, gzip, headers, 429 on
# repeated login POSTs, stale-on-error, and the 503 maintenance page.
#
#   nginx/test/smoke.sh            (needs nginx, python3, curl)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/gamepulse-nginx-smoke.XXXXXX)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
up_port=$(free_port)
ng_port=$(free_port)

up_pid=""
cleanup() {
  [ -n "$up_pid" ] && kill "$up_pid" 2>/dev/null || true
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  sleep 0.3
  rm -rf "$work"
}
trap cleanup EXIT

GAMEPULSE_WEB_UPSTREAM="127.0.0.1:$up_port" NGINX_LISTEN_PORT="$ng_port" \
  "$here/render.sh" "$work" plain >/dev/null

python3 "$here/upstream.py" "$up_port" &
up_pid=$!
nginx -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -g "pid $work/nginx.pid;"

base="http://127.0.0.1:$ng_port"
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$up_port/" && break; sleep 0.1; done

fails=0
passes=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "  ok   $name"; passes=$((passes + 1)); else echo "  FAIL $name"; fails=$((fails + 1)); fi
}
hdr() { # hdr FILE NAME -> header value (case-insensitive), trimmed
  grep -i "^$2:" "$1" | tail -n1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'
}
get() { # get OUT_PREFIX CURL_ARGS... -> OUT_PREFIX.h (headers) OUT_PREFIX.b (body)
  local out=$1; shift
  curl -s -D "$out.h" -o "$out.b" "$@"
}
status() { head -n1 "$1.h" | awk '{print $2}'; }

echo "nginx smoke test (nginx on 127.0.0.1:$ng_port -> upstream 127.0.0.1:$up_port)"

get "$work/r1" "$base/"
get "$work/r2" "$base/"
check "GET / proxied (200)"                 [ "$(status "$work/r1")" = 200 ]
check "first GET / is a cache MISS"          [ "$(hdr "$work/r1.h" X-Cache-Status)" = MISS ]
check "second GET / is a cache HIT"          [ "$(hdr "$work/r2.h" X-Cache-Status)" = HIT ]
check "HIT served the cached body"           [ "$(hdr "$work/r1.h" X-Upstream-Count)" = "$(hdr "$work/r2.h" X-Upstream-Count)" ]
check "X-Forwarded-For/Proto reach the app"  grep -q 'xff=127.0.0.1 proto=http' "$work/r1.b"
check "Server header without version"        [ "$(hdr "$work/r1.h" Server)" = nginx ]
check "Permissions-Policy added"             [ -n "$(hdr "$work/r1.h" Permissions-Policy)" ]
check "no HSTS on plain HTTP"                [ -z "$(hdr "$work/r1.h" Strict-Transport-Security)" ]

get "$work/hx1" -H 'HX-Request: true' "$base/nba/scores/2025-03-01"
get "$work/hx2" -H 'HX-Request: true' "$base/nba/scores/2025-03-01"
get "$work/full" "$base/nba/scores/2025-03-01"
check "/{league}/scores/{date} cached (htmx)"  [ "$(hdr "$work/hx2.h" X-Cache-Status)" = HIT ]
check "HX-Request is part of the cache key"  [ "$(hdr "$work/full.h" X-Cache-Status)" = MISS ]
check "htmx fragment came from htmx request" grep -q 'hx=true' "$work/hx2.b"

get "$work/auth" -H 'Cookie: gp_auth=abc' "$base/"
check "gp_auth cookie bypasses the cache"    [ "$(hdr "$work/auth.h" X-Cache-Status)" = BYPASS ]

get "$work/game" "$base/nba/games/123"
check "other pages are not cached"           [ -z "$(hdr "$work/game.h" X-Cache-Status)" ]

get "$work/gz" -H 'Accept-Encoding: gzip' "$base/nba/games/124"
check "gzip for HTML"                        [ "$(hdr "$work/gz.h" Content-Encoding)" = gzip ]

get "$work/s1" "$base/css/site.css?v=abc123"
get "$work/s2" "$base/css/site.css"
check "fingerprinted static is immutable"    [ "$(hdr "$work/s1.h" Cache-Control)" = "public, max-age=31536000, immutable" ]
check "unfingerprinted static is not"        [ -z "$(hdr "$work/s2.h" Cache-Control)" ]

codes=""
for _ in $(seq 8); do
  codes="$codes $(curl -s -o /dev/null -w '%{http_code}' -X POST --data 'u=a&p=b' "$base/account/login")"
done
get "$work/l429" -X POST --data 'u=a&p=b' "$base/Account/Login"
get "$work/lget" "$base/account/login"
echo "       login POST statuses:$codes"
check "login POSTs over the burst get 429"   grep -q 429 <<<"$codes"
check "first login POSTs pass (200)"         [ "$(awk '{print $1}' <<<"$codes")" = 200 ]
check "/Account/Login (case) also limited"   [ "$(status "$work/l429")" = 429 ]
check "429 carries Retry-After"              [ "$(hdr "$work/l429.h" Retry-After)" = 60 ]
check "GET /account/login is not limited"    [ "$(status "$work/lget")" = 200 ]

big=$(head -c 70000 /dev/zero | tr '\0' 'a')
check "body over 64k rejected (413)"         [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST --data "$big" "$base/admin")" = 413 ]

# Upstream down.
kill "$up_pid"; wait "$up_pid" 2>/dev/null || true; up_pid=""
sleep 6   # let the 5 s micro-cache entry for / expire
get "$work/m1" "$base/nba/games/125"
get "$work/st" "$base/"
check "upstream down -> 503"                 [ "$(status "$work/m1")" = 503 ]
check "maintenance page served"              grep -q "We'll be right back" "$work/m1.b"
check "maintenance has Retry-After"          [ "$(hdr "$work/m1.h" Retry-After)" = 30 ]
check "maintenance has its own CSP"          grep -q "default-src 'none'" <<<"$(hdr "$work/m1.h" Content-Security-Policy)"
check "expired cached / served STALE"        [ "$(hdr "$work/st.h" X-Cache-Status)" = STALE ]
check "direct /maintenance.html is 404"      [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/maintenance.html")" = 404 ]
check "nginx own health probe"               [ "$(curl -s "$base/_nginx/health")" = ok ]

if grep -q '\[emerg\]\|\[crit\]' "$work/error.log"; then
  echo "  error.log:"; sed 's/^/    /' "$work/error.log"
fi
check "access log is JSON"                   python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/access.log"
curl -s -o /dev/null "$base/account/verify?token=smoke-s3cr3t-token"
curl -s -o /dev/null "$base/fans/smoke%2540example.com/x?email=smoke@example.com"
sleep 0.2
check "no query string in the access log"    bash -c '! grep -q "smoke-s3cr3t-token\|?email" "$1"' _ "$work/access.log"
check "addresses masked in the access log"   bash -c 'grep -q "/fans/\[email\]" "$1" && ! grep -qi "smoke%2540\|smoke@\|smoke%40" "$1"' _ "$work/access.log"

echo "smoke: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
