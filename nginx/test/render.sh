#!/usr/bin/env bash
# Render the GamePulse nginx configuration into a self-contained directory that
# a local (Debian) nginx can load, unprivileged, without touching /etc or /var.
#
#   nginx/test/render.sh OUT_DIR [plain|tls]
#
# Result:
#   OUT_DIR/nginx.conf            copy of nginx/nginx.conf
#   OUT_DIR/mime.types            from the local nginx (or a minimal fallback)
#   OUT_DIR/snippets/*.conf       copy of nginx/snippets
#   OUT_DIR/conf.d/00-gamepulse-http.conf   rendered http-level template
#   OUT_DIR/conf.d/10-gamepulse-site.conf   rendered plain or TLS site template
#   OUT_DIR/{cache,tmp,acme,tls}/ writable dirs (tls: self-signed cert for "tls")
#
# Test it / run it (prints the exact commands at the end):
#   nginx -t -p OUT_DIR -c OUT_DIR/nginx.conf -e OUT_DIR/error.log -g "pid OUT_DIR/nginx.pid;"
#
# Every placeholder can be overridden from the environment (defaults below);
# the list is documented in nginx/README.md.
set -euo pipefail

out=${1:?usage: render.sh OUT_DIR [plain|tls]}
variant=${2:-plain}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
nginx_dir=$(cd "$here/.." && pwd)

mkdir -p "$out"
out=$(cd "$out" && pwd)
# Run as root, nginx's workers drop to an unprivileged user (nobody / nginx) and
# must be able to enter this directory (mktemp -d creates it 0700).
chmod 755 "$out"

export GAMEPULSE_WEB_UPSTREAM=${GAMEPULSE_WEB_UPSTREAM:-127.0.0.1:8080}
export GAMEPULSE_DOMAIN=${GAMEPULSE_DOMAIN:-localhost}
export NGINX_LISTEN_PORT=${NGINX_LISTEN_PORT:-8081}
export NGINX_TLS_LISTEN_PORT=${NGINX_TLS_LISTEN_PORT:-8443}
export NGINX_CACHE_DIR=${NGINX_CACHE_DIR:-$out/cache}
export NGINX_TEMP_DIR=${NGINX_TEMP_DIR:-$out/tmp}
# The maintenance page is copied next to the config: the workers cannot read a checkout inside a private folder.
if [ -z "${NGINX_HTML_DIR:-}" ]; then
  rm -rf "$out/html" && cp -r "$nginx_dir/html" "$out/html" && chmod -R a+rX "$out/html"
fi
export NGINX_HTML_DIR=${NGINX_HTML_DIR:-$out/html}
export NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-$out/access.log}
export NGINX_REAL_IP_FROM=${NGINX_REAL_IP_FROM:-127.0.0.1/32}
export NGINX_ACME_ROOT=${NGINX_ACME_ROOT:-$out/acme}
export NGINX_TLS_CERT_DIR=${NGINX_TLS_CERT_DIR:-$out/tls}

# Only our placeholders are substituted; nginx's own $variables stay as they are.
vars='${GAMEPULSE_WEB_UPSTREAM} ${GAMEPULSE_DOMAIN} ${NGINX_LISTEN_PORT} ${NGINX_TLS_LISTEN_PORT} ${NGINX_CACHE_DIR} ${NGINX_TEMP_DIR} ${NGINX_HTML_DIR} ${NGINX_ACCESS_LOG} ${NGINX_REAL_IP_FROM} ${NGINX_ACME_ROOT} ${NGINX_TLS_CERT_DIR}'

case "$variant" in
  plain) site_template=gamepulse-site.conf.template ;;
  tls)   site_template=gamepulse-site-tls.conf.template ;;
  *) echo "render.sh: unknown variant '$variant' (plain|tls)" >&2; exit 2 ;;
esac

mkdir -p "$out/conf.d" "$out/snippets" "$NGINX_TEMP_DIR" "$NGINX_ACME_ROOT" "$(dirname "$NGINX_CACHE_DIR")"
rm -f "$out"/conf.d/*.conf
cp "$nginx_dir/nginx.conf" "$out/nginx.conf"
cp "$nginx_dir"/snippets/*.conf "$out/snippets/"
envsubst "$vars" < "$nginx_dir/templates/gamepulse-http.conf.template" > "$out/conf.d/00-gamepulse-http.conf"
envsubst "$vars" < "$nginx_dir/templates/$site_template" > "$out/conf.d/10-gamepulse-site.conf"

# mime.types: the one shipped with the local nginx, else a minimal stand-in.
mime_src=""
for candidate in /etc/nginx/mime.types /usr/local/nginx/conf/mime.types /usr/local/etc/nginx/mime.types; do
  if [ -f "$candidate" ]; then mime_src=$candidate; break; fi
done
if [ -n "$mime_src" ]; then
  cp "$mime_src" "$out/mime.types"
else
  cat > "$out/mime.types" <<'TYPES'
types {
    text/html               html htm;
    text/css                css;
    application/javascript  js;
    application/json        json;
    image/svg+xml           svg;
    text/plain              txt;
    application/xml         xml;
}
TYPES
fi

if [ "$variant" = tls ] && [ ! -f "$NGINX_TLS_CERT_DIR/fullchain.pem" ]; then
  mkdir -p "$NGINX_TLS_CERT_DIR"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$GAMEPULSE_DOMAIN" \
    -keyout "$NGINX_TLS_CERT_DIR/privkey.pem" -out "$NGINX_TLS_CERT_DIR/fullchain.pem" >/dev/null 2>&1
fi

# Leftover placeholders mean a variable is missing from $vars above.
if grep -n '^[^#]*\${\(GAMEPULSE\|NGINX\)_' "$out"/conf.d/*.conf; then
  echo "render.sh: unsubstituted placeholders left (see above)" >&2
  exit 1
fi

echo "rendered $variant config into $out"
echo "  test:  nginx -t -p $out -c $out/nginx.conf -e $out/error.log -g 'pid $out/nginx.pid;'"
echo "  run:   nginx -p $out -c $out/nginx.conf -e $out/error.log -g 'pid $out/nginx.pid; daemon off;'"
