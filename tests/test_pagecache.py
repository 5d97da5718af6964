"""The page cache: readers get stored pages until the data changes, and never a stale one."""

import re
from datetime import date

import pytest
from django.db import transaction
from django.test import Client

from evtracker.partnerships import pagecache
from evtracker.partnerships.models import Company
from tests.factories import make_company, make_editor, make_talk

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.redis, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.EVTRACKER_PAGE_CACHE_SECONDS = 60


def served_from_cache(response):
    return response.headers.get(pagecache.HIT_HEADER) == "hit"


def script_nonce(response):
    return re.search(r'<script[^>]* nonce="([^"]+)"', response.content.decode()).group(1)


def test_a_second_reader_gets_the_stored_page_with_a_nonce_of_its_own(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    first, second = client.get("/"), client.get("/")

    assert not served_from_cache(first)
    assert served_from_cache(second)
    assert "Xiaomi and Chery reportedly in talks" in second.content.decode()
    # Same page, fresh nonce: the stored copy's scripts still run under the new policy.
    assert script_nonce(first) != script_nonce(second)
    assert f"'nonce-{script_nonce(second)}'" in second.headers["Content-Security-Policy"]
    without_nonce = [r.content.decode().replace(script_nonce(r), "") for r in (first, second)]
    assert without_nonce[0] == without_nonce[1]


def test_a_committed_write_shows_on_the_next_page(client):
    xiaomi = make_company("Xiaomi")
    make_talk(xiaomi, make_company("Chery"))
    client.get("/")
    make_talk(xiaomi, make_company("Brilliance Auto"), on=date(2023, 10, 13))

    response = client.get("/")
    assert not served_from_cache(response)
    assert "Xiaomi and Brilliance Auto reportedly in talks" in response.content.decode()


def test_a_bulk_update_that_sends_no_signal_still_refreshes_pages(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    client.get("/")
    Company.objects.filter(name="Chery").update(name="Chery Automobile")

    html = client.get("/").content.decode()
    assert "Chery Automobile" in html


def test_the_version_moves_when_the_transaction_commits_not_before():
    before = pagecache.data_version()
    with transaction.atomic():
        make_company("Xiaomi")
        assert pagecache.data_version() == before
    assert pagecache.data_version() > before


def test_a_rolled_back_write_leaves_the_cached_pages_alone(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    client.get("/")
    with pytest.raises(RuntimeError), transaction.atomic():
        make_company("Never Motors")
        raise RuntimeError("abandoned")
    assert served_from_cache(client.get("/"))


def test_an_uncommitted_write_is_seen_by_its_own_connection(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    client.get("/")
    with transaction.atomic():
        Company.objects.filter(name="Chery").update(name="Chery Automobile")
        response = client.get("/")
        assert not served_from_cache(response)
        assert "Chery Automobile" in response.content.decode()
        transaction.set_rollback(True)
    assert "Chery Automobile" not in client.get("/").content.decode()


def test_htmx_fragments_and_full_pages_are_stored_apart(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    client.get("/?company=xiaomi")
    fragment = client.get("/?company=xiaomi", HTTP_HX_REQUEST="true")
    full = client.get("/?company=xiaomi")

    assert "<html" not in fragment.content.decode()
    assert fragment.headers["HX-Push-Url"] == "/?company=xiaomi"
    assert served_from_cache(full) and "<html" in full.content.decode()
    assert served_from_cache(client.get("/?company=xiaomi", HTTP_HX_REQUEST="true"))


def test_editors_always_get_a_fresh_page_with_their_token(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    client.get("/boards/talks/")
    client.force_login(make_editor())

    response = client.get("/boards/talks/")
    assert not served_from_cache(response)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "X-CSRFToken" in response.content.decode()


def test_readers_pages_carry_no_csrf_token_or_cookie(client):
    response = client.get("/")
    assert "X-CSRFToken" not in response.content.decode()
    assert "csrftoken" not in response.cookies


def test_pages_still_render_when_the_cache_is_unreachable(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    make_talk(make_company("Xiaomi"), make_company("Chery"))

    response = client.get("/")
    assert response.status_code == 200
    assert "Xiaomi and Chery reportedly in talks" in response.content.decode()
    assert "Page cache: cannot" in caplog.text


def test_readers_may_get_a_page_up_to_the_grace_period_old_while_data_moves(client, settings):
    settings.EVTRACKER_PAGE_CACHE_GRACE_SECONDS = 60
    xiaomi = make_company("Xiaomi")
    make_talk(xiaomi, make_company("Chery"))
    client.get("/")
    # Ingestion stores a new fact: readers keep the page rendered a moment ago...
    make_talk(xiaomi, make_company("Brilliance Auto"), on=date(2023, 10, 13))
    recent = client.get("/")
    assert recent.headers[pagecache.HIT_HEADER] == "recent"
    assert "Brilliance Auto" not in recent.content.decode()
    # ...an editor sees the change at once...
    editor = Client()
    editor.force_login(make_editor())
    assert "Brilliance Auto" in editor.get("/").content.decode()
    # ...and once the grace period is over, so do readers.
    settings.EVTRACKER_PAGE_CACHE_GRACE_SECONDS = 0
    fresh = client.get("/")
    assert fresh.headers.get(pagecache.HIT_HEADER) is None
    assert "Brilliance Auto" in fresh.content.decode()


def test_a_new_release_never_serves_the_pages_an_older_one_stored(client, settings):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    settings.EVTRACKER_RELEASE = "release-one"
    pagecache.release.cache_clear()
    client.get("/")
    assert served_from_cache(client.get("/"))

    settings.EVTRACKER_RELEASE = "release-two"
    pagecache.release.cache_clear()
    try:
        assert not served_from_cache(client.get("/"))
        assert served_from_cache(client.get("/"))
    finally:
        pagecache.release.cache_clear()


def test_the_default_release_follows_the_code_on_disk(settings, tmp_path):
    settings.EVTRACKER_RELEASE = ""
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>one</p>")
    before = pagecache.code_release()

    page.write_text("<p>one, and two</p>")

    assert pagecache.code_release() != before
