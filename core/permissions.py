"""The API's permission class (its own module: the settings name it, and DRF imports it
while rest_framework.views is still loading, so it may import nothing of ours)."""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly


class ModelPermissionsOrAnonReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """DRF's DjangoModelPermissionsOrAnonReadOnly, answering an anonymous read before it
    builds the view's queryset only to learn the model (a GET needs no model permission,
    so the answer is the same: allowed)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in SAFE_METHODS and not request.user.is_authenticated:
            return True
        return bool(super().has_permission(request, view))
