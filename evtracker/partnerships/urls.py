from django.urls import path

from . import exports, feeds, views

app_name = "partnerships"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("boards/<slug:board>/", views.board, name="board"),
    path("boards/<slug:board>/<int:pk>/move/", views.move_card, name="move_card"),
    path("companies/<slug:slug>/", views.company, name="company"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("feeds/timeline.atom", feeds.AtomTimelineFeed(), name="feed_atom"),
    path("feeds/timeline.rss", feeds.RssTimelineFeed(), name="feed_rss"),
    path("export/<slug:kind>.<slug:fmt>", exports.export, name="export"),
    path("favicon.ico", views.favicon),
]
