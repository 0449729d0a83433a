"""JSON API for players: the list with its filters and the full career on the detail."""

import datetime
from typing import Any

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from clubs.api import (
    ClubInputSerializer,
    ClubRefSerializer,
    ClubSerializer,
    CompetitionRefSerializer,
    CountrySerializer,
    NationalTeamRefSerializer,
)
from clubs.models import Club, Country
from core.api import (
    SEARCH,
    SEARCH_LOOKUP,
    STATUS,
    ApiViewSet,
    IndexedPagination,
    ModelInputSerializer,
    OutputSerializer,
    PublicListSerializer,
    PublicRef,
    RefField,
    param,
    visible,
    write_schema,
)
from core.publishing import DatePrecision
from players.models import (
    Cap,
    InternationalMatch,
    Player,
    Position,
    SeasonStatistics,
    Spell,
    loans_running,
)
from players.selectors import with_career
from players.stats import STAT_FIELDS, Line, career_table

PARTIAL_DATE_SCHEMA: dict[str, Any] = {
    "type": "string",
    "nullable": True,
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "example": "2023-07",
    "description": (
        "A date only as precise as the sources know it: the year ('2023'), the year and "
        "month ('2023-07') or the day ('2023-07-14'), as its `*_precision` says; null "
        "when unknown."
    ),
}


def partial_date_text(value: datetime.date | None, precision: str) -> str | None:
    """'2023', '2023-07' or '2023-07-14': never a day (or month) the source did not give,
    such as the 31 December kept for an 'until 2024'."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


@extend_schema_field(PARTIAL_DATE_SCHEMA)
class PartialDateField(serializers.Field):
    """A date field read with its `<name>_precision` sibling (the field reads the record)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str | None:
        name = str(self.field_name)
        return partial_date_text(getattr(value, name), getattr(value, f"{name}_precision"))


