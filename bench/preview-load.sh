#!/usr/bin/env bash
# Load and abuse test of the preview server (`herald serve`), on loopback only, bounded in
# count and time. While wrk holds CONNECTIONS keep-alive connections busy, a driver adds
# stalled clients (half-sent headers), clients that ask for a big file and never read,
# more live-reload streams than the server keeps, and clients that reset mid-response. A
# probe asks for a page every 0.25 s on a fresh connection. The script passes when every
# probe is answered within 10 s, wrk sees no errors but its own client-side timeouts, the open
# live-reload streams stay within the server's bound, and the server's memory stays bounded.
#
# Usage: bench/preview-load.sh [SERVER COMMAND...]
#   Without a command it runs `.build/release/herald serve --port $PORT` in $SITE.
# Environment (defaults): PORT=18181 DURATION=20 CONNECTIONS=1000 STALLED=200 NONREADERS=50
#   STREAMS=150 STREAM_LIMIT=100 PAGE=/ BIG=/ RSS_LIMIT_MB=1024 SITE=.
#   RELOAD_FILE (unset): a watched file, relative to SITE; when set, the script first measures
#   ten times the delay from saving it (a trailing newline, removed afterwards) to the `reload`
#   event on /_herald/events.
set -euo pipefail

PORT=${PORT:-18181}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-1000}
STALLED=${STALLED:-200}
NONREADERS=${NONREADERS:-50}
STREAMS=${STREAMS:-150}
STREAM_LIMIT=${STREAM_LIMIT:-100}
PAGE=${PAGE:-/}
BIG=${BIG:-/}
RSS_LIMIT_MB=${RSS_LIMIT_MB:-1024}
SITE=${SITE:-.}
HOST=127.0.0.1   # loopback only, never configurable: this script must not load anyone else

if ! command -v wrk >/dev/null; then
    echo "wrk is missing: installing it from Debian's packages"
    apt-get install -y wrk >/dev/null
fi
# 1000 connections from wrk plus the driver's, on both ends, in one process tree.
ulimit -n 8192

if [ $# -gt 0 ]; then
    SERVER=("$@")
else
    SERVER=("$(pwd)/.build/release/herald" serve --port "$PORT")
fi

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }

echo "server: ${SERVER[*]} (in $SITE)"
(cd "$SITE" && exec "${SERVER[@]}") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
    if curl -s -o /dev/null "http://$HOST:$PORT$PAGE"; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server exited:"; cat "$WORK/server.log"; exit 1; fi
    sleep 0.1
done
curl -sf -o /dev/null "http://$HOST:$PORT$PAGE" || { echo "the server never answered $PAGE"; exit 1; }
BASE_RSS=$(rss_mb "$SERVER_PID")
echo "server pid $SERVER_PID, RSS at start ${BASE_RSS} MB"

if [ -n "${RELOAD_FILE:-}" ]; then
    python3 - "$HOST" "$PORT" "$SITE/$RELOAD_FILE" <<'PY'
