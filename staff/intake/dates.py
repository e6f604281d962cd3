"""Dates in a report, read against its publication date, as EDTF.

Reports date their events relative to the day they were filed: "on Jan. 14", "on the 5th",
"the previous day", "on Saturday", "late last year", 20일, 2월 28일, "am 15. Dezember". A
month and day without a year is the latest such day on or before the publication date; a day
alone ("on the 16th", 16일) is in the publication's month, or the month before when that day
is still to come. Month and weekday names of languages other than English are read by
dateparser; everything is returned as EDTF with its first and last possible day.
"""

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

import dateparser

from regiondev import dates

MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update(
    {
        name.casefold(): number
        for number, name in enumerate(calendar.month_abbr)
        if name and name.casefold() != "may"
    }
)
MONTHS["sept"] = 9
WEEKDAYS = {name.casefold(): number for number, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|last year|this year|next year|the previous year)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_MONTH_PART = (
    r"(?P<part>early|mid|middle of|late|the beginning of|the start of|the end of|"
    r"the first half of|the second half of)"
)
_YEAR_PART = (
    r"(?P<part>early|mid|late|beginning of|start of|end of|middle of|first half of|"
    r"second half of)"
)
# What may follow "on the 16th" when it is a day of the month, not "the 16th Congress".
_AFTER_DAY = (
    r"(?=\s*(?:[.,;:!?)]|$|\s(?:of this month|according|at|in|and|when|with|as|amid|under|to|"
    r"from|after|before|by|for|on|that)\b))"
)
_CJK_YEAR = r"(?:(?P<year>\d{4})\s*[년年]\s*|(?P<relative>지난해|작년|올해|금년|昨年|今年)\s*)?"
_GERMAN_MONTH = r"(?P<mname>[^\W\d_]{3,}\.?)"

DATE_PATTERNS = [
    (
        "day range",
        re.compile(
            rf"\bfrom\s+{_MONTH}\s+{_DAY}\s+(?:to|till|until|-|–)\s+(?P<day2>[0-3]?\d)\b"
            rf"(?:,?\s+{_YEAR}\b)?",
            re.IGNORECASE,
        ),
    ),
    (
        "day range",
        re.compile(
            rf"\b{_MONTH}\s+{_DAY}\s*(?:and|to|-|–)\s*(?P<day2>[0-3]?\d)\b(?!\s*[a-z%×])"
            rf"(?:,?\s+{_YEAR}\b)?",
            re.IGNORECASE,
        ),
    ),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)),
    ("day", re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)),
    ("day of month", re.compile(rf"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b{_AFTER_DAY}")),
    (
        "cjk day",
        re.compile(
            rf"(?<!\d){_CJK_YEAR}(?:(?P<month>\d{{1,2}})\s*[월月]\s*)?"
            r"(?P<day>\d{1,2})\s*[일日](?!\s*[간間])"
        ),
    ),
    (
        "cjk month",
        re.compile(r"(?<!\d)(?:(?P<year>\d{4})\s*[년年]\s*)?(?P<month>\d{1,2})\s*[월月](?!\s*\d)"),
    ),
    (
        "foreign day",
        re.compile(rf"\b(?P<day>[0-3]?\d)\.\s*{_GERMAN_MONTH}(?:\s+(?P<year>\d{{4}}))?"),
    ),
    (
        "previous day",
        re.compile(
            r"\bthe previous day\b|\bthe day before\b|\byesterday\b|\bgestern\b|전날|어제|前日"
            r"|昨日",
            re.IGNORECASE,
        ),
    ),
    # The day of publication; "오늘로부터 …전" counts back from it, "오늘날" is nowadays.
    ("today", re.compile(r"\btoday\b(?!'s)|\bheute\b|오늘(?!날|로부터|부터|까지)|今日", re.I)),
    (
        "same day",
        re.compile(
            r"\b(?:on\s+)?(?:the same day|that day|of the day|that evening|an diesem (?:Tag|Abend)"
            r"|am selben Tag)\b|같은 날|이날|当日|同日",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|"
            r"Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b"
            r"|(?P<weekday_ko>[월화수목금토일]요일)"
        ),
    ),
    (
        "month part",
        re.compile(rf"\b{_MONTH_PART}[\s-]+{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?\b", re.IGNORECASE),
    ),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<year>last)\b(?!\s+year)", re.IGNORECASE)),
    (
        "year part",
        re.compile(rf"\b(?:the\s+)?{_YEAR_PART}[\s-]+(?:the\s+)?{_YEAR}\b", re.IGNORECASE),
    ),
    (
        "month",
        re.compile(rf"\bin\s+{_MONTH}\b(?!\s*(?:\d|of\b|last\b|this\b|next\b))", re.IGNORECASE),
    ),
    ("cjk year", re.compile(r"(?P<year>지난해|작년|올해|금년|昨年|今年)")),
    ("year", re.compile(rf"\b(?:in|during|since|by|of|for)?\s*{_YEAR}\b", re.IGNORECASE)),
]
MONTH_PARTS = {
    "early": (1, 10),
    "the beginning of": (1, 10),
    "the start of": (1, 10),
    "mid": (11, 20),
    "middle of": (11, 20),
    "late": (21, 31),
    "the end of": (21, 31),
    "the first half of": (1, 15),
    "the second half of": (16, 31),
}
YEAR_PARTS = {
    "early": (1, 3),
    "beginning of": (1, 3),
    "start of": (1, 3),
    "mid": (5, 8),
    "middle of": (5, 8),
    "late": (10, 12),
    "end of": (10, 12),
    "first half of": (1, 6),
    "second half of": (7, 12),
}
CJK_YEARS = {"지난해": -1, "작년": -1, "昨年": -1, "올해": 0, "금년": 0, "今年": 0}


