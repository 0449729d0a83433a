"""JSON API for interviews: byline, turns in reading order, photo credits, mentions."""

from typing import Any

from django.db import models
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from clubs.api import (
    ClubRefSerializer,
)
from core.api import (
    SEARCH,
    SEARCH_LOOKUP,
    STATUS,
    ApiViewSet,
    ModelInputSerializer,
    OutputSerializer,
    PublicListSerializer,
    RefField,
    param,
    visible,
    write_schema,
)
from interviews.models import Interview, Mention, Outlet, PhotoCredit, Turn
from players.api import (
    PlayerDetailSerializer,
    PlayerRefSerializer,
    PlayerViewSet,
)
from players.models import Player


class OutletSerializer(OutputSerializer):
    class Meta:
        model = Outlet
        fields = ["slug", "name", "website"]


class InterviewSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="interview-detail", lookup_field="slug")
    outlet = OutletSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Interview
        fields = [
            "slug",
            "url",
            "title",
            "outlet",
            "author",
            "published_at",
            "published_precision",
            "language",
            "status",
            "updated_at",
        ]


class TurnSerializer(OutputSerializer):
    class Meta:
        model = Turn
        fields = ["order", "kind", "speaker", "text"]


class PhotoCreditSerializer(OutputSerializer):
    class Meta:
        model = PhotoCredit
        fields = ["order", "caption", "credit"]


class MentionSerializer(OutputSerializer):
    """A known player or club named in the interview; a mention of a draft is left out."""

    player = PlayerRefSerializer(read_only=True, allow_null=True)
    club = ClubRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Mention
        fields = ["name", "player", "club"]
        list_serializer_class = PublicListSerializer

    def to_representation(self, instance: Mention) -> Any:
        data = super().to_representation(instance)
        return data if data["player"] or data["club"] else None


class InterviewDetailSerializer(InterviewSerializer):
    players = PlayerRefSerializer(
        many=True, read_only=True, source="visible_players", help_text="Who it is about."
    )
    turns = TurnSerializer(many=True, read_only=True)
    photo_credits = PhotoCreditSerializer(many=True, read_only=True)
    mentions = MentionSerializer(many=True, read_only=True)

    class Meta(InterviewSerializer.Meta):
        fields = [
            *InterviewSerializer.Meta.fields,
            "source_url",
            "standfirst",
            "players",
            "turns",
            "photo_credits",
            "mentions",
            "created_at",
        ]


class InterviewInputSerializer(ModelInputSerializer):
    outlet = RefField(
        slug_field="slug", queryset=Outlet.objects.all(), allow_null=True, required=False
    )
    players = RefField(slug_field="slug", queryset=Player.objects.all(), many=True, required=False)

    class Meta:
        model = Interview
        fields = [
            "title",
            "slug",
            "status",
            "outlet",
            "author",
            "published_at",
            "published_precision",
            "language",
            "source_url",
            "standfirst",
            "players",
        ]

    def save(self, **kwargs) -> Interview:
        interview = super().save(**kwargs)
        interview.save()  # the players it is about, set after the first save, feed the search
        return interview


@extend_schema_view(
    list=extend_schema(
        parameters=[
            param("player", "Slug of a player the interview is about."),
            param("outlet", "Slug of the outlet."),
            SEARCH,
            STATUS,
        ]
    ),
    **write_schema(InterviewDetailSerializer, "interview"),
)
class InterviewViewSet(ApiViewSet):
    """Interviews, newest first; the detail has the full text turn by turn."""

    queryset = Interview.objects.all()
    output_serializer_class = InterviewSerializer
    detail_serializer_class = InterviewDetailSerializer
    input_serializer_class = InterviewInputSerializer
    filter_lookups = {
        "player": "players__slug",
        "outlet": "outlet__slug",
        "search": SEARCH_LOOKUP,
        "status": "status",
    }

    def get_queryset(self) -> models.QuerySet:
        request = self.request
        interviews = self.filtered(visible(request, Interview.objects.select_related("outlet")))
        interviews = interviews.order_by(*(Interview._meta.ordering or []), "pk")
        if self.action == "list":
            return interviews
        return interviews.prefetch_related(
            Prefetch(
                "players",
                queryset=visible(request, Player.objects.all()),
                to_attr="visible_players",
            ),
            "turns",
            "photo_credits",
            Prefetch("mentions", queryset=Mention.objects.select_related("player", "club")),
        )


# --- The player detail with the player's interviews (players.api cannot import them) ----


class PlayerInterviewSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="interview-detail", lookup_field="slug")
    outlet = serializers.SlugRelatedField[Outlet](
        read_only=True, slug_field="name", allow_null=True
    )

    class Meta:
        model = Interview
        fields = ["slug", "url", "title", "outlet", "published_at", "published_precision"]


class PlayerProfileSerializer(PlayerDetailSerializer):
    interviews = PlayerInterviewSerializer(many=True, read_only=True, source="visible_interviews")

    class Meta(PlayerDetailSerializer.Meta):
        fields = [*PlayerDetailSerializer.Meta.fields[:-1], "interviews", "created_at"]


@extend_schema_view(**write_schema(PlayerProfileSerializer, "player"))
class PlayerProfileViewSet(PlayerViewSet):
    __doc__ = PlayerViewSet.__doc__
    detail_serializer_class = PlayerProfileSerializer

    def interviews_queryset(self) -> models.QuerySet:
        return visible(self.request, Interview.objects.select_related("outlet"))
