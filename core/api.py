"""The pieces every app's API shares: bounded pagination, drafts for staff only,
validation by the model itself, ETags, schema helpers."""

import copy
import datetime
import hashlib
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, EmptyResultSet, FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import InvalidPage, Page
from django.db import connections, models, router
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from drf_spectacular.authentication import BasicScheme
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import authentication, exceptions, serializers, status, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.cache import content_version, is_anonymous, mark_private, not_modified, serve_public
from core.publishing import Publishable, Status, filter_by_search, is_public

# Slugs are unicode word characters and hyphens; anything else in the path is a 404
# before it reaches the database (PostgreSQL refuses NUL bytes in a query).
SLUG_PATTERN = r"[-\w]+"


class BasicAuthentication(authentication.BasicAuthentication):
    """HTTP Basic, but a NUL byte in the credentials is a failed login, not a 500
    (PostgreSQL refuses NUL in the user lookup)."""

    def authenticate_credentials(
        self, userid: str, password: str, request: Request | None = None
    ) -> tuple[Any, None]:
        if "\x00" in userid or "\x00" in password:
            raise exceptions.AuthenticationFailed("Invalid username/password.")
        return super().authenticate_credentials(userid, password, request)


AUTHENTICATION = [authentication.SessionAuthentication, BasicAuthentication]


# drf-spectacular is untyped: its __init_subclass__ registers the scheme.
class BasicAuthenticationScheme(BasicScheme):  # type: ignore[no-untyped-call]
    """Documents the subclass above as the usual HTTP Basic scheme."""

    target_class = "core.api.BasicAuthentication"


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100


