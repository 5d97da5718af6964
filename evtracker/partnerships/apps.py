from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "evtracker.partnerships"
    verbose_name = "Partnerships"

    def ready(self):
        from . import pagecache, signals  # noqa: F401 (signals connect on import)

        pagecache.install()
