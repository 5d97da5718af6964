"""`make screenshots`: a full-page PNG of every page, desktop (1366x900) and phone (390x844),
into docs/screenshots/<page>-<screen>.png, on the demo data of `make run`. A page whose PNG
would pass 1 MB (a long detailed timeline) is cut to its top, and the script says so.

    .venv/bin/python bench/screenshots.py [--out-dir docs/screenshots]

The demo data (seeds/articles and tests/data/devset, as `make run` ingests them) goes into a
temporary SQLite database; gunicorn serves it with DEBUG=0 (so the 404 page is the real one)
and Debian's Chromium, driven by Playwright, visits the pages of tests/browser.py, signing in
as an editor for the admin's. No Redis: no page cache, no task queue.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from serve import Gunicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import PAGES, SCREENS  # noqa: E402 (after the repository is importable)

CHROMIUM = "/usr/bin/chromium"
EDITOR = ("editor", secrets.token_urlsafe(16))
MAX_BYTES = 1024 * 1024

# The ids the addresses need: the most reported talk (the richest story), its first article,
# the company in the most talks, an investment and an approval with sources, the latest run.
IDS = """
import json
from collections import Counter
from django.db.models import Count
from evtracker.news.models import IngestionRun
from evtracker.partnerships.models import Approval, Investment, ReportedTalk
talks = Counter()
for pair in ReportedTalk.objects.values_list("party_a__slug", "party_b__slug"):
    talks.update(pair)
talk = ReportedTalk.objects.annotate(n=Count("evidence")).order_by("-n", "id").first()
most = lambda model: model.objects.annotate(n=Count("evidence")).order_by("-n", "id").first()
print(json.dumps({
    "company": talks.most_common(1)[0][0],
    "talk": talk.pk,
    "article": talk.evidence.order_by("reported_on", "id").first().article_id,
    "investment": most(Investment).pk,
    "approval": most(Approval).pk,
    "run": IngestionRun.objects.latest("id").pk,
}))
"""


def manage(env, *args, **kwargs):
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=env, check=True, text=True, **kwargs)


def demo_site(workdir):
    """The environment of a DEBUG=0 app on a fresh SQLite database holding the demo data."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "DATABASE_"))}
    env |= {
        "DATABASE_URL": f"sqlite:///{workdir}/demo.sqlite3",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "LOG_LEVEL": "WARNING",
        "EDITOR_PASSWORD": EDITOR[1],
    }
    manage(env, "migrate", "--noinput", stdout=subprocess.DEVNULL)
    manage(env, "load_companies", stdout=subprocess.DEVNULL)
    manage(env, "ingest", "seeds/articles", "tests/data/devset", stdout=subprocess.DEVNULL)
    manage(env, "create_editor", EDITOR[0], "--password-from-env", "EDITOR_PASSWORD")
    manage(env, "collectstatic", "--noinput", stdout=subprocess.DEVNULL)
    ids = json.loads(manage(env, "shell", "-c", IDS, capture_output=True).stdout.splitlines()[-1])
    return env, ids


def sign_in(page):
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def shoot(base_url, ids, out_dir):
    """Saves the PNGs; returns the pages cut to their top to stay under MAX_BYTES."""
    from playwright.sync_api import sync_playwright

    cut = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for screen, options in SCREENS.items():
            context = browser.new_context(base_url=base_url, **options)
            page = context.new_page()
            # The reader's pages first, then the sign-in page, then the editor's.
            for name, (address, signed_in) in sorted(PAGES.items(), key=lambda p: p[1][1]):
                if signed_in and "/admin/login/" in page.url:
                    sign_in(page)
                page.goto(address.format(**ids), wait_until="networkidle")
                path = out_dir / f"{name}-{screen}.png"
                page.screenshot(path=path, full_page=True, animations="disabled")
                height = page.evaluate("document.documentElement.scrollHeight")
                if path.stat().st_size > MAX_BYTES:
                    # Too long to be worth its weight: the top of the page only, said in print.
                    height = int(height * MAX_BYTES / path.stat().st_size * 0.9)
                    width = options["viewport"]["width"]
                    clip = {"x": 0, "y": 0, "width": width, "height": height}
                    page.screenshot(path=path, full_page=True, clip=clip, animations="disabled")
                    cut.append(f"{path.name}: the first {height} px")
                print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB, {height} px")
                # Each page as a first visit shows it: ?view=compact is remembered otherwise.
                page.evaluate("localStorage.clear()")
            context.close()
        browser.close()
    return cut


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="evtracker-screens-") as workdir:
        env, ids = demo_site(workdir)
        with Gunicorn(env, workdir, workers=2) as server:
            cut = shoot(f"http://127.0.0.1:{server.port}", ids, args.out_dir.resolve())
    for line in cut:
        print(f"Cut to stay under {MAX_BYTES // 1024} KB: {line}")


if __name__ == "__main__":
    main()
