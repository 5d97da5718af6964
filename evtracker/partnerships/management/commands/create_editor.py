from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create (or promote) a staff account in the Editors group; asks for a password."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of prompting.",
        )

    def handle(self, *args, username=None, email="", password_from_env=None, **options):
        import getpass
        import os

        username = username or input("Username: ").strip()
        if not username:
            raise CommandError("A username is required.")
        try:
            editors = Group.objects.get(name="Editors")
        except Group.DoesNotExist as exc:
            raise CommandError("The Editors group is missing: run `manage.py migrate`.") from exc
        if password_from_env:
            password = os.environ.get(password_from_env, "")
        else:
            password = getpass.getpass("Password: ")
        if len(password) < 8:
            raise CommandError("Use a password of at least 8 characters.")
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": email}
        )
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.add(editors)
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} editor {username}; log in at /admin/.")
