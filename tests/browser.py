"""What the browser tests and bench/screenshots.py share: the two screens, axe-core, and the
list of every page a reader or editor sees.

axe-core comes from npm (package.json at the repository root: `npm ci`)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREENS = {"desktop": DESKTOP, "phone": PHONE}

# name -> (address, signed in as an editor). The address is formatted with the ids of a
# talk, an investment, an approval, an article, an ingestion run and a company's slug.
PAGES = {
    "timeline": ("/", False),
    "timeline-compact": ("/?view=compact", False),
    "timeline-filtered": ("/?company=xiaomi&company=chery", False),
    "talks-board": ("/boards/talks/", False),
    "approvals-board": ("/boards/approvals/", False),
    "company": ("/companies/{company}/", False),
    "article": ("/articles/{article}/", False),
    "story-talk": ("/talks/{talk}/", False),
    "story-investment": ("/investments/{investment}/", False),
    "story-approval": ("/approvals/{approval}/", False),
    "sources-by-outlet": ("/sources/?by=outlet", False),
    "sources-by-attribution": ("/sources/?by=attribution", False),
    "network": ("/network/", False),
    "not-found": ("/no-such-page/", False),
    "admin-login": ("/admin/login/?next=/admin/", False),
    "admin-index": ("/admin/", True),
    "admin-add-talk": ("/admin/partnerships/reportedtalk/add/", True),
    "admin-add-investment": ("/admin/partnerships/investment/add/", True),
    "admin-add-approval": ("/admin/partnerships/approval/add/", True),
    "admin-add-company": ("/admin/partnerships/company/add/", True),
    "admin-change-talk": ("/admin/partnerships/reportedtalk/{talk}/change/", True),
    "admin-start-ingestion": ("/admin/news/ingestionrun/start/", True),
    "admin-run": ("/admin/news/ingestionrun/{run}/change/", True),
}


def run_axe(page, disable=()):
    """axe-core's violations on the page, as "rule: selector | selector" lines.

    axe is injected as an inline script: open the page with bypass_csp=True."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (disabled) => {
            const rules = Object.fromEntries(disabled.map(id => [id, {enabled: false}]));
            const result = await axe.run(document, {rules});
            return result.violations.map(
                v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '));
        }""",
        list(disable),
    )
