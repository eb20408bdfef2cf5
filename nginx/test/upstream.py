#!/usr/bin/env python3
"""Stand-in for the GamePulse web app, used by nginx/test/smoke.sh.

Listens on 127.0.0.1:PORT only. Every response carries a running request
counter (X-Upstream-Count header and in the body) so the smoke test can tell a
cache HIT from a fresh upstream response, and echoes the forwarded headers it
received so the test can check X-Forwarded-*.
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COUNT = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keepalive, like Kestrel

    def _reply(self, status=200, content_type="text/html; charset=utf-8"):
        global COUNT
        COUNT += 1
        path = self.path.split("?", 1)[0]
        if path.startswith("/css/"):
            content_type = "text/css"
            body = "body { color: #111; }\n" * 80
        else:
            body = (
                "<!DOCTYPE html><html><body>"
                f"<p>count={COUNT} path={self.path} method={self.command}</p>"
                f"<p>xff={self.headers.get('X-Forwarded-For')} "
                f"proto={self.headers.get('X-Forwarded-Proto')} "
                f"hx={self.headers.get('HX-Request')}</p>"
                + "<p>padding for gzip</p>" * 100
                + "</body></html>"
            )
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Upstream-Count", str(COUNT))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        self._reply()

    def do_HEAD(self):
        self._reply()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._reply()

    def log_message(self, fmt, *args):  # keep the test output quiet
        pass


if __name__ == "__main__":
    port = int(sys.argv[1])
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
