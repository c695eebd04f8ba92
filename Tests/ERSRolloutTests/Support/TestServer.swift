/// The small HTTP server the live tests run as each version of a service (Python stdlib):
/// `GET /health` answers `{"status": "ok", "version": V}`; every other request answers
/// `{"version": V}`, except that with a failure share of N percent every request whose running
/// count falls in the first N of each 100 answers 500 (exactly N%, spread evenly). N is read
/// from FAIL_FILE (absent: 0) at most every 0.2 s, so a test can make a running version go
/// bad. Usage: `server.py PORT VERSION FAIL_FILE`.
enum TestServer {
    static let script = #"""
    import http.server, json, os, sys, threading, time

    port, version, fail_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    lock = threading.Lock()
    state = {"count": 0, "fail": 0, "checked": 0.0}

    def next_request():
        with lock:
            now = time.monotonic()
            if now - state["checked"] > 0.2:
                state["checked"] = now
                try:
                    with open(fail_file) as f:
                        state["fail"] = int(f.read().strip() or 0)
                except OSError:
                    state["fail"] = 0
            state["count"] += 1
            return state["count"], state["fail"]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            status = 200
            if self.path == "/health":
                payload = {"status": "ok", "version": version}
            else:
                n, fail = next_request()
                if fail and (n * fail) // 100 != ((n - 1) * fail) // 100:
                    status = 500
                payload = {"version": version}
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True
        allow_reuse_address = True
        request_queue_size = 256

    Server(("127.0.0.1", port), Handler).serve_forever()
    """#
}
