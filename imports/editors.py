"""The "Editors" group: exactly the permissions an editor needs, kept in step on migrate."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS_GROUP = "Editors"

# Every domain record may be viewed, added, changed and deleted by an editor.
EDITABLE_APPS = ("clubs", "players", "interviews")
# Source documents are imported (added) and read, never edited by hand.
SOURCE_PERMISSIONS = (
    "add_sourcedocument",
    "view_sourcedocument",
    "view_provenance",
    # Conflicts between sources are settled (changed) by editors, never added or deleted.
    "view_conflict",
    "change_conflict",
)


def editor_permissions() -> list[Permission]:
    return list(
        Permission.objects.filter(
            Q(content_type__app_label__in=EDITABLE_APPS)
            & ~Q(content_type__model__startswith="historical")
            | Q(content_type__app_label="sources", codename__in=SOURCE_PERMISSIONS)
        )
    )


def sync_editors_group(**kwargs) -> Group:
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions())
    return group
