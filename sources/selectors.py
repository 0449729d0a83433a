"""Which documents a record came from."""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from sources.models import Provenance


def sources_for(parts: dict[str, Iterable[models.Model]]) -> dict[str, list[str]]:
    """For each named part of a page, the file names of the documents its records came from.

    One query for all parts: (content type, id) pairs of every record, then grouped.
    """
    wanted: dict[tuple[int, int], set[str]] = defaultdict(set)
    records = {name: list(objs) for name, objs in parts.items()}
    models_used = {type(obj) for objs in records.values() for obj in objs}
    if not models_used:
        return {name: [] for name in parts}
    types = ContentType.objects.get_for_models(*models_used)
    for name, objs in records.items():
        for obj in objs:
            wanted[(types[type(obj)].pk, obj.pk)].add(name)
    condition_q = models.Q()
    by_type: dict[int, list[int]] = defaultdict(list)
    for ct_id, obj_id in wanted:
        by_type[ct_id].append(obj_id)
    for ct_id, ids in by_type.items():
        condition_q |= models.Q(content_type_id=ct_id, object_id__in=ids)
    found: dict[str, set[str]] = {name: set() for name in parts}
    rows = Provenance.objects.filter(condition_q).values_list(
        "content_type_id", "object_id", "document__file_name"
    )
    for ct_id, obj_id, file_name in rows:
        for name in wanted.get((ct_id, obj_id), ()):
            found[name].add(file_name)
    return {name: sorted(files) for name, files in found.items()}
