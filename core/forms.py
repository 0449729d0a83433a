"""Form pieces every app's admin shares: a partial date entered in one field."""

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.publishing import DatePrecision
from core.templatetags.kader import partial_date
from core.text import MONTH_SPELLINGS, normalize

YEARS = (1850, 2100)
"""The years a footballer's dates fall in; anything else is a typing error."""

# The month spellings folded like core.text.normalize folds the input ("März" → "marz").
MONTHS: dict[str, int] = {normalize(name): number for name, number in MONTH_SPELLINGS.items()}

# "2023"
YEAR_ONLY = re.compile(r"(?P<year>\d{4})")
# "2023-07"
ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")
# "07/2023", "7.2023"
NUMERIC_MONTH = re.compile(r"(?P<month>\d{1,2})[./](?P<year>\d{4})")
# "2023-07-01"
ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
# "1.7.2023", "01/07/2023" (day first, as in Germany and Britain)
NUMERIC_DAY = re.compile(r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})")
# "July 2023", "Juli 2023", "1 July 2023", "1. Juli 2023", "Sept. 2023"
NAMED_MONTH = re.compile(r"(?:(?P<day>\d{1,2})\.?\s+)?(?P<month>[^\W\d_]+)\.?\s+(?P<year>\d{4})")
# "July 1, 2023", "Jan. 5, 2023" (how the English admin prints a date)
MONTH_DAY_YEAR = re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")

SHAPES = (YEAR_ONLY, ISO_MONTH, NUMERIC_MONTH, ISO_DAY, NUMERIC_DAY, NAMED_MONTH, MONTH_DAY_YEAR)

HELP_TEXT = _("A year (2023), a month (07/2023, July 2023) or a day (1.7.2023, 2023-07-01).")


@dataclass(frozen=True)
class PartialDate:
    """A date and how much of it is known: 2023-12-31 known to the year is '2023'."""

    date: datetime.date
    precision: str

    def __str__(self) -> str:
        return partial_date(self.date, self.precision)


def parse_partial_date(text: str, *, last_day: bool = False) -> PartialDate:
    """'2023', '07/2023', 'Juli 2023' or '1.7.2023' as a date and its precision.

    A year or month stands for its first day, or with last_day for its last one (the
    end of a loan 'until 2024' is 31 December 2024), as the importer stores them.
    """
    cleaned = " ".join(text.split())
    for shape in SHAPES:
        match = shape.fullmatch(cleaned)
        if match:
            break
    else:
        raise ValidationError(
            _(
                "“%(value)s” is not a date: enter a year (2023), a month (07/2023, July 2023)"
                " or a day (1.7.2023, 2023-07-01)."
            ),
            code="invalid",
            params={"value": text},
        )
    parts = match.groupdict()
    year = int(parts["year"])
    month_text = parts.get("month")
    if month_text is None:
        month = None
    elif month_text.isdigit():
        month = int(month_text)
    else:
        month = MONTHS.get(normalize(month_text))
        if month is None:
            raise ValidationError(
                _("“%(month)s” is not a month."), code="invalid", params={"month": month_text}
            )
    day = int(parts["day"]) if parts.get("day") else None
    if not YEARS[0] <= year <= YEARS[1]:
        raise ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            code="invalid",
            params={"first": YEARS[0], "last": YEARS[1]},
        )
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(
            _("There is no month %(month)s."), code="invalid", params={"month": month}
        )
    if month is None:
        return PartialDate(
            datetime.date(year, 12, 31) if last_day else datetime.date(year, 1, 1),
            DatePrecision.YEAR,
        )
    if day is None:
        end = calendar.monthrange(year, month)[1]
        return PartialDate(datetime.date(year, month, end if last_day else 1), DatePrecision.MONTH)
    try:
        return PartialDate(datetime.date(year, month, day), DatePrecision.DAY)
    except ValueError:
        raise ValidationError(
            _("There is no such day: “%(value)s”."), code="invalid", params={"value": text}
        ) from None


class PartialDateField(forms.CharField):
    """One text field for a date known to the year, the month or the day."""

    def __init__(self, *, last_day: bool = False, **kwargs: Any) -> None:
        self.last_day = last_day
        kwargs.setdefault("help_text", HELP_TEXT)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("size", 14)

    def to_python(self, value: Any) -> PartialDate | None:  # type: ignore[override]
        if isinstance(value, PartialDate):
            return value
        text = super().to_python(value)
        if not text:
            return None
        return parse_partial_date(text, last_day=self.last_day)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, PartialDate):
            return str(value)
        return value


class PartialDatesForm(forms.ModelForm[Any]):
    """A model form whose partial dates are one field each: ``partial_dates`` maps a date
    field to its precision field and whether a year or month means its last day."""

    partial_dates: ClassVar[dict[str, tuple[str, bool]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (precision, last_day) in self.partial_dates.items():
            self.fields.pop(precision, None)
            if name not in self.fields:
                continue
            model_field = self.fields[name]
            self.fields[name] = PartialDateField(
                label=model_field.label,
                required=model_field.required,
                last_day=last_day,
                help_text=HELP_TEXT,
            )
            value = getattr(self.instance, name, None)
            if value is not None:
                self.initial[name] = PartialDate(value, getattr(self.instance, precision))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, (precision, _last_day) in self.partial_dates.items():
            if name not in cleaned:
                continue
            value = cleaned[name]
            if value is None:
                setattr(self.instance, precision, DatePrecision.DAY)
            else:
                cleaned[name] = value.date
                setattr(self.instance, precision, value.precision)
        return cleaned


class PlainTextField(forms.CharField):
    """Text as the editor left it: line endings as \\n (a browser sends a textarea's as
    \\r\\n) and leading spaces kept, so a save without a change is no change (the
    importer would otherwise see every saved section as edited)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return text.replace("\r\n", "\n").replace("\r", "\n") if text else text
