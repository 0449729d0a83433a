"""The JSON API under /api/v1/: each app contributes its viewsets (see <app>/api.py)."""

urlpatterns: list = []
