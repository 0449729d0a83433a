"""Admin pieces every app shares: normalised search, autocomplete list filters, and a
history page that shows and reverts the changes of a record's inline records too."""

import datetime
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import adminsortable2.admin  # type: ignore[import-untyped]
from adminsortable2.admin import SortableAdminBase
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import PAGE_VAR, ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import formats, translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.utils import get_history_manager_for_model, get_m2m_reverse_field_name

from core.forms import PlainTextField
from core.publishing import filter_by_search
from core.templatetags.kader import partial_date
from core.text import word_changes

PLAIN_TEXT: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.TextField: {"form_class": PlainTextField}
}
"""formfield_overrides for admins and inlines with text an editor writes."""


class NormalizedSearchMixin:
    """Admin search through the model's search_text: accent- and case-insensitive."""

    search_fields = ("search_text",)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        if not search_term.strip():
            return queryset, False
        return filter_by_search(queryset, search_term), False


# --- Changelists of large tables ------------------------------------------------------


class CappedCountPaginator(Paginator[Any]):
    """A changelist paginator that never counts a whole large table.

    Django's admin counts every filtered row to number the pages (a full scan at 100,000
    players). This one counts no further than ``cap``, a few pages beyond the one asked
    for; past it the changelist says "more than N" and the page links stop at the last
    page known. Near the start it counts ``SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1)``
    (any index or the table, unordered, up to cap + 1 rows); on a deep page it reads the
    ids of the page and of the pages after it in one walk of the order's index, which the
    page needs anyway, so the OFFSET is walked once, not counted first. A page is read as
    its ids (an index-only scan when an index matches the order), then those rows.
    """

    base_cap = 1000  # rows always counted exactly
    ahead = 4  # pages counted beyond the one asked for (the page links show 3)

    def __init__(
        self,
        object_list: QuerySet[Any],
        per_page: int,
        *args: Any,
        page: int = 1,
        show_all_limit: int = 0,
        **kwargs: Any,
    ):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.rows = object_list
        self.asked = max(page, 1)
        # Counted at least as far as the changelist's "Show all" reaches, which it offers
        # for a count within list_max_show_all: never for a list that was not counted.
        self.base_cap = max(self.base_cap, show_all_limit)
        self.cap = max(self.base_cap, (self.asked + self.ahead) * int(per_page))
        self.window: list[Any] | None = None  # a deep page's ids and those after them

    def ids(self) -> QuerySet[Any]:
        return self.rows.prefetch_related(None).values_list("pk", flat=True)

    @cached_property
    def count(self) -> int:
        if self.cap == self.base_cap:
            # Unordered: the planner may stop at cap + 1 rows of any index or of the table.
            rows = self.rows.prefetch_related(None).order_by().values("pk")
            return rows[: self.cap + 1].count()
        bottom = (self.asked - 1) * int(self.per_page)
        self.window = list(self.ids()[bottom : self.cap + 1])
        # Past the end: as many rows as the pages before, so the page asked is invalid.
        return bottom + len(self.window)

    @property
    def capped(self) -> bool:
        """True when there are more rows than were counted: count is cap + 1."""
        return self.count > self.cap

    def page(self, number: Any) -> Page[Any]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self.window is not None and number == self.asked:
            ids = self.window[: self.per_page]
        else:
            ids = list(self.ids()[bottom : bottom + self.per_page])
        rows = self.rows.order_by().in_bulk(ids)
        return Page([rows[pk] for pk in ids if pk in rows], number, self)

    def get_elided_page_range(
        self, number: Any = 1, *, on_each_side: int = 3, on_ends: int = 2
    ) -> Iterator[Any]:
        if not self.capped:
            yield from super().get_elided_page_range(
                number, on_each_side=on_each_side, on_ends=on_ends
            )
            return
        # The last known page is not the last page: no end pages, an ellipsis instead.
        number = self.validate_number(number)
        if number > 1 + on_each_side + on_ends + 1:
            yield from range(1, on_ends + 1)
            yield self.ELLIPSIS
            yield from range(number - on_each_side, number + 1)
        else:
            yield from range(1, number + 1)
        yield from range(number + 1, min(number + on_each_side, self.num_pages) + 1)
        yield self.ELLIPSIS


