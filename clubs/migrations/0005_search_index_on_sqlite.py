from django.db import migrations

from core.search_index import create_search_index, drop_search_index


def create(apps, schema_editor) -> None:
    """SQLite only: an FTS5 trigram index over search_text, kept in step by triggers
    (core.search_index), as for players. A no-op on PostgreSQL."""
    create_search_index(schema_editor.connection, "clubs_club")


def drop(apps, schema_editor) -> None:
    drop_search_index(schema_editor.connection, "clubs_club")


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0004_reencoded_images"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
