from django.db import migrations

from core.search_index import create_search_index, drop_search_index


def create(apps, schema_editor) -> None:
    """SQLite only: an FTS5 trigram index over search_text, kept in step by triggers
    (core.search_index), as for players. A no-op on PostgreSQL."""
    create_search_index(schema_editor.connection, "interviews_interview")


def drop(apps, schema_editor) -> None:
    drop_search_index(schema_editor.connection, "interviews_interview")


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0003_history_of_mentions_and_players"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