import re, socket, statistics, sys, time
host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
original = open(path, "rb").read()
delays = []
try:
    for round_number in range(10):
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(f"GET /_herald/events HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        data = b""
        while not re.search(rb"event: hello\ndata: [^\n]*\n\n", data):  # the body is chunked
            data += s.recv(4096)
        time.sleep(0.3)  # let the watcher take its baseline
        start = time.monotonic()
        with open(path, "wb") as f:
            f.write(original + b"\n" * (round_number % 2 + 1))
        data = b""
        while b"event: reload" not in data:
            chunk = s.recv(4096)
            if not chunk: raise SystemExit("the event stream closed")
            data += chunk
        delays.append((time.monotonic() - start) * 1000)
        s.close()
finally:
    open(path, "wb").write(original)
print(f"save to reload event: median {statistics.median(delays):.1f} ms, max {max(delays):.1f} ms over {len(delays)} saves")
PY
    sleep 1
fi

cat >"$WORK/driver.py" <<'PY'
import json, socket, statistics, sys, threading, time

host, port, duration = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
stalled_n, nonreaders_n, streams_n = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
page, big, pid = sys.argv[7], sys.argv[8], int(sys.argv[9])
deadline = time.monotonic() + duration
result = {"probe_ok": 0, "probe_failed": 0, "probe_ms": [], "rss_mb": [], "streams_open_at_end": 0,
          "streams_dropped": 0, "streams_pending": 0, "stalled_closed_by_server": 0, "resets": 0}
lock = threading.Lock()

def connect(timeout=10):
    s = socket.create_connection((host, port), timeout=timeout)
    return s

def probe():
    while time.monotonic() < deadline:
        start = time.monotonic()
        try:
            with connect() as s:
                s.sendall(f"GET {page} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = s.recv(65536)
                    if not chunk: break
                    data += chunk
                ok = data.startswith(b"HTTP/1.1 200")
        except OSError:
            ok = False
        with lock:
            result["probe_ok" if ok else "probe_failed"] += 1
            result["probe_ms"].append((time.monotonic() - start) * 1000)
        time.sleep(0.25)

def rss():
    while time.monotonic() < deadline:
        try:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmRSS"):
                    with lock: result["rss_mb"].append(int(line.split()[1]) / 1024)
        except OSError:
            pass
        time.sleep(0.5)

def stalled():
    # Half a request, then one more header byte every 2 s: the server should time it out.
    socks = []
    for _ in range(stalled_n):
        try:
            s = connect(); s.sendall(f"GET {page} HTTP/1.1\r\nHost: {host}\r\nX-Slow: ".encode()); socks.append(s)
        except OSError:
            pass
    while time.monotonic() < deadline:
        for s in list(socks):
            try:
                s.send(b"a")
                s.setblocking(False)
                closed = s.recv(1) == b""
                s.setblocking(True)
            except BlockingIOError:
                s.setblocking(True); closed = False
            except OSError:
                closed = True
            if closed:
                socks.remove(s); s.close()
                with lock: result["stalled_closed_by_server"] += 1
        time.sleep(2)
    for s in socks: s.close()

def nonreaders():
    # Ask for the big file many times over and never read: only these connections may stall.
    socks = []
    for _ in range(nonreaders_n):
        try:
            s = connect(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(f"GET {big} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode() * 20); socks.append(s)
        except OSError:
            pass
    while time.monotonic() < deadline: time.sleep(0.5)
    for s in socks: s.close()

def streams():
    socks = []
    for _ in range(streams_n):
        try:
            s = connect()
            s.sendall(f"GET /_herald/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
            socks.append(s)
        except OSError:
            pass
        time.sleep(0.01)
    # Under full load new connections queue for a while: wait (until 2 s before the end) for
    # every stream to be answered, then count those still open. A dropped stream ends its
    # chunked response (0-length chunk) or its connection.
    data = {s: b"" for s in socks}
    closed = set()
    for s in socks: s.setblocking(False)
    while True:
        for s in socks:
            if s in closed: continue
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk: closed.add(s); break
                    data[s] += chunk
            except BlockingIOError:
                pass
            except OSError:
                closed.add(s)
        answered = [s for s in socks if s in closed or b"event: hello" in data[s]]
        if len(answered) == len(socks) or time.monotonic() > deadline - 2: break
        time.sleep(0.5)
    open_count = pending = 0
    for s in socks:
        ended = s in closed or b"\r\n0\r\n\r\n" in data[s]
        if not ended and b"event: hello" not in data[s]: pending += 1
        elif not ended: open_count += 1
    with lock:
        result["streams_open_at_end"] = open_count
        result["streams_pending"] = pending
        result["streams_dropped"] = len(socks) - open_count - pending
    while time.monotonic() < deadline: time.sleep(0.5)
    for s in socks: s.close()

def resetters():
    # Clients that vanish mid-response, as a closed tab does.
    import struct
    while time.monotonic() < deadline:
        try:
            s = connect(); s.sendall(f"GET {big} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); s.close()
            with lock: result["resets"] += 1
        except OSError:
            pass
        time.sleep(0.05)

threads = [threading.Thread(target=f) for f in (probe, rss, stalled, nonreaders, streams, resetters)]
for t in threads: t.start()
for t in threads: t.join()
ms = result.pop("probe_ms")
result["probe_ms_median"] = round(statistics.median(ms), 1) if ms else None
result["probe_ms_max"] = round(max(ms), 1) if ms else None
r = result.pop("rss_mb")
result["rss_mb_max"] = round(max(r), 1) if r else None
print(json.dumps(result))
PY

echo "load: wrk ${CONNECTIONS} connections on $PAGE for ${DURATION}s, plus ${STALLED} stalled, ${NONREADERS} non-reading," \
     "${STREAMS} live-reload streams and resetting clients"
# wrk first, so that the driver measures the server holding all its connections rather than
# the burst of 1000 connections arriving at once (reported by wrk's own maximum latency).
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "http://$HOST:$PORT$PAGE" >"$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
sleep 3
python3 "$WORK/driver.py" "$HOST" "$PORT" "$((DURATION - 5))" "$STALLED" "$NONREADERS" "$STREAMS" "$PAGE" "$BIG" \
    "$SERVER_PID" >"$WORK/driver.json"
wait "$WRK_PID" || true

AFTER_OK=$(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$PORT$PAGE" || true)
END_RSS=$(rss_mb "$SERVER_PID")
STOP_START=$(date +%s.%N)
kill -INT "$SERVER_PID"
for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SERVER_PID" 2>/dev/null; then STOPPED="no (killed)"; else STOPPED="yes"; fi
STOP_SECONDS=$(python3 -c "print($(date +%s.%N) - $STOP_START)")

cat "$WORK/wrk.txt"
python3 - "$WORK/wrk.txt" "$WORK/driver.json" "$BASE_RSS" "$END_RSS" "$RSS_LIMIT_MB" "$AFTER_OK" "$STOPPED" \
    "$STOP_SECONDS" "$STREAM_LIMIT" <<'PY'
import json, re, sys
wrk_text, driver = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
base_rss, end_rss, limit = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
after_ok, stopped, stop_seconds, stream_limit = sys.argv[6], sys.argv[7], float(sys.argv[8]), int(sys.argv[9])
rps = re.search(r"Requests/sec:\s+([\d.]+)", wrk_text)
total = re.search(r"(\d+) requests in", wrk_text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk_text)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk_text)
connect_e, read_e, write_e, timeout_e = map(int, errors.groups()) if errors else (0, 0, 0, 0)
print("\n== preview under load ==")
print(f"requests/s: {rps.group(1) if rps else '?'} ({total.group(1) if total else '?'} requests)")
print(f"wrk errors: connect {connect_e}, read {read_e}, write {write_e}, timeout {timeout_e}, non-2xx {non2xx.group(1) if non2xx else 0}")
print(f"probe on a fresh connection: {driver['probe_ok']} ok, {driver['probe_failed']} failed, "
      f"median {driver['probe_ms_median']} ms, max {driver['probe_ms_max']} ms")
print(f"live-reload streams: {driver['streams_open_at_end']} open, {driver['streams_dropped']} dropped, "
      f"{driver['streams_pending']} not yet answered (bound {stream_limit})")
print(f"stalled clients closed by the server's idle timeout: {driver['stalled_closed_by_server']}; resets sent: {driver['resets']}")
print(f"RSS: {base_rss} MB at start, {driver['rss_mb_max']} MB peak, {end_rss} MB at end (limit {limit} MB)")
print(f"answers after the load: HTTP {after_ok}; stopped on SIGINT: {stopped} in {stop_seconds:.2f} s")
failures = []
if driver["probe_failed"]: failures.append("some probes failed")
if connect_e or read_e or write_e or (non2xx and int(non2xx.group(1))): failures.append("wrk saw errors")
if driver["streams_open_at_end"] > stream_limit: failures.append("more live-reload streams than the bound")
if (driver["rss_mb_max"] or 0) > limit: failures.append("memory above the limit")
if after_ok != "200": failures.append("no answer after the load")
if stopped != "yes": failures.append("did not stop on SIGINT")
print("result: " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
sys.exit(1 if failures else 0)
PY
