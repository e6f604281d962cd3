"""The shapes of date the synthetic records are given, as staff write them: a day, a month,
the end of a month, a year; each an EDTF text with the first and last day it can mean."""

import calendar
import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """An EDTF text and the first and last day it can mean."""

    text: str
    lower: datetime.date
    upper: datetime.date


def day(when: datetime.date) -> Span:
    return Span(when.isoformat(), when, when)


def month(when: datetime.date) -> Span:
    last = calendar.monthrange(when.year, when.month)[1]
    return Span(f"{when:%Y-%m}", when.replace(day=1), when.replace(day=last))


def late_month(when: datetime.date) -> Span:
    last = when.replace(day=calendar.monthrange(when.year, when.month)[1])
    start = when.replace(day=21)
    return Span(f"{start.isoformat()}/{last.isoformat()}", start, last)


def year(when: datetime.date) -> Span:
    return Span(str(when.year), datetime.date(when.year, 1, 1), datetime.date(when.year, 12, 31))
