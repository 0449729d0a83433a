from django.db import migrations

# PostgreSQL: the players whose names start with a search's query, from an index and not
# by reading every player that contains it (players.search: a query that thousands of
# names contain ranks a bounded number of candidates, and these are among them). The
# first 100 characters: a btree entry has a size limit, search_text has none. SQLite
# searches through its FTS5 index (0010): a no-op there.
INDEX = "player_search_text_prefix"


def create_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON players_player "
            "(left(search_text, 100) text_pattern_ops)"
        )


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("players", "0012_admin_player_by_name_covers_search"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
