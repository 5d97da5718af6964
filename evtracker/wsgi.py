import gc
import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evtracker.settings")
application = get_wsgi_application()


def _load_what_requests_would():
    """Imports the views, builds the table `reverse` reads and compiles every project template,
    so that a worker's first page of each kind costs what its later ones do: otherwise the
    first fresh render of a page in each process paid 100-200 ms for them
    (docs/architecture.md, "Fast fresh pages")."""
    from django.conf import settings
    from django.template import engines
    from django.urls import reverse

    # The first name looked up in a namespace imports its views and builds that namespace's
    # table for every later `reverse` (the admin's takes 20 ms).
    reverse("partnerships:timeline")
    reverse("admin:index")
    root = Path(settings.BASE_DIR) / "templates"
    for engine in engines.all():
        folder = root / "jinja2" if engine.name == "jinja2" else root
        for path in sorted(folder.rglob("*.html")):
            name = path.relative_to(folder)
            if engine.name != "jinja2" and name.parts[0] == "jinja2":
                continue
            engine.get_template(name.as_posix())


_load_what_requests_would()
# What start-up loaded (Django, the URLs, the views, the compiled templates) lives as long as
# the process: out of the collector's generations, a full collection during a request no
# longer walks it (docs/architecture.md, "Fast fresh pages").
gc.freeze()
