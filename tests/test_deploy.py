"""Production settings, the container files and the set-up commands."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRE = os.getenv("EVTRACKER_REQUIRE_SERVICES") == "1"


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-for-the-deploy-check-" + "x7Qp9Lm2Zr8Tv4Wn6Yb1Hc5Jd0Fg3Ks" * 2,
    "ALLOWED_HOSTS": "evtracker.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://evtracker.example.org",
}


def test_it_passes_the_deploy_check_with_production_settings():
    result = manage("check", "--deploy", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced).", (
        result.stdout + result.stderr
    )
    assert result.stderr.strip() == ""


def test_a_web_worker_starts_with_every_template_compiled_and_its_views_imported():
    # What gunicorn imports in each worker process: a worker's first page then costs what
    # later ones do, and a template that does not compile stops the start, not a reader.
    check = (
        "import gc, sys, evtracker.wsgi\n"
        "from django.template import engines\n"
        "jinja = engines['jinja2'].env.cache\n"
        "django = engines['django'].engine.template_loaders[0].get_template_cache\n"
        "print(sorted(key[1] for key in jinja), 'partnerships/company.html' in django,\n"
        "      'evtracker.partnerships.exports' in sys.modules, gc.get_freeze_count() > 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", check],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "evtracker.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = sorted(
        path.relative_to(ROOT / "templates" / "jinja2").as_posix()
        for path in (ROOT / "templates" / "jinja2").rglob("*.html")
    )
    assert result.stdout.strip() == f"{rows} True True True"


def test_it_refuses_to_start_in_production_without_a_secret_key():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_sends_a_strict_content_security_policy(client, db):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in policy
    assert "'nonce-" in script_src


def test_it_serves_the_health_check(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().startswith("database: ok\nredis: ")


def compose(*args, **env):
    if not shutil.which("docker-compose"):
        if REQUIRE:
            pytest.fail("docker-compose is not installed (Debian package docker-compose)")
        pytest.skip("docker-compose is not installed (Debian package docker-compose)")
    return subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_has_a_valid_compose_file():
    result = compose("config", "-q", SECRET_KEY="compose-config-check")
    assert result.returncode == 0, result.stderr


def test_it_runs_the_production_shape_in_compose():
    result = compose("config", "--services", SECRET_KEY="compose-config-check")
    assert set(result.stdout.split()) == {"db", "redis", "web", "worker", "beat"}


def test_it_refuses_a_compose_run_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    result = compose("config", "-q")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def find_python(tmp_path, *, pyenv_versions=()):
    """Run `make print-python` where PATH offers only Pythons older than 3.12."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("ls", "sort"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    for name in ("python3.14", "python3.13", "python3.12", "python3", "python"):
        stub = bin_dir / name
        stub.write_text("#!/bin/sh\necho 'Python 3.11.0'\nexit 1\n")
        stub.chmod(0o755)
    pyenv = tmp_path / "pyenv"
    for version in pyenv_versions:
        target = pyenv / "versions" / version / "bin"
        target.mkdir(parents=True)
        (target / "python3").symlink_to(sys.executable)
    return subprocess.run(
        [shutil.which("make"), "-s", "-f", str(ROOT / "Makefile"), "print-python"],
        cwd=ROOT,
        env={"PATH": str(bin_dir), "HOME": str(tmp_path), "PYENV_ROOT": str(pyenv)},
        capture_output=True,
        text=True,
    )


def test_it_stops_with_a_clear_message_when_no_python_is_new_enough(tmp_path):
    result = find_python(tmp_path)
    assert result.returncode != 0
    assert "needs Python 3.12 or newer" in result.stderr


def test_it_falls_back_to_pyenv_versions_for_python(tmp_path):
    result = find_python(tmp_path, pyenv_versions=["3.11.7", "3.13.0"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("versions/3.13.0/bin/python3")