class PrecisionField(serializers.ChoiceField):
    """`<date>_precision`: null when the date itself is null, not the stored default."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "How precise the date beside it is; null when it is null.")
        super().__init__(
            DatePrecision.choices, source="*", read_only=True, allow_null=True, **kwargs
        )

    def to_representation(self, value: Any) -> str | None:  # type: ignore[override]
        name = str(self.field_name)
        if getattr(value, name.removesuffix("_precision")) is None:
            return None
        return str(getattr(value, name))


class PlayerSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="player-detail", lookup_field="slug")
    name = serializers.CharField(read_only=True, help_text="Known-as name, else full name.")
    nationalities = serializers.SlugRelatedField[Country](
        many=True, read_only=True, slug_field="code", help_text="ISO codes."
    )
    current_club = ClubRefSerializer(read_only=True, allow_null=True)
    date_of_birth = PartialDateField()
    date_of_birth_precision = PrecisionField()

    class Meta:
        model = Player
        fields = [
            "slug",
            "url",
            "name",
            "full_name",
            "known_as",
            "date_of_birth",
            "date_of_birth_precision",
            "nationalities",
            "position",
            "position_detail",
            "current_club",
            "status",
            "updated_at",
        ]


class SpellSerializer(OutputSerializer):
    club = ClubRefSerializer(read_only=True)
    owner_club = ClubRefSerializer(
        read_only=True, allow_null=True, help_text="For a loan: the club that owns the player."
    )
    start = PartialDateField()
    start_precision = PrecisionField()
    end = PartialDateField()
    end_precision = PrecisionField()

    class Meta:
        model = Spell
        fields = [
            "club",
            "kind",
            "owner_club",
            "start",
            "start_precision",
            "end",
            "end_precision",
            "note",
        ]


class StatLineSerializer(serializers.Serializer):
    """Appearances and goals; null is 'did not take part', apart from 0, unless the field is
    listed in `unknown` (the source leaves it blank; for a total: it sums unknown values)."""

    league_apps = serializers.IntegerField(allow_null=True)
    league_goals = serializers.IntegerField(allow_null=True)
    cup_apps = serializers.IntegerField(allow_null=True, help_text="The national cup.")
    cup_goals = serializers.IntegerField(allow_null=True)
    league_cup_apps = serializers.IntegerField(allow_null=True)
    league_cup_goals = serializers.IntegerField(allow_null=True)
    continental_apps = serializers.IntegerField(allow_null=True)
    continental_goals = serializers.IntegerField(allow_null=True)
    other_apps = serializers.IntegerField(allow_null=True)
    other_goals = serializers.IntegerField(allow_null=True)
    total_apps = serializers.IntegerField(allow_null=True)
    total_goals = serializers.IntegerField(allow_null=True)
    unknown = serializers.ListField(
        child=serializers.CharField(), help_text="Fields whose value the sources do not give."
    )


class SeasonLineSerializer(StatLineSerializer):
    season = serializers.CharField(help_text="2023–24, or 2025 for a calendar-year season.")
    division = CompetitionRefSerializer(allow_null=True)
    division_tier = serializers.IntegerField(allow_null=True, help_text="1 is the top level.")
    on_loan = serializers.BooleanField()


class ClubStatisticsSerializer(serializers.Serializer):
    club = ClubRefSerializer()
    on_loan = serializers.BooleanField()
    seasons = SeasonLineSerializer(many=True)
    total = StatLineSerializer(help_text="Computed from the seasons above.")


class CareerStatisticsSerializer(serializers.Serializer):
    clubs = ClubStatisticsSerializer(many=True)
    total = StatLineSerializer(help_text="Career total, computed from every season.")


def line_data(line: Line) -> dict[str, Any]:
    data: dict[str, Any] = {
        name: line[name] for name in (*STAT_FIELDS, "total_apps", "total_goals")
    }
    data["unknown"] = sorted(
        name for name in (*STAT_FIELDS, "total_apps", "total_goals") if line.cell(name)[1]
    )
    return data


def career_statistics(rows: list[SeasonStatistics]) -> dict[str, Any]:
    """The season rows grouped by club with per-club and career totals (players.stats)."""
    table = career_table(rows)
    return {
        "clubs": [
            {
                "club": block.club,
                "on_loan": block.on_loan,
                "seasons": [
                    {
                        **line_data(line),
                        "season": row.season.label,
                        "division": row.division,
                        "division_tier": row.division_tier,
                        "on_loan": row.on_loan,
                    }
                    for row, line in block.lines
                ],
                "total": line_data(block.total),
            }
            for block in table.blocks
        ],
        "total": line_data(table.total),
    }


class CapSerializer(OutputSerializer):
    national_team = NationalTeamRefSerializer(read_only=True)
    debut = PartialDateField()
    debut_precision = PrecisionField()

    class Meta:
        model = Cap
        fields = [
            "national_team",
            "caps",
            "goals",
            "first_year",
            "last_year",
            "debut",
            "debut_precision",
            "note",
        ]


class InternationalMatchSerializer(OutputSerializer):
    national_team = NationalTeamRefSerializer(read_only=True)
    date = PartialDateField()
    date_precision = PrecisionField()

    class Meta:
        model = InternationalMatch
        fields = [
            "national_team",
            "date",
            "date_precision",
            "opponent",
            "goals_for",
            "goals_against",
            "note",
        ]


class BiographySectionSerializer(serializers.Serializer):
    heading = serializers.CharField()
    text = serializers.CharField()


class PlayerDetailSerializer(PlayerSerializer):
    alternative_names = serializers.SlugRelatedField[Any](
        many=True, read_only=True, slug_field="name"
    )
    country_of_birth = CountrySerializer(read_only=True, allow_null=True)
    photo = serializers.ImageField(read_only=True, use_url=True)
    photo_rendition = serializers.ImageField(read_only=True, use_url=True)
    spells = serializers.SerializerMethodField()
    loans = serializers.SerializerMethodField()
    statistics = serializers.SerializerMethodField()
    caps = CapSerializer(many=True, read_only=True)
    notable_matches = InternationalMatchSerializer(many=True, read_only=True)
    biography = BiographySectionSerializer(many=True, read_only=True, source="sections")
    contract_until = PartialDateField()
    contract_until_precision = PrecisionField()

    class Meta(PlayerSerializer.Meta):
        fields = [
            *PlayerSerializer.Meta.fields,
            "alternative_names",
            "place_of_birth",
            "country_of_birth",
            "height_cm",
            "contract_until",
            "contract_until_precision",
            "photo",
            "photo_rendition",
            "extra_facts",
            "spells",
            "loans",
            "statistics",
            "caps",
            "notable_matches",
            "biography",
            "created_at",
        ]

    @extend_schema_field(SpellSerializer(many=True))
    def get_spells(self, player: Player) -> Any:
        """Youth and senior spells (loans apart)."""
        spells = [spell for spell in player.spells.all() if not spell.is_loan]
        return SpellSerializer(spells, many=True, context=self.context).data

    @extend_schema_field(SpellSerializer(many=True))
    def get_loans(self, player: Player) -> Any:
        loans = [spell for spell in player.spells.all() if spell.is_loan]
        return SpellSerializer(loans, many=True, context=self.context).data

    @extend_schema_field(CareerStatisticsSerializer)
    def get_statistics(self, player: Player) -> dict:
        data = career_statistics(list(player.season_statistics.all()))
        return CareerStatisticsSerializer(data, context=self.context).data


class PlayerInputSerializer(ModelInputSerializer):
    country_of_birth = RefField(
        slug_field="code", queryset=Country.objects.all(), allow_null=True, required=False
    )
    nationalities = RefField(
        slug_field="code", queryset=Country.objects.all(), many=True, required=False
    )
    current_club = RefField(
        slug_field="slug", queryset=Club.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Player
        fields = [
            "full_name",
            "known_as",
            "slug",
            "status",
            "date_of_birth",
            "date_of_birth_precision",
            "place_of_birth",
            "country_of_birth",
            "nationalities",
            "position",
            "position_detail",
            "height_cm",
            "current_club",
            "contract_until",
            "contract_until_precision",
        ]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            param("position", "Playing position.", enum=Position.values),
            param("club", "Slug of the current club."),
            param("nationality", "ISO code of one of the nationalities, e.g. DE."),
            SEARCH,
            STATUS,
        ]
    ),
    **write_schema(PlayerDetailSerializer, "player"),
)
class PlayerViewSet(ApiViewSet):
    """Players; the detail has the whole career with computed totals."""

    queryset = Player.objects.all()
    pagination_class = IndexedPagination  # a million players: counted once, ids first
    output_serializer_class = PlayerSerializer
    detail_serializer_class = PlayerDetailSerializer
    input_serializer_class = PlayerInputSerializer
    filter_lookups = {
        "position": "position",
        "club": "current_club__slug",
        "nationality": "nationalities__code__iexact",
        "search": SEARCH_LOOKUP,
        "status": "status",
    }

    def get_queryset(self) -> models.QuerySet:
        request = self.request
        players = self.filtered(visible(request, Player.objects.select_related("current_club")))
        players = players.prefetch_related("nationalities").order_by("full_name", "pk")
        if self.action == "list":
            return players
        return with_career(
            players.select_related("country_of_birth"),
            interviews=self.interviews_queryset(),
            interviews_attr="visible_interviews",
        )

    def interviews_queryset(self) -> models.QuerySet | None:
        """The interviews the detail lists: none here; interviews.api adds them."""
        return None


# --- Clubs with their players (the club detail lists squads and loans) -------------


class PlayerRefSerializer(PublicRef, serializers.Serializer):
    """A player as other records list them (squads, loans, interviews); a draft player is
    null, or left out of a list, for the public."""

    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.HyperlinkedIdentityField(view_name="player-detail", lookup_field="slug")
    position = serializers.CharField()
    position_detail = serializers.CharField()

    class Meta:
        list_serializer_class = PublicListSerializer


class ClubLoanSerializer(serializers.Serializer):
    """A loan seen from a club: who, to or from which club, from–to."""

    player = PlayerRefSerializer()
    club = ClubRefSerializer(help_text="The borrowing club.")
    owner_club = ClubRefSerializer(help_text="The club that owns the registration.")
    start = PartialDateField()
    start_precision = PrecisionField()
    end = PartialDateField()
    end_precision = PrecisionField()
    note = serializers.CharField()


class ClubDetailSerializer(ClubSerializer):
    alternative_names = serializers.SlugRelatedField[Any](
        many=True, read_only=True, slug_field="name"
    )
    affiliates = ClubRefSerializer(many=True, read_only=True, source="visible_affiliates")
    squad = PlayerRefSerializer(
        many=True, read_only=True, help_text="Players whose current club this is."
    )
    loans_out = ClubLoanSerializer(
        many=True,
        read_only=True,
        source="current_loans_out",
        help_text="Players this club has out on loan now.",
    )
    loans_in = ClubLoanSerializer(
        many=True,
        read_only=True,
        source="current_loans_in",
        help_text="Players on loan at this club now.",
    )

    class Meta(ClubSerializer.Meta):
        fields = [
            *ClubSerializer.Meta.fields,
            "alternative_names",
            "affiliates",
            "squad",
            "loans_out",
            "loans_in",
            "created_at",
        ]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            param("country", "ISO code of the club's country, e.g. DE."),
            SEARCH,
            STATUS,
        ]
    ),
    **write_schema(ClubDetailSerializer, "club"),
)
class ClubViewSet(ApiViewSet):
    """Clubs; the detail has the current squad and the loans running today."""

    queryset = Club.objects.all()
    output_serializer_class = ClubSerializer
    detail_serializer_class = ClubDetailSerializer
    input_serializer_class = ClubInputSerializer
    filter_lookups = {
        "country": "country__code__iexact",
        "search": SEARCH_LOOKUP,
        "status": "status",
    }

    def get_queryset(self) -> models.QuerySet:
        request = self.request
        clubs = self.filtered(visible(request, Club.objects.select_related("country", "parent")))
        if self.action == "list":
            return clubs.order_by("name", "pk")
        players = visible(request, Player.objects.all())
        loans = Spell.objects.filter(
            loans_running(timezone.localdate()), player__in=players
        ).select_related("player", "club", "owner_club")
        return clubs.prefetch_related(
            "alternative_names",
            Prefetch(
                "affiliates",
                queryset=visible(request, Club.objects.all()),
                to_attr="visible_affiliates",
            ),
            Prefetch("current_players", queryset=players, to_attr="squad"),
            Prefetch("loans_out", queryset=loans, to_attr="current_loans_out"),
            Prefetch("spell_set", queryset=loans, to_attr="current_loans_in"),
        )