class TiebreakInOrderChangeList(ChangeList):
    """The changelist's tie-break on the primary key in the direction of its first sort
    field: ``full_name, id`` or ``-full_name, -id``, which one (full_name, id) index reads
    forwards or backwards; Django's own ``-pk`` after an ascending field needs a sort."""

    def get_ordering(self, request: HttpRequest, queryset: QuerySet[Any]) -> list[Any]:
        ordering: list[Any] = list(super().get_ordering(request, queryset))
        first = ordering[0] if ordering else None
        if len(ordering) > 1 and ordering[-1] == "-pk" and isinstance(first, str):
            ordering[-1] = "-pk" if first.startswith("-") else "pk"
        return ordering


class LargeChangelistMixin:
    """For the admin of a table of 100,000 rows and more: the capped count and the
    ids-first pages of CappedCountPaginator, the tie-break in the index's direction, no
    facet counts, and the selection note honest when the count is capped. The model needs
    an index on (its default ordering, id)."""

    paginator = CappedCountPaginator
    show_full_result_count = False  # no COUNT(*) over the whole table either
    show_facets = admin.ShowFacets.NEVER  # a count per filter choice is a scan each

    def get_paginator(
        self,
        request: HttpRequest,
        queryset: QuerySet[Any],
        per_page: int,
        orphans: int = 0,
        allow_empty_first_page: bool = True,
    ) -> Paginator[Any]:
        try:
            page = int(request.GET.get(PAGE_VAR, 1))
        except ValueError:
            page = 1
        return self.paginator(
            queryset,
            per_page,
            orphans,
            allow_empty_first_page,
            page=page,
            show_all_limit=getattr(self, "list_max_show_all", 0),
        )

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return TiebreakInOrderChangeList

    def action_checkbox(self, obj: models.Model) -> str:
        """Django's row checkbox, written directly: its widget template cost 0.25 ms a
        row, a sixth of the changelist's render."""
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response: HttpResponse = super().changelist_view(  # type: ignore[misc]
            request, extra_context
        )
        context = getattr(response, "context_data", None) or {}
        changelist = context.get("cl")
        if getattr(getattr(changelist, "paginator", None), "capped", False):
            context["selection_note_all"] = gettext("All matching %(name)s selected") % {
                "name": context.get("module_name", "")
            }
        return response


# --- Autocomplete list filters -------------------------------------------------------


class AutocompleteFilter(admin.RelatedFieldListFilter):
    """A list filter on a foreign key that searches the related records as the editor
    types (the admin's own autocomplete) instead of listing every one of them: a filter
    by club must not read every club, nor count players per club.

    The related model's admin needs search_fields; the model admin using the filter
    takes AutocompleteFilterMedia for the scripts.
    """

    template = "admin/autocomplete_filter.html"

    def field_choices(self, field: Any, request: HttpRequest, model_admin: Any) -> list[Any]:
        return []  # the chosen record only, rendered by the widget

    def has_output(self) -> bool:
        return True

    def get_facet_counts(self, pk_attname: str, filtered_qs: QuerySet[Any]) -> dict[str, Any]:
        return {}

    def choices(self, changelist: Any) -> Iterator[Any]:  # the template's own keys
        remote = self.field.related_model
        assert remote is not None
        chooser = forms.ModelChoiceField(
            queryset=remote._default_manager.all(),
            required=False,
            widget=AutocompleteSelect(self.field, changelist.model_admin.admin_site),
        )
        value = self.lookup_val[-1] if self.lookup_val else ""
        own = {self.lookup_kwarg, self.lookup_kwarg_isnull, "p"}
        hidden = [
            (name, item)
            for name, values in changelist.params.items()
            if name not in own
            for item in (values if isinstance(values, list) else [values])
        ]
        yield {
            "widget": chooser.widget.render(
                self.lookup_kwarg,
                value,
                attrs={"id": f"filter-{self.field_path}", "aria-label": str(self.title)},
            ),
            "hidden": hidden,
            "selected": bool(value),
            "clear_url": changelist.get_query_string(remove=sorted(own)),
        }