@dataclass
class FoundDate:
    """A date in the text, as written and as EDTF."""

    text: str
    sentence: int
    edtf: str
    lower: datetime.date
    upper: datetime.date
    from_context: bool = False
    refers_back: bool = False
    # "today", 오늘: the publication day, unless a speech quoted a day late says it; a date
    # the report gives for the same event wins over it.
    today: bool = False

    @property
    def words(self) -> str:
        return dates.in_words(self.lower, self.upper)

    @property
    def precise(self) -> bool:
        """A day, a few days, or within one month: precise enough to store unasked."""
        same_month = (self.lower.year, self.lower.month) == (self.upper.year, self.upper.month)
        return same_month or (self.upper - self.lower).days <= 10


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def edtf_text(lower: datetime.date, upper: datetime.date) -> str:
    """The shortest EDTF text for a span of days."""
    if lower == upper:
        return lower.isoformat()
    whole_months = lower.day == 1 and upper.day == _last_day(upper.year, upper.month)
    if whole_months and lower.year == upper.year and (lower.month, upper.month) == (1, 12):
        return str(lower.year)
    if whole_months and (lower.year, lower.month) == (upper.year, upper.month):
        return f"{lower:%Y-%m}"
    if whole_months:
        return f"{lower:%Y-%m}/{upper:%Y-%m}"
    return f"{lower.isoformat()}/{upper.isoformat()}"


