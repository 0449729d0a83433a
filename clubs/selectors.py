"""Reads behind the club pages that need only this app (the club page composes apps and
lives in interviews.profiles)."""

from django.db.models import QuerySet

from clubs.models import Club


def club_list() -> QuerySet[Club]:
    return Club.objects.published().select_related("country", "parent").order_by("name")