class AutocompleteFilterMedia:
    """The autocomplete scripts on the changelist, for AutocompleteFilter."""

    @property
    def media(self) -> forms.Media:
        media: forms.Media = super().media  # type: ignore[misc]
        # The widget's media depends on the language only, not on a field or site.
        return media + AutocompleteSelect(None, getattr(self, "admin_site", None)).media  # type: ignore[arg-type]


# --- History with inline records -----------------------------------------------------


LONG_TEXT = 120  # characters: a longer change is shown as the words that changed


@dataclass
class FieldChange:
    field: str
    before: str
    after: str

    @property
    def words(self) -> list[tuple[str, str]]:
        """For a long text changed in place: the changed words in their context (empty
        for short values, which read best as before → after)."""
        if not (self.before and self.after):
            return []
        if max(len(self.before), len(self.after)) <= LONG_TEXT and "\n" not in (
            self.before + self.after
        ):
            return []
        return word_changes(self.before, self.after)


@dataclass
class HistoryEntry:
    """One historical row: who changed which record how, and where to revert it."""

    row: Any
    record: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)
    revert_url: str = ""

    @property
    def collapsed(self) -> bool:
        """A record created or deleted with many values: listed folded, not a row each."""
        return self.row.history_type in ("+", "-") and len(self.changes) > 3

    @property
    def date(self) -> datetime.datetime:
        return self.row.history_date  # type: ignore[no-any-return]

    @property
    def user(self) -> Any:
        return self.row.history_user

    @property
    def reason(self) -> str:
        return self.row.history_change_reason or ""


ACTIONS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