class IdsFirst:
    """A list's queryset for a paginator, for tables that grow large: counted once per
    content version (a count of COUNTED_FROM rows or more is kept; counting a million
    rows costs tens of milliseconds on every page), a page read as its ids first (an
    index-only scan where an index matches the order, instead of an OFFSET over whole
    rows and their joins), then those rows. ids_next_to reads the page next to a known
    row by the order's values (keyset), with no OFFSET at all; a page ANCHOR_EVERY rows in
    or deeper starts from the nearest of the markers kept per content version (the id at
    every ANCHOR_EVERY-th row), so it walks fewer rows than that, not every row before it.
    Keyset reads and markers need an order by plain fields ending in the primary key."""

    ordered = True  # the paginator warns about an unordered list
    COUNTED_FROM = 1000
    ANCHOR_EVERY = 500

    def __init__(self, queryset: models.QuerySet[Any]):
        self.queryset = queryset
        self._count: int | None = None

    def _key(self, kind: str) -> str:
        try:
            sql, params = self.queryset.query.sql_with_params()
        except EmptyResultSet:
            return ""
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
        return f"api:{kind}:{digest}:{content_version()}"

    def count(self) -> int:
        if self._count is None:
            key = self._key("count")
            found = cache.get(key) if key else None
            if isinstance(found, int):
                self._count = found
            else:
                self._count = self.queryset.order_by().count()
                if key and self._count >= self.COUNTED_FROM:
                    cache.set(key, self._count, 24 * 3600)  # the key has the version
        return self._count

    def __len__(self) -> int:
        return self.count()

    def rows(self, ids: list[Any]) -> list[Any]:
        """The rows of ids, in that order, with what the queryset selects and prefetches."""
        found = self.queryset.order_by().in_bulk(ids) if ids else {}
        return [found[pk] for pk in ids if pk in found]

    def __getitem__(self, index: slice) -> list[Any]:
        start, stop = index.start or 0, index.stop
        if start >= self.ANCHOR_EVERY and stop is not None and index.step is None:
            anchors = self._anchors()
            k = min(start // self.ANCHOR_EVERY, len(anchors) - 1)
            if k > 0:
                skip = start - k * self.ANCHOR_EVERY
                ids = self.ids_next_to(anchors[k], skip + stop - start, inclusive=True)
                if ids is not None:
                    return self.rows(ids[skip:])
        page = self.queryset.prefetch_related(None).values_list("pk", flat=True)[index]
        return self.rows(list(page))

    def _order(self) -> list[tuple[str, bool]] | None:
        """The order's fields and whether each is descending; None where it is not plain
        fields ending in the primary key."""
        order = [field for field in self.queryset.query.order_by if isinstance(field, str)]
        if not order or len(order) != len(self.queryset.query.order_by):
            return None
        fields = [(field.lstrip("-"), field.startswith("-")) for field in order]
        if fields[-1][0] not in {"pk", self.queryset.model._meta.pk.name}:
            return None
        return fields

    def _anchors(self) -> list[Any]:
        """The ids at rows 0, ANCHOR_EVERY, 2 × ANCHOR_EVERY ... in order (one walk of the
        list when a deep page is first asked), kept per content version."""
        key, fields = self._key(f"anchors-{self.ANCHOR_EVERY}"), self._order()
        if not key or fields is None:
            return []
        anchors = cache.get(key)
        if not isinstance(anchors, list):
            order = [F(name).desc() if descending else F(name).asc() for name, descending in fields]
            numbered = (
                self.queryset.prefetch_related(None)
                .order_by()
                .annotate(row_in_list=Window(RowNumber(), order_by=order))
                .values("pk", "row_in_list")
            )
            sql, params = numbered.query.sql_with_params()
            every = int(self.ANCHOR_EVERY)  # (n - 1) mod every = 0; SQLite may lack mod()
            n = "row_in_list - 1"
            with connections[self.queryset.db].cursor() as cursor:
                cursor.execute(
                    f"SELECT pk FROM ({sql}) numbered"  # noqa: S608 - Django's SQL, an int
                    f" WHERE ({n}) - (({n}) / {every}) * {every} = 0 ORDER BY row_in_list",
                    params,
                )
                anchors = [pk for (pk,) in cursor.fetchall()]
            cache.set(key, anchors, 24 * 3600)
        return anchors

    def ids_next_to(
        self, pk: Any, n: int, *, forward: bool = True, inclusive: bool = False
    ) -> list[Any] | None:
        """The ids of the n rows after (forward) or before row pk in the queryset's order
        (from row pk on: inclusive), in that order; None where the order is not by plain
        fields ending in the primary key, the list has no row pk, or one of its ordering
        values is NULL."""
        fields = self._order()
        if fields is None:
            return None
        names = [name for name, _ in fields]
        # Row pk of this list only: a row its reader may not see (a draft) is no anchor.
        anchor = (
            self.queryset.prefetch_related(None).order_by().filter(pk=pk).values(*names).first()
        )
        if anchor is None or any(value is None for value in anchor.values()):
            return None
        # (a, b, pk) > (x, y, z): a > x, or a = x and b > y, or a = x, b = y and pk > z.
        beyond = models.Q()
        for i, (name, descending) in enumerate(fields):
            op = "gt" if forward != descending else "lt"
            if inclusive and i == len(fields) - 1:
                op += "e"
            same = {before: anchor[before] for before in names[:i]}
            beyond |= models.Q(**same, **{f"{name}__{op}": anchor[name]})
        first, descending = fields[0]
        start = models.Q(**{f"{first}__{'gte' if forward != descending else 'lte'}": anchor[first]})
        rows = self.queryset.filter(start, beyond)  # start: the range an index can seek to
        if not forward:
            rows = rows.reverse()
        ids = list(rows.prefetch_related(None).values_list("pk", flat=True)[:n])
        return ids if forward else ids[::-1]


class IndexedPagination(Pagination):
    """Page numbers as Pagination has them, over IdsFirst: the count kept per content
    version, a page's ids first. The next and previous links of a page CURSOR_FROM rows
    in or deeper also name the row they start from (after=<id>, before=<id>), and such a
    page is read from that row by the order's index, however deep (a client that follows
    the links never makes the database skip rows). A cursor that does not fill the page
    its number says (the list changed in between) gives way to the number."""

    CURSOR_FROM = 1000

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        cursor = "Optional: the next and previous links of deep pages set it, to read the page "
        return [
            *super().get_schema_operation_parameters(view),
            *(
                {
                    "name": name,
                    "required": False,
                    "in": "query",
                    "description": f"{cursor}{where} the item with this id (its page number "
                    "is still required; ignored where it does not give that page).",
                    "schema": {"type": "integer"},
                }
                for name, where in (("after", "after"), ("before", "before"))
            ),
        ]

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any] | None:
        self.request = request
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        rows = IdsFirst(queryset)
        paginator = self.django_paginator_class(rows, page_size)  # type: ignore[arg-type]
        number = self.get_page_number(request, paginator)
        page: Page[Any] | None = None
        after, before = query_param(request, "after"), query_param(request, "before")
        cursor = after or before
        asked = int(number) if str(number).isdigit() and len(str(number)) <= 9 else 0
        if cursor.isdigit() and len(cursor) <= 18 and 1 < asked <= paginator.num_pages:
            ids = rows.ids_next_to(int(cursor), page_size, forward=bool(after))
            expected = min(page_size, paginator.count - (asked - 1) * page_size)
            if ids is not None and len(ids) == expected:
                page = Page(rows.rows(ids), asked, paginator)
        if page is None:
            try:
                page = paginator.page(number)
            except InvalidPage as error:
                message = self.invalid_page_message.format(page_number=number, message=error)
                raise exceptions.NotFound(message) from error
        self.page = page
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return list(self.page)

    def get_next_link(self) -> str | None:
        link, page = super().get_next_link(), self.page
        if link is None or page is None:
            return link
        link = remove_query_param(link, "before")
        shown = list(page.object_list)
        if shown and page.end_index() >= self.CURSOR_FROM:
            return replace_query_param(link, "after", shown[-1].pk)
        return remove_query_param(link, "after")

    def get_previous_link(self) -> str | None:
        link, page = super().get_previous_link(), self.page
        if link is None or page is None:
            return link
        link = remove_query_param(link, "after")
        shown = list(page.object_list)
        deep = (page.number - 2) * page.paginator.per_page >= self.CURSOR_FROM
        if shown and deep:
            return replace_query_param(link, "before", shown[0].pk)
        return remove_query_param(link, "before")


