from django.db import migrations

from core.search_index import create_search_index, drop_search_index


def create(apps, schema_editor) -> None:
    """SQLite only: an FTS5 trigram index over players' search_text, kept in step by
    triggers (core.search_index). PostgreSQL has its trigram GIN index (0006): a no-op."""
    create_search_index(schema_editor.connection, "players_player")


def drop(apps, schema_editor) -> None:
    drop_search_index(schema_editor.connection, "players_player")


class Migration(migrations.Migration):
    dependencies = [
        ("players", "0009_photo_credit_and_description"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
