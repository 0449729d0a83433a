"""Delete uploads checked in the admin but never confirmed, once they are too old.

    python manage.py remove_expired_uploads            # older than KADER_PENDING_IMPORT_HOURS
    python manage.py remove_expired_uploads --dry-run  # only count them

Every import job runs the same cleanup when it starts, so with a worker running nothing
needs scheduling; the command is for a cron job on a site that imports rarely.
"""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from imports.jobs import PENDING_FOLDER, remove_expired_uploads


class Command(BaseCommand):
    help = "Delete pending admin uploads older than KADER_PENDING_IMPORT_HOURS."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")

    def handle(self, *args, dry_run: bool, **options) -> None:
        hours = settings.KADER_PENDING_IMPORT_HOURS
        if dry_run:
            root = Path(default_storage.path(PENDING_FOLDER))
            limit = datetime.now(tz=UTC) - timedelta(hours=hours)
            count = sum(
                datetime.fromtimestamp(p.stat().st_mtime, tz=UTC) < limit
                for p in (root.iterdir() if root.is_dir() else [])
            )
            verb = "would remove"
        else:
            count = remove_expired_uploads()
            verb = "removed"
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(f"{verb} {count} pending upload(s) older than {hours:g} h")
            )
