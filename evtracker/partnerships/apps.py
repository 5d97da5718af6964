from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "evtracker.partnerships"
    verbose_name = "Partnerships"

    def ready(self):
        from . import pagecache  # noqa: F401 (connects its signal on import)

        pagecache.install()
