"""Create a local superuser once, so a fresh `dev.py run` tells how to log in.

With --reset (dev.py passes it when KADER_ADMIN_PASSWORD is set) the named user's password
is set to the given one on every run, so the variable is never silently ignored.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Create the named superuser if no superuser exists yet, and say how to log in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", required=True)
        parser.add_argument(
            "--reset", action="store_true", help="set the password if the user exists"
        )
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(
        self, *args: Any, username: str, password: str, reset: bool, url: str, **options: Any
    ) -> None:
        user_model = get_user_model()
        hint = f".venv/bin/python manage.py changepassword {username}"
        existing = user_model.objects.filter(username=username, is_superuser=True).first()
        if existing is not None and reset:
            existing.set_password(password)
            existing.save(update_fields=["password"])
            self.stdout.write(
                self.style.SUCCESS(f"Admin: {url} as {username!r} with KADER_ADMIN_PASSWORD.")
            )
            return
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"Admin: {url} with your existing superuser ({hint} to reset a password, "
                "or set KADER_ADMIN_PASSWORD)."
            )
            return
        user_model.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {url} as {username!r}, password {password!r} "
                f"(shown once; {hint} to change it)."
            )
        )
