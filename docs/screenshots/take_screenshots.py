"""Take the dashboard screenshots in this folder, at desktop and phone widths.

Run against a server holding the seed and the development set, e.g.:
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_companies
    .venv/bin/python manage.py ingest seeds/articles tests/data/devset
    .venv/bin/python manage.py runserver 127.0.0.1:8000 &
    .venv/bin/python docs/screenshots/take_screenshots.py [http://127.0.0.1:8000]
Uses Debian's Chromium (/usr/bin/chromium) through Playwright, headless.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
PAGES = [
    ("timeline", "/"),
    ("timeline-filtered", "/?company=xiaomi&company=chery"),
    ("talks-board", "/boards/talks/"),
    ("approvals-board", "/boards/approvals/"),
    ("company", "/companies/xiaomi/"),
    ("article", "/articles/1/"),
]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]


def main(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for size, viewport in SIZES.items():
            page = browser.new_page(viewport=viewport, is_mobile=size == "phone")
            for name, path in PAGES:
                # On a phone the filters fill the first screen: show the results below them.
                anchor = "#results" if size == "phone" and name != "company" else ""
                page.goto(base + path + anchor)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=HERE / f"{name}-{size}.png")
                print(HERE / f"{name}-{size}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