class InlineHistoryMixin:
    """The record's history page shows its own changes and those of its inline records
    (``history_related``: (model, name of the foreign key to this record)), each as date,
    user, record and field: before → after, with a button that reverts that one change.

    django-simple-history keeps a table per model and its admin shows only the record's
    own table (its issue #438); this page reads the inline models' tables by their
    foreign key, so deleted inline records are listed too.
    """

    history_related: ClassVar[Sequence[tuple[type[models.Model], str]]] = ()
    history_with_inlines_template = "admin/history_with_inlines.html"
    history_per_page = 50

    # Provided by ModelAdmin.
    model: type[models.Model]
    opts: Any
    admin_site: Any

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        revert = path(
            "<path:object_id>/history/revert/<str:label>/<int:history_id>/",
            self.admin_site.admin_view(self.revert_view),
            name="{}_{}_revert".format(*info),
        )
        return [revert, *super().get_urls()]  # type: ignore[misc]

    # -- reading ------------------------------------------------------------------

    def history_sources(self, obj: models.Model) -> list[tuple[type[models.Model], str | None]]:
        return [(self.model, None), *self.history_related]

    def history_rows(self, model: type[models.Model], fk: str | None, obj: models.Model) -> Any:
        manager = get_history_manager_for_model(model)
        pk_name = model._meta.pk.attname
        filters = {pk_name: obj.pk} if fk is None else {f"{fk}_id": obj.pk}
        return manager.filter(**filters).select_related("history_user")

    def history_entries(self, request: HttpRequest, obj: models.Model) -> list[HistoryEntry]:
        entries: list[HistoryEntry] = []
        names = RelatedNames()
        for model, fk in self.history_sources(obj):
            pk_name = model._meta.pk.attname
            rows = list(
                self.history_rows(model, fk, obj).order_by(pk_name, "history_date", "history_id")
            )
            names.prefetch(model, rows)
            previous: dict[Any, Any] = {}
            for row in rows:
                key = getattr(row, pk_name)
                entry = self.history_entry(request, obj, model, fk, row, previous.get(key), names)
                previous[key] = row
                if entry is not None:
                    entries.append(entry)
        entries.sort(key=lambda e: (e.row.history_date, e.row.history_id), reverse=True)
        return entries

    def history_entry(
        self,
        request: HttpRequest,
        obj: models.Model,
        model: type[models.Model],
        fk: str | None,
        row: Any,
        previous: Any,
        names: "RelatedNames",
    ) -> HistoryEntry | None:
        shown = [
            f
            for f in row.tracked_fields
            if f.editable and not f.primary_key and (fk is None or f.name != fk)
        ]
        precisions = partial_dates(model)
        changes: list[FieldChange] = []
        if row.history_type == "~" and previous is not None:
            delta = row.diff_against(previous, excluded_fields=[fk] if fk else None)
            changed = set(delta.changed_fields)
            # A date and its precision are one value for the editor: 'July 2023' → '2024'.
            changed = {
                next((d for d, p in precisions.items() if p == name), name) for name in changed
            }
            order = {f.name: i for i, f in enumerate(shown)}
            for name in sorted(changed, key=lambda n: order.get(n, len(order))):
                model_field: Any = model._meta.get_field(name)
                changes.append(
                    FieldChange(
                        str(capfirst(model_field.verbose_name)),
                        names.value(model_field, previous, precisions),
                        names.value(model_field, row, precisions),
                    )
                )
            if not changes:
                return None  # saved without a change
        else:
            for f in shown:
                if f.name in precisions.values():
                    continue  # shown with its date
                value = names.value(f, row, precisions)
                if value:
                    before, after = ("", value) if row.history_type != "-" else (value, "")
                    changes.append(FieldChange(str(capfirst(f.verbose_name)), before, after))
        instance = row.instance
        names.attach(instance, obj)
        record = f"{capfirst(model._meta.verbose_name)}: {instance}"
        entry = HistoryEntry(row, record, str(ACTIONS[row.history_type]), changes)
        if self.may_revert(request, model, fk, row, previous):
            entry.revert_url = reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_revert",
                args=(quote(obj.pk), model._meta.label_lower, row.history_id),
            )
        return entry

    def may_revert(
        self,
        request: HttpRequest,
        model: type[models.Model],
        fk: str | None,
        row: Any,
        previous: Any,
    ) -> bool:
        opts = model._meta
        action = {"~": "change", "+": "delete", "-": "add"}[row.history_type]
        if row.history_type == "~" and previous is None:
            return False  # no earlier state recorded
        if fk is None and row.history_type != "~":
            return False  # the record itself is neither deleted nor undone from its page
        return bool(request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"))

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
        if obj is None:  # a deleted record: simple-history's own page
            own: HttpResponse = super().history_view(  # type: ignore[misc]
                request, object_id, extra_context
            )
            return own
        if not self.has_view_or_change_permission(request, obj):  # type: ignore[attr-defined]
            raise PermissionDenied
        paginator = Paginator(self.history_entries(request, obj), self.history_per_page)
        page = paginator.get_page(request.GET.get("p"))
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("History: %(record)s") % {"record": obj},
            "opts": self.opts,
            "object": obj,
            "module_name": capfirst(self.opts.verbose_name_plural),
            "page_obj": page,
            "entries": page.object_list,
            "page_range": paginator.get_elided_page_range(page.number),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.history_with_inlines_template, context)

    # -- reverting ----------------------------------------------------------------

    def revert_view(
        self, request: HttpRequest, object_id: str, label: str, history_id: int
    ) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
        if obj is None:
            raise Http404
        sources = {m._meta.label_lower: (m, fk) for m, fk in self.history_sources(obj)}
        if label not in sources:
            raise Http404
        model, fk = sources[label]
        row = self.history_rows(model, fk, obj).filter(history_id=history_id).first()
        if row is None:
            raise Http404
        previous = row.prev_record
        if not self.may_revert(request, model, fk, row, previous):
            raise PermissionDenied
        history_url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_history",
            args=(quote(obj.pk),),
        )
        try:
            with transaction.atomic():
                done = revert(request, model, row, previous)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except (IntegrityError, ProtectedError) as error:
            messages.error(
                request, gettext("The change cannot be reverted: %(error)s") % {"error": error}
            )
        else:
            messages.success(request, done)
        return redirect(history_url)


