import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evtracker.settings")
application = get_wsgi_application()
# What start-up loaded (Django, the URLs, the models) lives as long as the process: out of the
# collector's generations, a full collection during a request no longer walks it
# (docs/architecture.md, "Fast fresh pages").
gc.freeze()
