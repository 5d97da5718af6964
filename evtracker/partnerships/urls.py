from django.urls import path

from . import exports, feeds, network, picker, sources, story, views
from .pagecache import cached_page

app_name = "partnerships"
urlpatterns = [
    path("", cached_page(views.timeline), name="timeline"),
    path("boards/<slug:board>/", cached_page(views.board), name="board"),
    path("boards/<slug:board>/<int:pk>/move/", views.move_card, name="move_card"),
    path("companies.json", picker.companies, name="company_search"),
    path("companies/<slug:slug>/", cached_page(views.company), name="company"),
    path("articles/<int:pk>/", cached_page(views.article), name="article"),
    path("talks/<int:pk>/", cached_page(story.story), {"fact_type": "talk"}, name="talk"),
    path(
        "investments/<int:pk>/",
        cached_page(story.story),
        {"fact_type": "investment"},
        name="investment",
    ),
    path(
        "approvals/<int:pk>/", cached_page(story.story), {"fact_type": "approval"}, name="approval"
    ),
    path("sources/", cached_page(sources.sources), name="sources"),
    path("network/", cached_page(network.network), name="network"),
    path("feeds/timeline.atom", cached_page(feeds.AtomTimelineFeed()), name="feed_atom"),
    path("feeds/timeline.rss", cached_page(feeds.RssTimelineFeed()), name="feed_rss"),
    path("export/<slug:kind>.<slug:fmt>", exports.export, name="export"),
    path("favicon.ico", views.favicon),
]