def revert(request: HttpRequest, model: type[models.Model], row: Any, previous: Any) -> str:
    """Undo one historical row: a change gets its fields' earlier values back, a created
    record is deleted, a deleted one re-created; the new history row names the user."""
    manager = model._default_manager
    reason = gettext("Reverted the change of %(date)s") % {
        "date": formats.date_format(row.history_date, "SHORT_DATETIME_FORMAT")
    }
    current = manager.filter(pk=row.instance.pk).first()
    if row.history_type == "-":
        if current is not None:
            raise ValidationError(gettext("This record exists again; nothing to re-create."))
        restored = row.instance
        restored.validate_constraints()
        restored._history_user = request.user
        restored._change_reason = reason[:100]
        restored.save(force_insert=True)
        return gettext("“%(record)s” was re-created.") % {"record": restored}
    if current is None:
        raise ValidationError(
            gettext("This record has been deleted since; undo its deletion first.")
        )
    current._history_user = request.user  # type: ignore[attr-defined]
    current._change_reason = reason[:100]  # type: ignore[attr-defined]
    if row.history_type == "+":
        current.delete()
        return gettext("“%(record)s” was deleted again.") % {"record": current}
    delta = row.diff_against(previous)
    many: dict[str, list[Any]] = {}
    changed = []
    for change in delta.changes:
        model_field: Any = model._meta.get_field(change.field)
        if model_field.many_to_many:
            target = get_m2m_reverse_field_name(model_field)
            many[model_field.name] = [item[target] for item in change.old]
        else:
            setattr(current, model_field.attname, getattr(previous, model_field.attname))
            changed.append(model_field.name)
    excluded = [f.name for f in model._meta.fields if f.name not in changed]
    current.clean_fields(exclude=excluded)
    current.validate_constraints()
    current.save()
    for name, pks in many.items():
        getattr(current, name).set(pks)
    return gettext("The change of %(date)s to “%(record)s” was reverted.") % {
        "date": formats.date_format(row.history_date, "SHORT_DATETIME_FORMAT"),
        "record": current,
    }


def partial_dates(model: type[models.Model]) -> dict[str, str]:
    """The model's dates that have a precision field beside them: {'end': 'end_precision'}."""
    names = {f.name for f in model._meta.fields}
    return {
        f.name: f"{f.name}_precision"
        for f in model._meta.fields
        if isinstance(f, models.DateField) and f"{f.name}_precision" in names
    }