def _day(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=1024)
def _foreign(text: str, language: str, base: datetime.date):
    """A month or weekday name of another language, by dateparser, or None."""
    settings = {
        "RELATIVE_BASE": datetime.datetime.combine(base, datetime.time()),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    languages = [language] if language in {"de", "fr", "es", "ru", "it", "nl", "ko"} else None
    parsed = dateparser.parse(text, languages=languages, settings=settings)
    return parsed.date() if parsed else None


class DateReader:
    """Reads dates against the publication date; without one, against the article's years."""

    def __init__(self, published: dates.FuzzyDate | None, language: str = "en"):
        self.published = published
        self.language = language
        known = published and published.lower.year == published.upper.year
        self.this_year = published.lower.year if known else None
        # The last day the report can have been filed: what "past" is measured from.
        self.base = published.upper if known else None
        self.day_known = bool(published and published.lower == published.upper)
        self.context_year = None
        self.last = None

    # --- years and the day "now" ---------------------------------------------------------

    def _now(self) -> tuple[datetime.date | None, bool]:
        if self.base:
            return self.base, False
        if self.context_year:
            return datetime.date(self.context_year, 12, 31), True
        return None, False

    def _year(self, written: str | None) -> int | None:
        if written is None:
            return self.this_year
        written = written.casefold()
        if written.isdigit():
            return int(written)
        if self.this_year is None:
            return None
        offset = {"last year": -1, "last": -1, "the previous year": -1, "this year": 0}
        return self.this_year + offset.get(written, 1)

    def _month_day(self, month: int, day: int | None, written_year: str | None):
        """The year of a month (and day) written without one: the latest not after now."""
        if written_year is not None:
            return self._year(written_year), False
        now, from_context = self._now()
        if now is None:
            return None, False
        later = (month, day or 1) > (now.month, now.day) if day else month > now.month
        return (now.year - 1 if later else now.year), from_context

    # --- one match ------------------------------------------------------------------------

    def span(self, kind: str, match: re.Match):
        groups = match.groupdict()
        from_context = False
        if kind == "year":
            year = self._year(groups["year"])
            if year is None:
                return None
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31), False
        if kind == "cjk year":
            if self.this_year is None:
                return None
            year = self.this_year + CJK_YEARS[groups["year"]]
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31), False
        if kind == "year part":
            year = self._year(groups["year"])
            if year is None:
                return None
            first, last = YEAR_PARTS[" ".join(groups["part"].casefold().split())]
            return (
                datetime.date(year, first, 1),
                datetime.date(year, last, _last_day(year, last)),
                False,
            )
        if kind == "previous day":
            if not self.day_known:
                return None
            day = self.published.lower - datetime.timedelta(days=1)
            return day, day, False
        if kind == "today":
            if not self.day_known:
                return None
            return self.published.lower, self.published.lower, False
        if kind == "same day":
            if self.last is None:
                return None
            return self.last.lower, self.last.upper, self.last.from_context
        if kind == "weekday":
            if not self.day_known:
                return None
            weekday = groups.get("weekday") or groups["weekday_ko"]
            language = "ko" if groups.get("weekday_ko") else self.language
            target = _foreign(weekday, language, self.published.lower)
            back = (self.published.lower.weekday() - target.weekday()) % 7 if target else None
            if back is None:
                return None
            day = self.published.lower - datetime.timedelta(days=back)
            return day, day, False
        if (
            kind in {"day of month", "cjk day"}
            and not groups.get("month")
            and not groups.get("relative")
        ):
            month_known = self.base and (self.published.lower.month == self.base.month)
            if not month_known:
                return None
            now, day = self.base, int(groups["day"])
            year, month = now.year, now.month
            if day > now.day and self.day_known:
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            found = _day(year, month, day)
            return (found, found, False) if found else None
        if kind == "foreign day":
            now, from_context = self._now()
            if now is None:
                return None
            text = f"{groups['day']}. {groups['mname']}" + (
                f" {groups['year']}" if groups["year"] else ""
            )
            found = _foreign(text, self.language, now)
            if found is None or found.day != int(groups["day"]):
                return None
            return found, found, from_context
        if kind in {"cjk day", "cjk month"}:
            if groups.get("relative"):
                if self.this_year is None:
                    return None
                groups = {**groups, "year": str(self.this_year + CJK_YEARS[groups["relative"]])}
            month = int(groups["month"])
            day = int(groups["day"]) if groups.get("day") else None
            year, from_context = self._month_day(month, day, groups.get("year"))
            if year is None or not 1 <= month <= 12:
                return None
            if day is None:
                return (
                    datetime.date(year, month, 1),
                    datetime.date(year, month, _last_day(year, month)),
                    from_context,
                )
            found = _day(year, month, day)
            return (found, found, from_context) if found else None
        if groups["month"].casefold() == "may" and (
            groups["month"] != "May" or not groups.get("day")
        ):
            return None  # the verb, not the month
        if (groups.get("year") or "").casefold() == "last":
            groups = {**groups, "year": None}  # "in February last": the latest February
        month = MONTHS[groups["month"].rstrip(".").casefold()]
        day = int(groups["day"]) if groups.get("day") else None
        year, from_context = self._month_day(month, day, groups.get("year"))
        if year is None:
            return None
        last_day = _last_day(year, month)
        if kind in {"day", "day range"}:
            first = _day(year, month, day)
            last = _day(year, month, int(groups["day2"])) if kind == "day range" else first
            if first is None or last is None or last < first:
                return None
            return first, last, from_context
        if kind == "month part":
            first, last = MONTH_PARTS[" ".join(groups["part"].casefold().split())]
            return (
                datetime.date(year, month, first),
                datetime.date(year, month, min(last, last_day)),
                from_context,
            )
        return datetime.date(year, month, 1), datetime.date(year, month, last_day), from_context

    def dates_in(self, sentence: str, number: int) -> list[FoundDate]:
        matches = []
        for kind, pattern in DATE_PATTERNS:
            for match in pattern.finditer(sentence):
                written = match.group()
                start = match.start() + len(written) - len(written.lstrip())
                if start < match.end():
                    matches.append((start, match.end(), kind, match))
        # Earliest first, the longest of those starting together; no overlaps.
        matches.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        found, taken_until = [], -1
        for start, end, kind, match in matches:
            if start < taken_until:
                continue
            span = self.span(kind, match)
            if span is None:
                continue
            lower, upper, from_context = span
            date = FoundDate(
                sentence[start:end].strip(),
                number,
                edtf_text(lower, upper),
                lower,
                upper,
                from_context=from_context,
                refers_back=kind == "same day",
                today=kind == "today",
            )
            found.append(date)
            taken_until = end
            if not date.refers_back:
                self.last = date
            if lower.year == upper.year and kind not in {"same day"}:
                self.context_year = lower.year
        return found
