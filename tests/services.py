"""Services a test may stop: its own PostgreSQL cluster and Redis server, and Celery workers
running as separate processes (prefork, as in production) that it may kill.

Nothing here touches the machine's shared PostgreSQL or Redis. Like conftest.py's
markers, a missing program skips the test, or fails it with EVTRACKER_REQUIRE_SERVICES=1.
"""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]
CELERY = [sys.executable, "-m", "celery", "-A", "evtracker"]


def missing(service, why):
    message = f"{service} is not available: {why}"
    if os.getenv("EVTRACKER_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{message} (EVTRACKER_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout, what, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"{what}: not within {timeout} s")


class PrivateRedis:
    """A redis-server of the test's own, without persistence, on a free port."""

    def __init__(self):
        binary = shutil.which("redis-server")
        if binary is None:
            missing("redis-server", "not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self._answers, 10, "redis-server starting")

    def _answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


class PrivatePostgres:
    """A PostgreSQL cluster of the test's own (initdb, trust auth, a free port), which the test
    may stop and start. initdb refuses to run as root, so as root it runs as `postgres`."""

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
        initdb = found[-1] if found else shutil.which("initdb")
        if not initdb:
            missing("PostgreSQL server programs", "no initdb in /usr/lib/postgresql/*/bin or PATH")
        self.bin = Path(initdb).parent
        self.as_user = []
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                missing("PostgreSQL server programs", "running as root and no runuser")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.dir = Path(tempfile.mkdtemp(prefix="evtracker-pg-"))
        if self.as_user:
            shutil.chown(self.dir, "postgres")
        self.data = self.dir / "data"
        self.port = free_port()
        self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "evtracker")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/evtracker"

    def _run(self, program, *args):
        command = [*self.as_user, str(self.bin / program), *map(str, args)]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", self.data, "-l", self.dir / "log", "-o", options, "-w", "start")

    def stop(self):
        # "fast": clients are disconnected and their transactions rolled back, as in a restart.
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _version(path):
    return int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0


def service_env(database_url, redis_url, **settings):
    """The environment of a manage.py or worker process on these services."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("EVTRACKER_")}
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DEBUG="1",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.pop("REDIS_RESULTS_URL", None)
    env.pop("REDIS_CACHE_URL", None)
    env.update({key: str(value) for key, value in settings.items()})
    return env


def manage(*args, env, timeout=120):
    return subprocess.run(
        [*MANAGE, *map(str, args)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class Worker:
    """`celery worker` as its own process group (prefork pool), optionally with beat inside."""

    def __init__(self, env, log, *, concurrency=2, beat=False, name="runs"):
        command = [*CELERY, "worker", "-P", "prefork", "-c", str(concurrency)]
        command += ["-n", f"{name}-{os.getpid()}@%h", "--without-mingle", "--without-gossip"]
        command += ["--loglevel", "INFO"]
        if beat:
            command += ["-B", "-s", str(Path(log).with_suffix(".schedule"))]
        self.log = Path(log)
        self._out = self.log.open("ab")
        self.process = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self):
        return self.process.pid

    def pool_children(self):
        found = subprocess.run(["pgrep", "-P", str(self.pid)], capture_output=True, text=True)
        return [int(pid) for pid in found.stdout.split()]

    def kill_all(self):
        """SIGKILL to the whole worker: main process, pool children, beat. Nothing is cleaned."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGTERM)
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill_all()
            except ProcessLookupError:
                pass
        self._out.close()

    def read_log(self):
        return self.log.read_text(errors="replace")