class RelatedNames:
    """Values of historical rows as an editor reads them: a club's name for its id, a
    choice's label, a date in the editor's language; related records read in bulk."""

    def __init__(self) -> None:
        self.records: dict[type[models.Model], dict[Any, models.Model]] = {}

    def prefetch(self, model: type[models.Model], rows: list[Any]) -> None:
        for f in model._meta.fields:
            if not f.many_to_one or f.related_model is None:
                continue
            related = f.related_model
            assert isinstance(related, type)
            wanted = {getattr(row, f.attname) for row in rows} - {None}
            known = self.records.setdefault(related, {})
            missing = wanted - known.keys()
            if missing:
                # With the required keys their names use (a national team's country).
                required = [g.name for g in related._meta.fields if g.many_to_one and not g.null]
                records = related._default_manager.all()
                if required:
                    records = records.select_related(*required)
                known.update(records.in_bulk(missing))

    def attach(self, instance: models.Model, obj: models.Model) -> None:
        """The rebuilt record's related records from the bulk read, so str() queries none."""
        for f in instance._meta.fields:
            if not f.many_to_one:
                continue
            value = getattr(instance, f.attname)
            related = obj if value == obj.pk and isinstance(obj, f.related_model) else None  # type: ignore[arg-type]
            related = related or self.records.get(f.related_model, {}).get(value)  # type: ignore[arg-type]
            if related is not None:
                f.set_cached_value(instance, related)  # type: ignore[attr-defined]

    def value(self, model_field: Any, row: Any, precisions: dict[str, str]) -> str:
        """The field's value in a historical row, a partial date as precise as it is known."""
        if model_field.many_to_many:
            target = get_m2m_reverse_field_name(model_field)
            pks = getattr(row, model_field.name).values_list(target, flat=True)
            return self.shown(model_field, [{target: pk} for pk in pks])
        value = getattr(row, model_field.attname)
        if model_field.name in precisions and value is not None:
            return partial_date(value, getattr(row, precisions[model_field.name]))
        return self.shown(model_field, value)

    def shown(self, model_field: Any, value: Any) -> str:
        if model_field.many_to_many:
            target = get_m2m_reverse_field_name(model_field)
            pks = [item[target] for item in value or ()]
            related = model_field.related_model._default_manager.in_bulk(pks)
            return ", ".join(sorted(str(related[pk]) for pk in pks if pk in related))
        if value is None or value == "" or value == [] or value == {}:
            return ""
        if model_field.many_to_one:
            record = self.records.get(model_field.related_model, {}).get(value)
            if record is None:
                record = model_field.related_model._default_manager.filter(pk=value).first()
            return (
                str(record) if record is not None else gettext("#%(id)s (deleted)") % {"id": value}
            )
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return str(_("yes") if value else _("no"))
        if isinstance(value, datetime.datetime):
            return formats.date_format(value, "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)


# --- Drag-and-drop ordering of inlines (django-admin-sortable2) -----------------------

# adminsortable2 2.3.1 picks its inline templates and its patched actions.js by Django's
# version and ships them up to 6.0; Django 6.1's stacked.html and tabular.html are those
# of 6.0 unchanged (compared), so the inlines name the 6.0 templates, and the admin keeps
# Django's own actions.js (the inlines need no patched one).


class SortableInlinesAdmin(SortableAdminBase):  # type: ignore[misc]
    """Base for a model admin with drag-and-drop inlines."""

    @property
    def media(self) -> forms.Media:
        media = super(SortableAdminBase, self).media
        script = "adminsortable2.js" if settings.DEBUG else "adminsortable2.min.js"
        return media + forms.Media(  # type: ignore[no-any-return]
            css={"all": ["adminsortable2/css/sortable.css"]}, js=[f"adminsortable2/js/{script}"]
        )


class SortableStackedInline(adminsortable2.admin.SortableStackedInline):  # type: ignore[misc]
    template = "adminsortable2/edit_inline/stacked-django-6.0.html"


class SortableTabularInline(adminsortable2.admin.SortableTabularInline):  # type: ignore[misc]
    template = "adminsortable2/edit_inline/tabular-django-6.0.html"


def refresh_search_text(instance: Any) -> None:
    """search_text again once the inlines and many-to-many fields are saved (alternative
    names, an interview's players), written without a second save and history row."""
    getattr(instance, "_prefetched_objects_cache", {}).clear()
    instance.refresh_search_text()
    type(instance)._default_manager.filter(pk=instance.pk).update(search_text=instance.search_text)


class AdminLanguageMiddleware:
    """The admin in the editor's language: the language cookie (the site's switcher),
    else the browser's Accept-Language. LocaleMiddleware gives every path without a
    language prefix the default language, as the English public pages need, and the
    admin has no prefix, so without this the admin was English for everyone."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response
        self.prefix = ""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.prefix:
            self.prefix = reverse("admin:index")
        if not request.path_info.startswith(self.prefix):
            return self.get_response(request)  # type: ignore[no-any-return]
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response: HttpResponse = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
