"""The JSON API under /api/v1/: each app contributes its viewsets (see <app>/api.py)."""

from collections.abc import Collection
from typing import cast

from django.conf import settings
from django.urls import path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
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

# Redoc injects its styles at run time (styled-components), which no nonce can cover: this
# page alone allows inline styles; its scripts still need the nonce or the site's origin.
REDOC_CSP: dict[str, Collection[str] | str] = {
    **cast("dict[str, Collection[str]]", settings.SECURE_CSP),
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "worker-src": [CSP.SELF, "blob:"],
}
REDOC = csp_override(REDOC_CSP)(SpectacularRedocView.as_view(url_name="api-schema"))

urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(authentication_classes=AUTHENTICATION),
        name="api-schema",
    ),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", REDOC, name="api-redoc"),
    *router.urls,
]
