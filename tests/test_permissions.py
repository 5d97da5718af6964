"""Who may do what in admin: editors curate facts, never users; strangers go to the login page."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from evtracker.partnerships.models import ReportedTalk

from .factories import (
    admin_form_data,
    make_article,
    make_company,
    make_editor,
    make_talk,
    make_user,
)

pytestmark = pytest.mark.django_db

migration = importlib.import_module("evtracker.partnerships.migrations.0002_editors_group")


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def group_permissions():
    group = Group.objects.get(name="Editors")
    return {
        (app_label, codename)
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_it_gives_editors_add_change_and_view_on_companies_facts_and_evidence():
    make_editor()  # makes sure the group exists even after a flushing test
    granted = group_permissions()

    for model in ("company", "reportedtalk", "investment", "approval", "evidence"):
        for action in ("add", "change", "view"):
            assert ("partnerships", f"{action}_{model}") in granted
    assert ("partnerships", "view_factchange") in granted
    assert ("news", "view_article") in granted


def test_it_gives_editors_nothing_on_users_groups_or_deleting_companies_and_facts():
    make_editor()
    granted = group_permissions()

    assert not {perm for perm in granted if perm[0] in ("auth", "contenttypes", "sessions")}
    for model in ("company", "reportedtalk", "investment", "approval"):
        assert ("partnerships", f"delete_{model}") not in granted
    assert ("news", "change_article") not in granted


def test_it_removes_and_recreates_the_group_with_the_migration():
    Group.objects.filter(name="Editors").delete()
    migration.create_editors_group(apps, None)
    created = group_permissions()

    migration.remove_editors_group(apps, None)
    assert not Group.objects.filter(name="Editors").exists()

    migration.create_editors_group(apps, None)
    migration.create_editors_group(apps, None)
    assert group_permissions() == created == migration.editor_codenames()


def test_it_lets_an_editor_list_and_change_talks(editor_client):
    talk = make_talk(make_company("Xiaomi"), make_company("Chery"))
    url = reverse("admin:partnerships_reportedtalk_change", args=[talk.pk])

    assert editor_client.get("/admin/partnerships/reportedtalk/").status_code == 200
    response = editor_client.post(url, admin_form_data(editor_client.get(url), status="agreed"))

    assert response.status_code == 302
    assert ReportedTalk.objects.get().status == "agreed"


def test_it_lets_an_editor_read_articles_but_not_change_them(editor_client):
    article = make_article(title="Original")
    url = reverse("admin:news_article_change", args=[article.pk])

    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, {"title": "Changed"}).status_code == 403
    article.refresh_from_db()
    assert article.title == "Original"


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]
)
def test_it_forbids_editors_the_user_and_group_admin(editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_it_forbids_an_editor_to_make_themselves_superuser(editor_client):
    editor = make_user("other-editor")
    url = reverse("admin:auth_user_change", args=[editor.pk])

    response = editor_client.post(url, {"username": "other-editor", "is_superuser": "on"})

    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_it_forbids_an_editor_to_delete_a_talk(editor_client):
    talk = make_talk()
    url = reverse("admin:partnerships_reportedtalk_delete", args=[talk.pk])

    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert ReportedTalk.objects.filter(pk=talk.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/partnerships/reportedtalk/",
        "/admin/partnerships/company/1/merge/",
        "/admin/auth/user/",
    ],
)
def test_it_sends_anonymous_visitors_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_it_sends_a_non_staff_user_to_the_login_page(client):
    client.force_login(make_user(is_staff=False))

    response = client.get("/admin/partnerships/reportedtalk/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
