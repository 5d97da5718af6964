"""What an operator relies on: the settings table, the lock files, the image's context and
Redis databases kept apart."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
READ_SETTING = re.compile(
    r"""(?:os\.getenv|envbool|envint|envlist)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
)
TABLE_ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]+)` \|", re.MULTILINE)
PINNED = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.MULTILINE)


def test_the_readme_settings_table_lists_exactly_what_the_settings_read():
    read = set(READ_SETTING.findall((ROOT / "evtracker" / "settings.py").read_text()))
    listed = set(TABLE_ROW.findall((ROOT / "README.md").read_text()))

    assert read - listed == set(), "read by settings.py but missing from README's table"
    assert listed - read == set(), "in README's table but never read by settings.py"


def locked(name):
    text = (ROOT / name).read_text()
    return {canonicalize_name(package): version for package, version in PINNED.findall(text)}


@pytest.mark.parametrize(
    ("lock", "extras"), [("requirements.lock", []), ("requirements-dev.lock", ["dev"])]
)
def test_each_lock_file_pins_every_requirement_of_pyproject_with_hashes(lock, extras):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    pins = locked(lock)

    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{lock} lacks {name}: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{lock} pins {name}=={pins[name]}, outside {requirement.specifier}: run make lock"
        )
    entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lock).read_text())
    requirements = [entry for entry in entries if PINNED.match(entry)]
    assert len(requirements) == len(pins)
    assert all("--hash=sha256:" in entry for entry in requirements), "every pin has its hashes"


def test_the_dev_lock_holds_the_runtime_lock_at_the_same_versions():
    runtime, dev = locked("requirements.lock"), locked("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_the_image_context_leaves_out_environments_history_and_data():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    for entry in (".venv/", ".git/", "media/", "*.sqlite3", "test-artifacts/", "state/"):
        assert entry in ignored


@pytest.mark.redis
def test_broker_results_and_cache_live_in_separate_redis_databases():
    addresses = {
        settings.CELERY_BROKER_URL,
        settings.CELERY_RESULT_BACKEND,
        settings.CACHES["default"]["LOCATION"],
    }
    assert len(addresses) == 3


@pytest.mark.redis
def test_clearing_the_cache_leaves_the_task_queue_alone():
    import redis
    from django.core.cache import cache

    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.rpush("evtracker-test-queue", "a task")
    try:
        cache.set("evtracker-test-key", 1)
        cache.clear()
        assert cache.get("evtracker-test-key") is None
        assert broker.lrange("evtracker-test-queue", 0, -1) == [b"a task"]
    finally:
        broker.delete("evtracker-test-queue")
