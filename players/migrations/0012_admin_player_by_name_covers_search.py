from django.db import migrations

# PostgreSQL: the admin's index on (full_name, id) (0011) also carries search_text, so a
# search walks the names in order and tests each one in the index, without reading the
# table: page 1 of 'müller' at 1,000,000 players 9 → 1.6 ms, page 20 30 → 12 ms
# (bench/README.md, Scale). SQLite has no INCLUDE: its index stays as 0011 made it.
INDEX = "player_admin_by_name"


def include_search_text(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON players_player (full_name, id) INCLUDE (search_text)"
        )


def without_search_text(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(f"CREATE INDEX {INDEX} ON players_player (full_name, id)")


class Migration(migrations.Migration):
    dependencies = [
        ("players", "0011_admin_player_by_name_index"),
    ]

    operations = [
        migrations.RunPython(include_search_text, without_search_text),
    ]
