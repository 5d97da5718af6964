from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "evtracker.news"
    verbose_name = "News ingestion"
