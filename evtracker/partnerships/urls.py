from django.urls import path

from . import views

app_name = "partnerships"
urlpatterns = [
    path("", views.home, name="home"),
    path("companies/<slug:slug>/", views.company, name="company"),
]
