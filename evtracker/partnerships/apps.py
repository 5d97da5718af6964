from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "evtracker.partnerships"
    verbose_name = "Partnerships"
