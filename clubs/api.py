"""JSON API for clubs, competitions, national teams and countries.

The club detail lists players, so ClubViewSet lives in players.api.
"""

from django.db import models
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from clubs.models import Club, Competition, Country, NationalTeam
from core.api import (
    AUTHENTICATION,
    SLUG_PATTERN,
    ApiSchema,
    ApiViewSet,
    CachedReads,
    ModelInputSerializer,
    OutputSerializer,
    Pagination,
    PublicListSerializer,
    PublicRef,
    RefField,
    param,
    write_schema,
)

# --- References: a short form other records link to ---------------------------------


class CountrySerializer(OutputSerializer):
    class Meta:
        model = Country
        fields = ["code", "name", "demonym"]


class ClubRefSerializer(PublicRef, OutputSerializer):
    """A club as other records name it; a draft club is null for the public."""

    url = serializers.HyperlinkedIdentityField(view_name="club-detail", lookup_field="slug")

    class Meta:
        model = Club
        fields = ["slug", "name", "url"]
        list_serializer_class = PublicListSerializer


class CompetitionRefSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="competition-detail", lookup_field="slug")

    class Meta:
        model = Competition
        fields = ["slug", "name", "url"]


class NationalTeamRefSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="nationalteam-detail", lookup_field="slug")
    name = serializers.CharField(read_only=True)

    class Meta:
        model = NationalTeam
        fields = ["slug", "name", "url"]


# --- Clubs ----------------------------------------------------------------------------


class ClubSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="club-detail", lookup_field="slug")
    country = CountrySerializer(read_only=True, allow_null=True)
    parent = ClubRefSerializer(read_only=True, allow_null=True)
    crest = serializers.ImageField(read_only=True, use_url=True)

    class Meta:
        model = Club
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "country",
            "parent",
            "crest",
            "website",
            "status",
            "updated_at",
        ]


class ClubInputSerializer(ModelInputSerializer):
    country = RefField(
        slug_field="code", queryset=Country.objects.all(), allow_null=True, required=False
    )
    # A declared field (the metaclass moves it into _declared_fields), not Field.parent.
    parent = RefField(  # type: ignore[assignment]
        slug_field="slug", queryset=Club.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Club
        fields = ["name", "short_name", "slug", "country", "parent", "website", "status"]


# --- Competitions, national teams, countries -------------------------------------------


class CompetitionSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="competition-detail", lookup_field="slug")
    country = CountrySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Competition
        fields = ["slug", "url", "name", "country", "tier", "kind"]


class CompetitionInputSerializer(ModelInputSerializer):
    country = RefField(
        slug_field="code", queryset=Country.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Competition
        fields = ["name", "slug", "country", "tier", "kind"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            param("country", "ISO code of the competition's country, e.g. DE."),
            param("kind", "League, cup, continental or other.", enum=Competition.Kind.values),
        ]
    ),
    **write_schema(CompetitionSerializer, "competition"),
)
class CompetitionViewSet(ApiViewSet):
    """Leagues and cups (always public: they have no draft state)."""

    queryset = Competition.objects.all()
    output_serializer_class = CompetitionSerializer
    detail_serializer_class = CompetitionSerializer
    input_serializer_class = CompetitionInputSerializer
    filter_lookups = {"country": "country__code__iexact", "kind": "kind"}

    def get_queryset(self) -> models.QuerySet:
        return self.filtered(Competition.objects.select_related("country").order_by("name", "pk"))


class NationalTeamSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="nationalteam-detail", lookup_field="slug")
    name = serializers.CharField(read_only=True)
    country = CountrySerializer(read_only=True)

    class Meta:
        model = NationalTeam
        fields = ["slug", "url", "name", "country", "level"]


class NationalTeamInputSerializer(ModelInputSerializer):
    country = RefField(slug_field="code", queryset=Country.objects.all())

    class Meta:
        model = NationalTeam
        fields = ["country", "level", "slug"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            param("country", "ISO code of the country, e.g. DE."),
            param("level", "Senior, an age group or Olympic.", enum=NationalTeam.Level.values),
        ]
    ),
    **write_schema(NationalTeamSerializer, "national team"),
)
class NationalTeamViewSet(ApiViewSet):
    """A country's teams by level: senior, U15 … U23, Olympic (always public)."""

    queryset = NationalTeam.objects.all()
    output_serializer_class = NationalTeamSerializer
    detail_serializer_class = NationalTeamSerializer
    input_serializer_class = NationalTeamInputSerializer
    filter_lookups = {"country": "country__code__iexact", "level": "level"}

    def get_queryset(self) -> models.QuerySet:
        teams = NationalTeam.objects.select_related("country")
        return self.filtered(teams.order_by("country__name", "level", "pk"))


class CountryViewSet(CachedReads, viewsets.ReadOnlyModelViewSet):
    """The countries other records refer to by ISO code (read only)."""

    queryset = Country.objects.order_by("name", "pk")
    serializer_class = CountrySerializer
    lookup_field = "code"
    lookup_value_regex = SLUG_PATTERN
    pagination_class = Pagination
    authentication_classes = AUTHENTICATION
    schema = ApiSchema()
