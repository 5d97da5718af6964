"""A real gunicorn serving the app on loopback, its access log, process memory and wrk.

The access log records, per request, the X-Bench header the client sent, the status,
the microseconds gunicorn spent on the request (%(D)s, from reading it to the last byte
written) and the bytes sent: the server-side latency of each measured request.
"""

import os
import re
import socket
import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCESS_FORMAT = "%({x-bench}i)s %(s)s %(D)s %(B)s"
WRK = "/usr/bin/wrk"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn evtracker.wsgi with sync workers on 127.0.0.1:<free port>."""

    def __init__(self, env, workdir, workers=4):
        self.port = free_port()
        self.access_log = Path(workdir) / "access.log"
        self.error_log = Path(workdir) / "error.log"
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "evtracker.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers),
            "--access-logfile", str(self.access_log),
            "--access-logformat", ACCESS_FORMAT,
            "--error-logfile", str(self.error_log),
            "--timeout", "300",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        self.workers = workers

    def __enter__(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.error_log.read_text()[-2000:]}")
            try:
                if get(self.port, "/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within a minute")

    def __exit__(self, *exc):
        stop_group(self.process)

    def worker_pids(self):
        return children_of(self.process.pid)

    def server_times(self):
        """{bench id: (status, microseconds, bytes)} from the access log so far."""
        times = {}
        for line in self.access_log.read_text().splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[0] != "-":
                times[parts[0]] = (int(parts[1]), int(parts[2]), int(parts[3] or 0))
        return times


def stop_group(process, timeout=30):
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


class Response:
    def __init__(self, status, ttfb, total, size, lines, cache_hit=False):
        self.status, self.ttfb, self.total, self.size, self.lines = status, ttfb, total, size, lines
        # Served from the page cache (the X-Evtracker-Cache header).
        self.cache_hit = cache_hit


def get(port, path, headers=None, on_chunk=None):
    """GET over a new connection: status, seconds to the first byte and in all, size, lines."""
    started = time.perf_counter()
    connection = HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        ttfb = time.perf_counter() - started
        size = lines = 0
        while chunk := response.read(65536):
            size += len(chunk)
            lines += chunk.count(b"\n")
            if on_chunk:
                on_chunk()
        hit = response.getheader("X-Evtracker-Cache") == "hit"
        return Response(response.status, ttfb, time.perf_counter() - started, size, lines, hit)
    finally:
        connection.close()


def children_of(pid):
    """The ids of the processes whose parent is pid."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: the parent id follows it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            children.append(int(entry))
    return children


def rss_mb(pid):
    """Resident memory of a process in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemoryPeaks:
    """Largest RSS seen per process while sampling a set of processes."""

    def __init__(self, pids_of):
        self.pids_of = pids_of
        self.peaks = {}
        self.total_peak = 0.0

    def sample(self):
        total = 0.0
        for pid in self.pids_of():
            rss = rss_mb(pid)
            total += rss
            self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss)
        self.total_peak = max(self.total_peak, total)

    @property
    def process_peak(self):
        return max(self.peaks.values(), default=0.0)


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_REQUESTS = re.compile(r"(\d+) requests in")
WRK_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
WRK_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
WRK_PERCENTILE = re.compile(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port, path, connections, seconds):
    """Requests per second, errors (non-2xx/3xx and socket errors) and latency percentiles."""
    threads = min(2, connections)
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
               f"http://127.0.0.1:{port}{path}"]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    non_2xx = int(m.group(1)) if (m := WRK_NON_2XX.search(output)) else 0
    socket_errors = [int(n) for n in m.groups()] if (m := WRK_SOCKET.search(output)) else [0] * 4
    return {
        "connections": connections,
        "seconds": seconds,
        "requests": int(WRK_REQUESTS.search(output).group(1)),
        "requests_per_s": float(WRK_RATE.search(output).group(1)),
        "non_2xx": non_2xx,
        "socket_errors": dict(
            zip(("connect", "read", "write", "timeout"), socket_errors, strict=True)
        ),  # fmt: skip
        "errors": non_2xx + sum(socket_errors),
        "latency_ms": {
            f"p{p}": round(float(value) * UNIT_MS[unit], 2)
            for p, value, unit in WRK_PERCENTILE.findall(output)
        },
    }
