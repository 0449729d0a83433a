"""Querysets turned into SQL once per process and run again with another value.

For the small reads of a page, building the query is most of what the ORM costs: a
profile's dozen reads took about 5.5 ms of worker CPU, of which SQLite ran about 0.3
(issue 13). A PreparedQuery builds its queryset once, with a stand-in for the value, keeps
the SQL and runs it through raw() with the value in the stand-in's place, so each later
read costs what the database and the model instances cost.

Only for querysets whose SQL depends on nothing but that value: not on the time (no
now()), not on a list whose length varies (an IN list), not on the language. The rows are
plain model instances: no select_related (raw() would mix the joined columns up), so
related records are read by a query of their own and attached by their ids.
"""

import threading
from collections.abc import Callable
from typing import Any

from django.db import models
from django.db.models.query import ModelIterable

INT_STAND_IN = -7_654_321_987  # an id no table holds
TEXT_STAND_IN = "kader-prepared-stand-in-7654321987"


class PreparedQuery[M: models.Model]:
    """build(value) -> the queryset; calling the PreparedQuery with a value returns its
    rows. The stand-in (an int, or a str with text=True) must appear among the query's
    parameters: every parameter equal to it is replaced by the value."""

    def __init__(self, build: Callable[[Any], models.QuerySet[M]], *, text: bool = False):
        self._build = build
        self._stand_in: int | str = TEXT_STAND_IN if text else INT_STAND_IN
        self._compiled: dict[str, tuple[type[M], str, tuple[Any, ...]]] = {}
        self._lock = threading.Lock()

    def sql(self, using: str = "default") -> tuple[type[M], str, tuple[Any, ...]]:
        compiled = self._compiled.get(using)
        if compiled is None:
            with self._lock:
                queryset = self._build(self._stand_in).using(using)
                if queryset.query.select_related or queryset._iterable_class is not ModelIterable:
                    raise ValueError("a prepared query reads plain records, no joins")
                sql, params = queryset.query.sql_with_params()
                if self._stand_in not in params:
                    raise ValueError("the stand-in value is not a parameter of the query")
                compiled = (queryset.model, sql, tuple(params))
                self._compiled[using] = compiled
        return compiled

    def __call__(self, value: Any, using: str = "default") -> list[M]:
        model, sql, params = self.sql(using)
        values = [value if param == self._stand_in else param for param in params]
        return list(model._default_manager.raw(sql, values).using(using))


def by_id[M: models.Model](records: list[M]) -> dict[Any, M]:
    return {record.pk: record for record in records}
