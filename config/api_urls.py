"""The JSON API under /api/v1/: each app contributes its viewsets (see <app>/api.py)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from clubs.api import (
    CompetitionViewSet,
    CountryViewSet,
    NationalTeamViewSet,
)
from core.api import (
    AUTHENTICATION,
)
from interviews.api import InterviewViewSet, PlayerProfileViewSet
from players.api import (
    ClubViewSet,
)

router = DefaultRouter()
router.register("players", PlayerProfileViewSet, basename="player")
router.register("clubs", ClubViewSet, basename="club")
router.register("competitions", CompetitionViewSet, basename="competition")
router.register("national-teams", NationalTeamViewSet, basename="nationalteam")
router.register("interviews", InterviewViewSet, basename="interview")
router.register("countries", CountryViewSet, basename="country")

urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(authentication_classes=AUTHENTICATION),
        name="api-schema",
    ),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    *router.urls,
]
