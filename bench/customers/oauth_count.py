#!/usr/bin/env python3
"""A counting pass-through for the OAuth token endpoint: the emulator does not count token calls in
GET /emulator/requests, so the benchmark points the provider's oauth_url at this proxy.

  oauth_count.py UPSTREAM_OAUTH_URL      prints "http://127.0.0.1:<port>" (use it + "/oauth/v2"), then serves

POST /oauth/v2/accessToken is forwarded to UPSTREAM_OAUTH_URL + "/accessToken" and counted; GET /count answers
{"tokens": n, "clients": distinct client ids}.
"""
import json
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else sys.exit(__doc__)
lock = threading.Lock()
tokens = 0
clients = set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path != "/count":
            return self.answer(404, b"{}")
        with lock:
            body = json.dumps({"tokens": tokens, "clients": len(clients)}).encode()
        self.answer(200, body)

    def do_POST(self):
        global tokens
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != "/oauth/v2/accessToken":
            return self.answer(404, b"{}")
        form = urllib.parse.parse_qs(body.decode())
        with lock:
            tokens += 1
            clients.update(form.get("client_id", []))
        req = urllib.request.Request(UPSTREAM + "/accessToken", data=body, method="POST",
                                     headers={"Content-Type": self.headers.get("Content-Type", "")})
        try:
            with urllib.request.urlopen(req) as resp:
                self.answer(resp.status, resp.read(), resp.headers.get("Content-Type", "application/json"))
        except urllib.error.HTTPError as e:
            self.answer(e.code, e.read(), e.headers.get("Content-Type", "application/json"))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
