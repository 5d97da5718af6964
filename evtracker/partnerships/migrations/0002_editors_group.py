"""The Editors group: curate companies, facts and evidence; never users or groups.

Permissions are created here (not left to post_migrate) so that the group is
complete on a fresh database, where post_migrate has not run yet.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"

# app label -> model name -> actions the Editors group may take.
EDITOR_PERMISSIONS = {
    "partnerships": {
        "company": ("add", "change", "view"),
        # Editors remove a wrong alias or a wrong piece of evidence; never a company or a fact.
        "companyalias": ("add", "change", "delete", "view"),
        "reportedtalk": ("add", "change", "view"),
        "investment": ("add", "change", "view"),
        "approval": ("add", "change", "view"),
        "evidence": ("add", "change", "delete", "view"),
        "factchange": ("view",),
        "event": ("view",),
    },
    "news": {
        "article": ("view",),
        "feed": ("add", "change", "view"),
    },
}


def editor_codenames():
    return {
        (app_label, f"{action}_{model}")
        for app_label, models in EDITOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }


def create_editors_group(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    for app_label in EDITOR_PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        # Historical app configs have no models module, and create_permissions skips those.
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        app_config.models_module = previous

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = editor_codenames()
    permissions = [
        permission
        for permission in Permission.objects.using(using)
        .select_related("content_type")
        .filter(
            content_type__app_label__in=EDITOR_PERMISSIONS,
            codename__in={codename for _, codename in wanted},
        )
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    found = {(p.content_type.app_label, p.codename) for p in permissions}
    if found != wanted:
        missing = ", ".join(sorted(f"{app}.{code}" for app, code in wanted - found))
        raise RuntimeError(f"Permissions missing for the Editors group: {missing}")
    group, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    apps.get_model("auth", "Group").objects.using(using).filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("news", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_editors_group, remove_editors_group),
    ]
