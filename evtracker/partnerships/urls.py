from django.urls import path

from . import exports, feeds, views
from .pagecache import cached_page

app_name = "partnerships"
urlpatterns = [
    path("", cached_page(views.timeline), name="timeline"),
    path("boards/<slug:board>/", cached_page(views.board), name="board"),
    path("boards/<slug:board>/<int:pk>/move/", views.move_card, name="move_card"),
    path("companies/<slug:slug>/", cached_page(views.company), name="company"),
    path("articles/<int:pk>/", cached_page(views.article), name="article"),
    path("feeds/timeline.atom", cached_page(feeds.AtomTimelineFeed()), name="feed_atom"),
    path("feeds/timeline.rss", cached_page(feeds.RssTimelineFeed()), name="feed_rss"),
    path("export/<slug:kind>.<slug:fmt>", exports.export, name="export"),
    path("favicon.ico", views.favicon),
]
