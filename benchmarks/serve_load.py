#!/usr/bin/env python3
"""Load on `hyoka serve`: wrk against a page of the sample site on loopback.

Starts `hyoka serve --port 0` on the sample site (the repository's site.toml and content/),
reads the address it prints (the site is served under base_url's sub-path, /fukushima-ict/),
runs `wrk -t2 -c32 -dSECONDS --latency` against the home page, and prints requests per
second, latency percentiles, every kind of error and the server's memory (VmRSS before and
after, peak VmHWM, from /proc/PID/status) and threads. Exits 1 on any error: a socket error,
a 4xx or 5xx answer (wrk's count), a timeout (wrk: over 2 s), a page that is not 200 before or
after the run, or a server that does not stop cleanly.

  python3 benchmarks/serve_load.py [SECONDS] [--hyoka build/generator/hyoka]
      [--threads 2] [--connections 32] [--source .]

The preview answers 64 connections at once, at most 24 of them live-reload streams;
connections beyond wait for a thread, so more than 40 measure waiting, not serving.

Needs wrk (Debian package `wrk`). Not a test: run it on a quiet machine; ctest runs it once
for 2 seconds with 10 connections only to keep it working.
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# wrk's done() hook: the summary as one JSON line, so nothing depends on wrk's text layout.
WRK_SCRIPT = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'HYOKA_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"latency_mean_us": %.1f, "latency_max_us": %d, "p50_us": %d, "p90_us": %d, ' ..
    '"p99_us": %d, "p999_us": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9)))
end
"""


def memory(pid):
    """VmRSS, VmHWM (KiB) and Threads of a process, from /proc."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                values[key] = int(value.split()[0])
    return values


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def milliseconds(us):
    return f"{us / 1000:.2f} ms"


def get_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except Exception as error:  # a refused connection, a timeout, an HTTP error
        return f"{type(error).__name__}: {error}"


def start_server(hyoka, source, log):
    server = subprocess.Popen([hyoka, "serve", "--port", "0", "--source", source],
                              stdout=subprocess.PIPE, stderr=log, text=True)
    line = server.stdout.readline()  # "hyoka: serving http://127.0.0.1:PORT/sub-path/ (Ctrl+C stops)"
    match = re.search(r"serving (http://\S+)", line)
    if not match:
        server.kill()
        server.wait()
        sys.exit(f"serve_load: hyoka serve printed no address: {line!r}")
    return server, match.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seconds", nargs="?", type=int, default=30)
    parser.add_argument("--hyoka", default=os.path.join(ROOT, "build", "generator", "hyoka"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--source", default=ROOT)
    args = parser.parse_args()

    wrk = shutil.which("wrk")
    if not wrk:
        print("serve_load: wrk is not installed (apt-get install wrk); skipped")
        return 77  # ctest's SKIP_RETURN_CODE
    if not os.access(args.hyoka, os.X_OK):
        sys.exit(f"serve_load: no hyoka binary at {args.hyoka} (build first, or --hyoka)")

    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        script = os.path.join(scratch, "summary.lua")
        with open(script, "w") as f:
            f.write(WRK_SCRIPT)
        log = open(os.path.join(scratch, "serve.log"), "w+")
        server, url = start_server(args.hyoka, args.source, log)
        try:
            before_status = get_status(url)
            if before_status != 200:
                failures.append(f"{url} answered {before_status} before the run")
            before = memory(server.pid)

            # Threads and resident memory every 0.2 s during the run (VmHWM keeps the peak).
            samples = []
            running = threading.Event()
            running.set()

            def sample():
                while running.is_set():
                    try:
                        samples.append(memory(server.pid))
                    except OSError:
                        return
                    time.sleep(0.2)

            sampler = threading.Thread(target=sample)
            sampler.start()
            command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.seconds}s",
                       "--latency", "-s", script, url]
            print("serve_load:", " ".join(command[:-3] + [url]), flush=True)
            run = subprocess.run(command, capture_output=True, text=True)
            running.clear()
            sampler.join()
            after = memory(server.pid)
            after_status = get_status(url)
            if after_status != 200:
                failures.append(f"{url} answered {after_status} after the run")
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                code = server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                code = "killed after 30 s"
        if code != 0:
            log.seek(0)
            failures.append(f"hyoka serve did not stop cleanly ({code}): {log.read()[-2000:]}")
        log.close()

    if run.returncode != 0:
        failures.append(f"wrk exited with {run.returncode}: {run.stderr.strip()}")
    match = re.search(r"^HYOKA_JSON (.*)$", run.stdout, re.MULTILINE)
    if not match:
        print(run.stdout)
        failures.append("wrk printed no summary")
        for failure in failures:
            print("serve_load: FAIL:", failure)
        return 1
    s = json.loads(match.group(1))
    seconds = s["duration_us"] / 1e6
    socket_errors = s["connect"] + s["read"] + s["write"] + s["timeout"]
    peak_threads = max([m["Threads"] for m in samples] + [after["Threads"]])
    peak_rss = max([m["VmRSS"] for m in samples] + [after["VmRSS"]])

    print(f"requests:      {s['requests']:,} in {seconds:.1f} s = {s['requests'] / seconds:,.0f}/s "
          f"({s['bytes'] / seconds / 2**20:.1f} MiB/s)")
    print(f"latency:       mean {milliseconds(s['latency_mean_us'])}, "
          f"p50 {milliseconds(s['p50_us'])}, p90 {milliseconds(s['p90_us'])}, "
          f"p99 {milliseconds(s['p99_us'])}, p99.9 {milliseconds(s['p999_us'])}, "
          f"max {milliseconds(s['latency_max_us'])}")
    print(f"errors:        4xx/5xx {s['status']}, connect {s['connect']}, read {s['read']}, "
          f"write {s['write']}, timeout {s['timeout']}")
    print(f"server memory: VmRSS {mib(before['VmRSS'])} before, {mib(after['VmRSS'])} after, "
          f"{mib(peak_rss)} at most while sampled; VmHWM (peak) {mib(after['VmHWM'])}")
    print(f"server threads: {before['Threads']} before, {peak_threads} at most, "
          f"{after['Threads']} after")
    print(f"page before and after: {before_status}, {after_status}")

    if s["status"]:
        failures.append(f"{s['status']} answers were 4xx or 5xx")
    if socket_errors:
        failures.append(f"{socket_errors} socket errors")
    if s["requests"] == 0:
        failures.append("no request was answered")
    for failure in failures:
        print("serve_load: FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
