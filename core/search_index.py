"""Search through an index on SQLite: an FTS5 table with the trigram tokenizer over a
model's search_text, kept in step by triggers.

PostgreSQL matches ``search_text LIKE '%word%'`` from a pg_trgm GIN index (see the players
migration 0006). SQLite has no such index, so the same filter read every row. An FTS5
trigram table finds the rows whose search_text holds a given substring of 3 or more
characters, which is exactly what LIKE '%word%' finds (search_text and the words are folded
by core.text.normalize to lower case, and the tokenizer is case-sensitive, so it compares
them as they are). Words of 1 or 2 characters have no trigram: they stay a LIKE on the
rows the longer words found, or a scan when the query has no longer word.

A model opts in with ``indexed_search = True`` and a migration that calls
``create_search_index``. The table is "external content" (it stores only the index and
reads search_text from the model's table): three triggers keep it in step with every
INSERT, UPDATE and DELETE, including bulk_create, queryset.update() and raw SQL.
"""

from typing import Any

from django.apps import apps
from django.db import connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import RawSQL

MIN_INDEXED_WORD = 3
"""The trigram tokenizer cannot match a shorter string: such words are matched by LIKE."""


def index_table(db_table: str) -> str:
    """The FTS5 table of a model's table: players_player -> players_player_search."""
    return f"{db_table}_search"


def matching_rows(db_table: str) -> str:
    """SQL of the ids of db_table's rows whose search_text matches the %s parameter, an FTS5
    query (made of phrase())."""
    fts = index_table(db_table)
    return f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s"  # noqa: S608  (a model's table)


def phrase(term: str) -> str:
    """term as one FTS5 string ('"' doubled), which the trigram tokenizer matches as a
    substring: 'ann"a' -> '"ann""a"'."""
    return '"' + term.replace('"', '""') + '"'


def _triggers(db_table: str) -> dict[str, str]:
    """The triggers that keep the index of db_table in step, by name. An external-content
    index forgets a row through the 'delete' command with the values it indexed."""
    fts = index_table(db_table)
    # Table names here are models' db_table, never input: S608 does not apply.
    forget = (
        f"INSERT INTO {fts}({fts}, rowid, search_text) "  # noqa: S608
        "VALUES ('delete', old.id, old.search_text);"
    )
    learn = f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text);"  # noqa: S608
    return {
        f"{fts}_insert": f"AFTER INSERT ON {db_table} BEGIN {learn} END",
        f"{fts}_delete": f"AFTER DELETE ON {db_table} BEGIN {forget} END",
        # Only when the text (or the id) changed: most saves leave the names alone.
        f"{fts}_update": (
            f"AFTER UPDATE OF id, search_text ON {db_table} "
            "WHEN old.search_text IS NOT new.search_text OR old.id IS NOT new.id "
            f"BEGIN {forget} {learn} END"
        ),
    }


def create_search_index(connection: BaseDatabaseWrapper, db_table: str) -> None:
    """The FTS5 table and its triggers for db_table, filled from the rows there are.
    SQLite only (a no-op elsewhere); safe to run again."""
    if connection.vendor != "sqlite":
        return
    fts = index_table(db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_text, "
            f"content='{db_table}', content_rowid='id', columnsize=0, "
            "tokenize='trigram case_sensitive 1')"
        )
        for name, body in _triggers(db_table).items():
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608


def drop_search_index(connection: BaseDatabaseWrapper, db_table: str) -> None:
    if connection.vendor != "sqlite":
        return
    fts = index_table(db_table)
    with connection.cursor() as cursor:
        for name in _triggers(db_table):
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {fts}")


def check_search_index(connection: BaseDatabaseWrapper, db_table: str) -> None:
    """FTS5's integrity check of the index against the rows of db_table: raises
    DatabaseError ("database disk image is malformed") where they differ."""
    if connection.vendor != "sqlite":
        return
    fts = index_table(db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")  # noqa: S608


def repair_search_indexes(using: str = "default", **kwargs: Any) -> None:
    """After every migrate (post_migrate): SQLite drops a table's triggers when a migration
    rebuilds the table (Django's way to alter a column there), which would leave the index
    behind the rows. Where the index exists and a trigger is missing, put them back and
    read the index again. An index a migration has not created (or has dropped) stays
    absent."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
    for model in apps.get_models():
        if not getattr(model, "indexed_search", False):
            continue
        db_table = model._meta.db_table
        if index_table(db_table) in present and not set(_triggers(db_table)) <= present:
            create_search_index(connection, db_table)


def indexed_search[Q: models.QuerySet[Any]](queryset: Q, terms: list[str]) -> Q | None:
    """queryset restricted to the rows whose search_text holds every one of terms, through
    the FTS5 index; None where there is no index to use (another database, a model that has
    none, or no term long enough)."""
    model = queryset.model
    if not getattr(model, "indexed_search", False) or connections[queryset.db].vendor != "sqlite":
        return None
    long_terms = [term for term in terms if len(term) >= MIN_INDEXED_WORD]
    if not long_terms:
        return None
    match = " AND ".join(phrase(term) for term in long_terms)  # all of them required
    found = RawSQL(matching_rows(model._meta.db_table), [match])  # noqa: S611
    queryset = queryset.filter(pk__in=found)
    for term in terms:
        if len(term) < MIN_INDEXED_WORD:
            queryset = queryset.filter(search_text__contains=term)
    return queryset
