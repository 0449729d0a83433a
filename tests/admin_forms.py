"""Turn an admin change page into the POST data a browser would send back."""

from django.forms import BaseForm


def _field_value(form: BaseForm, name: str):
    field = form.fields[name]
    value = form[name].value()
    if value is None:
        return ""
    widget_value = field.widget.format_value(value) if not isinstance(value, list) else value
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return "on" if value else ""
    return "" if widget_value is None else widget_value


def form_data(response) -> dict:
    """The main form and every inline formset of an admin add/change page, as shown."""
    data: dict = {}
    adminform = response.context["adminform"].form
    for name in adminform.fields:
        value = _field_value(adminform, name)
        if value != "":
            data[name] = value
    inlines = response.context.get("inline_admin_formsets") or []
    for inline in inlines:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        data[management.add_prefix("TOTAL_FORMS")] = len(formset.initial_forms)
        for form in formset.initial_forms:
            for name in form.fields:
                value = _field_value(form, name)
                if value != "":
                    data[form.add_prefix(name)] = value
    return data


def inline_prefix(response, model_name: str, nth: int = 0) -> str:
    prefixes = [
        inline.formset.prefix
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model._meta.model_name == model_name
    ]
    return prefixes[nth]


def add_inline_rows(data: dict, prefix: str, rows: list[dict]) -> None:
    """Append new rows to the inline formset with this prefix."""
    start = int(data[f"{prefix}-TOTAL_FORMS"])
    for offset, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{start + offset}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = start + len(rows)
