from django.db import migrations

# The admin's player changelist in its default order, every status: full_name, then id in
# the same direction (core.admin.TiebreakInOrderChangeList), page ids from an index-only
# scan and a capped count from the same index (core.admin.CappedCountPaginator). The
# partial index player_published_by_name serves only the public list of published players.
# Made by SQL, so the migration state is unchanged (makemigrations sees no difference); it
# may move into Player.Meta.indexes with a state-only migration.
INDEX = "player_admin_by_name"


class Migration(migrations.Migration):
    dependencies = [
        ("players", "0010_search_index_on_sqlite"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON players_player (full_name, id)",
            reverse_sql=f"DROP INDEX {INDEX}",
        ),
    ]
