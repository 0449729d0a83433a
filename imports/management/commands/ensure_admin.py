"""Create a local superuser once, so a fresh `dev.py run` tells how to log in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the named superuser if no superuser exists yet, and say how to log in."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", required=True)

    def handle(self, *args, username: str, password: str, **options) -> None:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin: http://127.0.0.1:8000/admin/ with your existing superuser "
                "(python manage.py changepassword NAME to reset it)."
            )
            return
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/ as {username!r}, password {password!r} "
                "(shown once; python manage.py changepassword to change it)."
            )
        )