def query_param(request: Request, name: str) -> str:
    """A query parameter, stripped, without the NUL bytes PostgreSQL refuses."""
    return request.query_params.get(name, "").replace("\x00", "").strip()


def can_see_drafts(request: Request, model: type[models.Model]) -> bool:
    """Drafts are for staff who may view the model (the Editors group), no one else."""
    user = request.user
    opts = model._meta
    return bool(
        user
        and user.is_authenticated
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


def visible[Q: models.QuerySet[Any]](request: Request, queryset: Q) -> Q:
    """Published rows for the public, every row for staff who may see drafts."""
    if can_see_drafts(request, queryset.model):
        return queryset
    return queryset.filter(status=Status.PUBLISHED)


def public_path(model: type[models.Model], lookup: str) -> list[str]:
    """The publishable relations a lookup walks through ('current_club__slug' on Player:
    ['current_club']), so a filter can be limited to what its reader may see."""
    paths, prefix = [], []
    for part in lookup.split("__"):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            break
        prefix.append(part)
        related = getattr(field, "related_model", None)
        if not isinstance(related, type):
            break
        if issubclass(related, Publishable):
            paths.append("__".join(prefix))
        model = related
    return paths


class PublicListSerializer(serializers.ListSerializer[Any]):
    """A list of references without the ones its reader may not see."""

    def to_representation(self, data: Any) -> list[Any]:
        return [item for item in super().to_representation(data) if item is not None]


class PublicRef:
    """Mixin for serializers of a reference to another record: a draft is null for every
    reader who may not see drafts (core.publishing.is_public); in a list it is left out
    (set ``Meta.list_serializer_class = PublicListSerializer``)."""

    context: dict[str, Any]

    def to_representation(self, instance: Any) -> Any:
        request = self.context.get("request")
        if not is_public(instance) and (
            request is None or not can_see_drafts(request, type(instance))
        ):
            return None
        return super().to_representation(instance)  # type: ignore[misc]


class UTCDateTimeField(serializers.DateTimeField):
    """Times go out in UTC ('Z'): the site's zone gives old dates offsets like +00:53:28
    (local mean time) that RFC 3339 clients reject."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", datetime.UTC)
        super().__init__(*args, **kwargs)


class SlugOutputField(serializers.CharField):
    """A slug as it is shown: a plain string (the input pattern of a unicode slug, \\w,
    means ASCII only to JSON Schema's regex dialect, so it would misdescribe 'müller')."""

    def __init__(self, *, allow_unicode: bool = False, **kwargs: Any) -> None:
        for input_only in ("validators", "allow_blank", "max_length"):
            kwargs.pop(input_only, None)
        super().__init__(**kwargs)


# The fields each output serializer class builds from its model (FieldsBuiltOnce).
_BUILT_FIELDS: dict[type, dict[str, serializers.Field[Any, Any, Any, Any]]] = {}


# ModelSerializer.get_fields reads the model's fields and builds every serializer field
# anew for each instance: for every nested serializer of every request (a fifth of the API
# player detail's time). They depend on the class alone, so they are built once per class
# and copied for each instance, as DRF copies the declared fields. (A comment, not a
# docstring: drf-spectacular would take it as the description of every serializer.)
class FieldsBuiltOnce:
    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        built = _BUILT_FIELDS.get(type(self))
        if built is None:
            built = copy.deepcopy(super().get_fields())  # type: ignore[misc]
            _BUILT_FIELDS[type(self)] = built
        return copy.deepcopy(built)


class OutputSerializer(FieldsBuiltOnce, serializers.ModelSerializer[Any]):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: UTCDateTimeField,
        models.SlugField: SlugOutputField,
    }


class RefField(serializers.SlugRelatedField[Any]):
    """A related record named by its slug or code; a NUL byte cannot name one (and
    PostgreSQL would refuse the query), so it is a 400 like any unknown name."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


class ErrorSerializer(serializers.Serializer[Any]):
    """The body of a 403, 404 or 429: what went wrong, in one sentence."""

    detail = serializers.CharField()


# The body of a 400 for a bad filter: messages per query parameter.
FILTER_ERRORS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


class ApiSchema(AutoSchema):
    """Reads need no credentials (DjangoModelPermissionsOrAnonReadOnly): say so in the schema.

    Every operation also documents the errors a generated client meets, so it does not
    raise "unexpected status": 429 when the throttle refuses, 404 for an unknown slug,
    400 for a bad filter value or body, 403 for a write without the permission.
    """

    def get_auth(self) -> list[dict[str, Any]]:
        auth = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auth:
            auth.append({})
        return auth

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation: dict[str, Any] | None = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses: dict[str, Any] = operation.setdefault("responses", {})
        error = self.resolve_serializer(ErrorSerializer, "response").ref

        def document(code: int, description: str, schema: dict[str, Any]) -> None:
            content = {media: {"schema": schema} for media in self.map_renderers("media_type")}
            responses.setdefault(str(code), {"content": content, "description": description})

        detail = "{" in self.path
        if self.method in {"POST", "PUT", "PATCH"}:
            document(400, "The body is not valid: messages per field.", {"type": "object"})
        elif self.method == "GET" and not detail and getattr(self.view, "filter_lookups", None):
            document(400, "A query parameter has a value it does not accept.", FILTER_ERRORS)
        if self.method not in SAFE_METHODS:
            document(403, "Writing needs a staff user with the model's permission.", error)
        if detail:
            document(404, "No record that this reader may see has this slug.", error)
        elif self.method == "GET":
            document(404, "The page number is past the last page.", error)
        document(429, "Too many requests: try again after Retry-After seconds.", error)
        return operation


class ModelInputSerializer(serializers.ModelSerializer[Any]):
    """Validates as the admin does: field validators, clean(), unique and check constraints.

    So a bad row is a 400 with a message per field, never an IntegrityError. The
    model is the only source of these rules; DRF's own copies of the unique-together
    validators are switched off (they would also make nullable fields required).
    """

    def get_validators(self) -> list[Any]:
        return []

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        model: type[models.Model] = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        many_to_many = {field.name for field in model._meta.many_to_many}
        for name, value in attrs.items():
            if name not in many_to_many:
                setattr(instance, name, value)
        # Like a ModelForm: fields this serializer does not edit are not validated
        # (an already stored photo is not re-read), the primary key always takes part.
        writable = {field.source for field in self._writable_fields}
        exclude = [
            field.name
            for field in model._meta.concrete_fields
            if field.name not in writable and not field.primary_key
        ]
        errors: dict[str, list[Any]] = {}
        try:
            instance.full_clean(exclude=exclude, validate_constraints=False)
        except DjangoValidationError as exc:
            errors = exc.update_error_dict(errors)
        errors = constraint_errors(instance, exclude, errors)
        if errors:
            detail = serializers.as_serializer_error(DjangoValidationError(errors))
            if NON_FIELD_ERRORS in detail:
                detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
            raise serializers.ValidationError(detail)
        return attrs


def constraint_errors(
    instance: models.Model, exclude: list[str], errors: dict[str, list[Any]]
) -> dict[str, list[Any]]:
    """Model.validate_constraints, but a check on a single field is reported on that field."""
    using = router.db_for_write(type(instance), instance=instance)
    for model_class, constraints in instance.get_constraints():
        for constraint in constraints:
            try:
                constraint.validate(model_class, instance, exclude=set(exclude), using=using)
            except DjangoValidationError as exc:
                condition = getattr(constraint, "condition", None)
                if isinstance(condition, models.Q):
                    fields = condition.referenced_base_fields
                else:
                    fields = set(getattr(constraint, "fields", ()))
                if len(fields) == 1 and (field := fields.pop()) != "pk":
                    errors.setdefault(field, []).append(exc)
                else:
                    errors = exc.update_error_dict(errors)
    return errors


SEARCH_LOOKUP = "search"


def field_choices(model: type[models.Model], lookup: str) -> list[str] | None:
    """The values a filter on a field with choices accepts ('position' on Player), or None
    when the lookup is not a plain field with choices."""
    try:
        field = model._meta.get_field(lookup)
    except FieldDoesNotExist:
        return None
    choices = getattr(field, "flatchoices", None)
    if not choices:
        return None
    return [str(value) for value, _label in choices]


class CachedReads:
    """Mixin for viewsets: an anonymous JSON list or detail is served like a public page
    (core.cache.serve_public: a 304 or the cached body from the content version, no
    query, Cache-Control: public); a signed-in reader's answer is never stored. The
    throttle and permissions still run first (they are in initial())."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """An anonymous conditional GET that is up to date gets its 304 before DRF builds
        its request, authenticates, checks permissions and counts the throttle: one cache
        read, as a page's 304 (issue 13: under 1 ms of worker CPU). Such an answer is not
        counted by the throttle; it costs less than the count would."""
        if self._quick_read(request):
            response = not_modified(request)
            if response is not None:
                response.headers["Allow"] = ", ".join(self.allowed_methods)  # type: ignore[attr-defined]
                patch_vary_headers(response, ("Accept",))
                return response
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc,no-any-return]

    def _quick_read(self, request: HttpRequest) -> bool:
        """A GET or HEAD of a list or detail that DRF would answer anonymously in JSON:
        no credentials (no Authorization header, no session cookie) and no format other
        than JSON asked for (the browsable API's HTML has ETags of its own)."""
        action_map: dict[str, str] = getattr(self, "action_map", {}) or {}
        if request.method not in {"GET", "HEAD"} or action_map.get(request.method.lower()) not in {
            "list",
            "retrieve",
        }:
            return False
        if "HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        format_asked = request.GET.get("format")
        if format_asked is not None:
            return format_asked == "json"
        accept = request.headers.get("Accept", "*/*")
        return ("json" in accept or "*/*" in accept) and "html" not in accept

    # Any: a cached answer is a plain HttpResponse, not the DRF Response the mixins declare.
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return self._read(super().list, request, *args, **kwargs)  # type: ignore[misc]

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return self._read(super().retrieve, request, *args, **kwargs)  # type: ignore[misc]

    def _read(self, handler: Any, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_anonymous(request):
            response: HttpResponseBase = handler(request, *args, **kwargs)
            mark_private(response)
            return response
        if getattr(request.accepted_renderer, "format", None) != "json":
            return handler(request, *args, **kwargs)  # type: ignore[no-any-return]

        def render() -> HttpResponseBase:
            answer: Response = handler(request, *args, **kwargs)
            answer.accepted_renderer = request.accepted_renderer
            answer.accepted_media_type = request.accepted_media_type or ""
            answer.renderer_context = self.get_renderer_context()  # type: ignore[attr-defined]
            answer.render()
            return answer

        return serve_public(request._request, render)


class ApiViewSet(CachedReads, viewsets.ModelViewSet[Any]):
    """Slugs in URLs, bounded pages, input and output serializers, ETags on details.

    Subclasses set output_serializer_class (list), detail_serializer_class and
    input_serializer_class.
    """

    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    pagination_class = Pagination
    authentication_classes = AUTHENTICATION
    schema = ApiSchema()
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    output_serializer_class: type[serializers.BaseSerializer[Any]]
    detail_serializer_class: type[serializers.BaseSerializer[Any]]
    input_serializer_class: type[serializers.BaseSerializer[Any]]
    # List filters: query parameter -> field lookup; SEARCH_LOOKUP is the model's
    # accent-insensitive name search.
    filter_lookups: dict[str, str] = {}

    def filtered[Q: models.QuerySet[Any]](self, queryset: Q) -> Q:
        """The declared filters; one through a draft (?club=<a draft club>) finds nothing
        for a reader who may not see that draft. A filter on a field with choices
        (?position=) answers 400 naming the values it accepts, not an empty list."""
        errors: dict[str, list[str]] = {}
        for name, lookup in self.filter_lookups.items():
            if value := query_param(self.request, name):
                allowed = field_choices(queryset.model, lookup)
                if allowed is not None and value not in allowed:
                    errors[name] = [
                        f"“{value}” is not one of the values it accepts: {', '.join(allowed)}."
                    ]
                    continue
                if lookup == SEARCH_LOOKUP:
                    queryset = filter_by_search(queryset, value)
                    continue
                queryset = queryset.filter(**{lookup: value})
                for path in public_path(queryset.model, lookup):
                    related = queryset.model._meta.get_field(path.split("__")[0]).related_model
                    if not can_see_drafts(self.request, related):
                        queryset = queryset.filter(**{f"{path}__status": Status.PUBLISHED})
        if errors:
            raise serializers.ValidationError(errors)
        return queryset

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        if self.action == "list":
            return self.output_serializer_class
        if self.action in {"create", "update", "partial_update"}:
            return self.input_serializer_class
        return self.detail_serializer_class

    def _saved(self, instance: models.Model, status_code: int) -> Response:
        # Read back through get_queryset so the answer is the detail, prefetched.
        instance = self.get_queryset().get(pk=instance.pk)
        data = self.detail_serializer_class(instance, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._saved(serializer.save(), status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return self._saved(serializer.save(), status.HTTP_200_OK)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        try:
            instance.delete()
        except models.ProtectedError as exc:
            return self._still_in_use(exc.protected_objects)
        except models.RestrictedError as exc:
            return self._still_in_use(exc.restricted_objects)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @staticmethod
    def _still_in_use(blockers: Iterable[models.Model]) -> Response:
        blocking = sorted({str(obj._meta.verbose_name_plural) for obj in blockers})
        return Response(
            {"detail": f"Still in use by {', '.join(blocking)}: remove those first."},
            status=status.HTTP_409_CONFLICT,
        )

    # A 304 is a plain HttpResponse, not a DRF Response: the stubs' return type is too narrow.
    def finalize_response(  # type: ignore[override]
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        response = super().finalize_response(request, response, *args, **kwargs)
        # Conditional GET on details: the ETag is a hash of the representation, so it
        # changes when anything shown changes (spells, statistics, turns…), not only
        # the row's updated_at; a matching If-None-Match gets a 304 without the body.
        # (An anonymous answer already has the content version's ETag: core.cache.)
        if (
            self.action == "retrieve"
            and request.method in {"GET", "HEAD"}
            and response.status_code == status.HTTP_200_OK
            and not response.has_header("ETag")
        ):
            response.render()
            set_response_etag(response)
            return (
                get_conditional_response(request, etag=response["ETag"], response=response)
                or response
            )
        return response


def write_schema(detail: type[serializers.BaseSerializer[Any]], name: str) -> dict[str, Any]:
    """The schema of the write operations: input serializer in, detail out."""
    conflict = OpenApiResponse(
        response=OpenApiTypes.OBJECT, description=f"The {name} is still referenced."
    )
    return {
        "create": extend_schema(responses={201: detail}),
        "update": extend_schema(responses={200: detail}),
        "partial_update": extend_schema(responses={200: detail}),
        "destroy": extend_schema(responses={204: None, 409: conflict}),
    }


def param(name: str, description: str, enum: list[str] | None = None) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, description=description, enum=enum)


SEARCH = param("search", "Words to find in any of the names, accents and case ignored.")
STATUS = param(
    "status",
    "Only drafts or only published records (the public sees no drafts).",
    enum=Status.values,
)
