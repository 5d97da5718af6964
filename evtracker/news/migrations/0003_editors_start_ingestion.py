"""Editors may start ingestion runs and watch them (add and view on IngestionRun)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ("add_ingestionrun", "view_ingestionrun")


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    app_config = apps.get_app_config("news")
    # Historical app configs have no models module, and create_permissions skips those.
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = previous or True
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.using(using).filter(name="Editors").first()
    if editors is None:
        return
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="news", codename__in=CODENAMES
    )
    editors.permissions.add(*permissions)


def revoke(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.using(using).filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.using(using).filter(
                content_type__app_label="news", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_ingestion_sources"),
        ("partnerships", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
