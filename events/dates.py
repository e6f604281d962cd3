"""Uncertain dates: EDTF text in, bounds and words out.

Sources say "late February last year" or "in July". We keep what they say as Library of
Congress EDTF text (`2024-02-21/2024-02-29`, `2024-07`, `2024-12-20`), parse it with the
`edtf` library, and derive the earliest and latest day it can mean. Words and durations are
computed from those bounds, so an uncertain date is never shown as a false exact one.
"""

import calendar
import datetime
import functools
from dataclasses import dataclass

import edtf
from django.core.exceptions import ValidationError

EDTF_HELP = (
    "Extended Date/Time Format: a day 2024-12-20, a month 2024-07, a year 2024, "
    "or a range such as 2024-02-21/2024-02-29."
)


@dataclass(frozen=True)
class FuzzyDate:
    text: str
    lower: datetime.date
    upper: datetime.date

    @property
    def words(self) -> str:
        return in_words(self.lower, self.upper)


def _as_date(struct) -> datetime.date:
    return datetime.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


@functools.lru_cache(maxsize=4096)
def _bounds(text: str) -> tuple[datetime.date, datetime.date]:
    # The EDTF grammar costs about a tenth of a second a parse; the same few texts recur.
    parsed = edtf.parse_edtf(text)
    return _as_date(parsed.lower_strict()), _as_date(parsed.upper_strict())


def parse(text: str) -> FuzzyDate:
    """Parse EDTF text, or raise a ValidationError a person can act on."""
    text = (text or "").strip()
    try:
        lower, upper = _bounds(text)
    except Exception as error:  # the library raises several kinds for bad or open input
        raise ValidationError(
            "“%(text)s” is not a date Regiondev understands. Use the " + EDTF_HELP,
            code="invalid_edtf",
            params={"text": text},
        ) from error
    if lower > upper:
        raise ValidationError(
            "“%(text)s” ends before it starts.", code="reversed_edtf", params={"text": text}
        )
    return FuzzyDate(text=text, lower=lower, upper=upper)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@functools.lru_cache(maxsize=8192)
def in_words(lower: datetime.date, upper: datetime.date) -> str:
    """Say a span of days at its true precision: "20 December 2024", "late February 2024"."""
    if lower == upper:
        return f"{lower.day} {lower:%B %Y}"
    same_month = (lower.year, lower.month) == (upper.year, upper.month)
    if same_month:
        last = _last_day(lower.year, lower.month)
        if lower.day == 1 and upper.day == last:
            return f"{lower:%B %Y}"
        if lower.day == 1 and upper.day <= 10:
            return f"early {lower:%B %Y}"
        if lower.day >= 11 and upper.day <= 20:
            return f"mid-{lower:%B %Y}"
        if lower.day >= 20 and upper.day == last:
            return f"late {lower:%B %Y}"
        return f"{lower.day}–{upper.day} {lower:%B %Y}"
    whole_months = lower.day == 1 and upper.day == _last_day(upper.year, upper.month)
    if lower.year == upper.year and whole_months:
        if lower.month == 1 and upper.month == 12:
            return str(lower.year)
        if lower.month == 1 and upper.month <= 4:
            return f"early {lower.year}"
        if lower.month >= 9 and upper.month == 12:
            return f"late {lower.year}"
        return f"{lower:%B}–{upper:%B %Y}"
    return f"between {in_words(lower, lower)} and {in_words(upper, upper)}"


@dataclass(frozen=True)
class DayRange:
    shortest: int
    longest: int

    def __str__(self) -> str:
        if self.shortest == self.longest:
            return f"{self.shortest} days"
        return f"{self.shortest}–{self.longest} days"


def days_between(start: FuzzyDate, end: FuzzyDate) -> DayRange:
    """The time from one uncertain date to another, as the range the bounds allow."""
    return DayRange(
        shortest=max((end.lower - start.upper).days, 0), longest=(end.upper - start.lower).days
    )
