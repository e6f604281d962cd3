"""Uncertain dates: EDTF or words in, EDTF, bounds and words out.

Sources say "late February last year" or "in July". We keep what they say as Library of
Congress EDTF text (`2024-02-21/2024-02-29`, `2024-07`, `2024-12-20`), parse it with the
`edtf` library, and derive the earliest and latest day it can mean. Words and durations are
computed from those bounds, so an uncertain date is never shown as a false exact one; and
where the EDTF text qualifies itself (`?` uncertain, `~` approximate, `%` both, on any part or
either end of a range), the words say so too (`said()`), and so does a duration reckoned from
it (`DayRange`): "24 January 2025 (uncertain)", "about 290 days".

`read()` is the one parser every form, the API, the import and the intake use. Besides EDTF it
reads a date the way the site prints it and people write it ("4 March 2025", "late February
2024", "March–April 2024", "2024년 2월 하순") and turns it into EDTF first. The `edtf`
library's own reader of English is not used for this: it reads "late February 2024" as all
of February and "early 2025" as all of 2025, and cannot read a span of months; the words here
mean exactly the days `in_words()` prints them for, so a date read back reads the same.
"""

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

import edtf
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext

EDTF_HELP = (
    "Write a day as 2024-12-20 or 4 March 2025, a month 2024-07 or July 2024, late February 2024, "
    "early 2025, a year 2024, March–April 2024, 2024년 2월 하순, or an EDTF range such as "
    "2024-02-21/2024-02-29."
)


@dataclass(frozen=True)
class Qualifier:
    """What an EDTF text says of its own certainty."""

    uncertain: bool = False
    approximate: bool = False

    def __bool__(self) -> bool:
        return self.uncertain or self.approximate

    def __or__(self, other: "Qualifier") -> "Qualifier":
        return Qualifier(self.uncertain or other.uncertain, self.approximate or other.approximate)


def qualifier_of(text: str) -> Qualifier:
    """`?` is uncertain, `~` approximate and `%` both, wherever they stand in the text."""
    marks = set(text or "")
    return Qualifier(uncertain=bool(marks & {"?", "%"}), approximate=bool(marks & {"~", "%"}))


def said(words: str, qualifier: Qualifier) -> str:
    """A date in words, with what its EDTF text says of its certainty."""
    if qualifier.uncertain and qualifier.approximate:
        return gettext("about %(date)s (uncertain)") % {"date": words}
    if qualifier.approximate:
        return gettext("about %(date)s") % {"date": words}
    if qualifier.uncertain:
        return gettext("%(date)s (uncertain)") % {"date": words}
    return words


@dataclass(frozen=True)
class FuzzyDate:
    text: str
    lower: datetime.date
    upper: datetime.date

    @property
    def qualifier(self) -> Qualifier:
        return qualifier_of(self.text)

    @property
    def words(self) -> str:
        """The span of days in words, qualified as the EDTF text qualifies itself."""
        return said(in_words(self.lower, self.upper), self.qualifier)


def _as_date(struct) -> datetime.date:
    return datetime.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


@functools.lru_cache(maxsize=4096)
def _bounds(text: str) -> tuple[datetime.date, datetime.date]:
    # The EDTF grammar costs about a tenth of a second a parse; the same few texts recur.
    parsed = edtf.parse_edtf(text)
    return _as_date(parsed.lower_strict()), _as_date(parsed.upper_strict())


MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    )
} | {"sept": 9}
# Parts of a month and of a year, as in_words() prints them: (first day, last day or None
# for the month's end) and (first month, last month).
PART_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
PART_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
KOREAN_PART_OF_MONTH = {"상순": "early", "초": "early", "중순": "mid", "하순": "late", "말": "late"}
KOREAN_PART_OF_YEAR = {"초": "early", "말": "late", "상반기": (1, 6), "하반기": (7, 12)}

_MONTH = r"(?P<{}>[a-z]{{3,9}})\.?"
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PART = r"(?P<part>early|mid|late)[\s-]*"
_WORD_PATTERNS = [
    re.compile(rf"^{pattern}$")
    for pattern in (
        rf"{_DAY.format('day')} {_MONTH.format('month')} {_YEAR}",
        rf"{_MONTH.format('month')} {_DAY.format('day')} {_YEAR}",
        rf"{_DAY.format('day')}–{_DAY.format('last_day')} {_MONTH.format('month')} {_YEAR}",
        rf"{_MONTH.format('month')} {_YEAR}",
        rf"{_PART}{_MONTH.format('month')} {_YEAR}",
        rf"{_MONTH.format('month')}–{_MONTH.format('last_month')} {_YEAR}",
        rf"{_PART}{_YEAR}",
        r"(?P<year>\d{4})년"
        r"(?: (?P<month>\d{1,2})월(?: (?P<day>\d{1,2})일| (?P<month_part>상순|중순|하순|초|말))?"
        r"| (?P<year_part>초|말|상반기|하반기))?",
    )
]
_BETWEEN = re.compile(r"^between (?P<first>.+) and (?P<last>.+)$")


def _normalise(text: str) -> str:
    """One spelling of the separators: lower case, single spaces, an en dash for a span."""
    text = re.sub(r"\s*[-–—]\s*(?=[a-z0-9])", "–", text.casefold().replace(",", " "))
    text = re.sub(r"(?<=[a-z])–(?=\d{4}$)", " ", text)
    text = re.sub(r"(?P<part>early|mid|late)–", r"\g<part> ", text)
    text = re.sub(r"(?<=[년월일])(?=\S)|(?<=\d)(?=[가-힣]{2,})", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _month(name: str | None) -> int:
    if name not in MONTHS:
        raise ValueError(name)
    return MONTHS[name]


def _day_span(year: int, month: int, part: str) -> str:
    first, last = PART_OF_MONTH[part]
    last = last or _last_day(year, month)
    return f"{year:04}-{month:02}-{first:02}/{year:04}-{month:02}-{last:02}"


def _month_span(year: int, first: int, last: int) -> str:
    return f"{year:04}-{first:02}/{year:04}-{last:02}"


def _words_to_edtf(text: str) -> str | None:
    """The EDTF for a date written in words, or None when the words are not a date."""
    if between := _BETWEEN.match(text):
        first, last = read(between["first"]), read(between["last"])
        return f"{first.lower.isoformat()}/{last.upper.isoformat()}"
    for pattern in _WORD_PATTERNS:
        if match := pattern.match(text):
            try:
                return _match_to_edtf(match.groupdict())
            except ValueError:  # "early 2025" has the shape of "March 2025"; read on
                continue
    return None


def _match_to_edtf(parts: dict) -> str:
    year = int(parts["year"])
    month = parts.get("month")
    if month is not None:
        month = int(month) if month.isdigit() else _month(month)
    if month_part := parts.get("month_part"):
        return _day_span(year, month, KOREAN_PART_OF_MONTH[month_part])
    if year_part := parts.get("year_part"):
        span = KOREAN_PART_OF_YEAR[year_part]
        return _month_span(year, *(PART_OF_YEAR[span] if isinstance(span, str) else span))
    if parts.get("last_month"):
        return _month_span(year, month, _month(parts["last_month"]))
    if parts.get("part"):
        if month is None:
            return _month_span(year, *PART_OF_YEAR[parts["part"]])
        return _day_span(year, month, parts["part"])
    if parts.get("last_day"):
        first, last = int(parts["day"]), int(parts["last_day"])
        return f"{year:04}-{month:02}-{first:02}/{year:04}-{month:02}-{last:02}"
    if parts.get("day"):
        return f"{year:04}-{month:02}-{int(parts['day']):02}"
    if month is not None:
        return f"{year:04}-{month:02}"
    return f"{year:04}"


def read(text: str) -> FuzzyDate:
    """Read a date given as EDTF or in words; its `.text` is the EDTF to store.

    Raises a ValidationError that says what was expected when the text is not a date.
    """
    written = (text or "").strip()
    try:
        edtf_text = _words_to_edtf(_normalise(written)) or written
        lower, upper = _bounds(edtf_text)
    except Exception as error:  # the library raises several kinds for bad or open input
        raise ValidationError(
            "“%(text)s” is not a date Regiondev can read. " + EDTF_HELP,
            code="invalid_date",
            params={"text": written},
        ) from error
    if lower > upper:
        raise ValidationError(
            "“%(text)s” ends before it starts.", code="reversed_date", params={"text": written}
        )
    return FuzzyDate(text=edtf_text, lower=lower, upper=upper)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def korean_active() -> bool:
    """Whether the page being made is Korean (its address starts /ko/)."""
    return (get_language() or "").startswith("ko")


def in_words(lower: datetime.date, upper: datetime.date) -> str:
    """Say a span of days at its true precision in the active language: "20 December 2024",
    "late February 2024"; on Korean pages "2024년 12월 20일", "2024년 2월 하순"."""
    return _korean_words(lower, upper) if korean_active() else _english_words(lower, upper)


@functools.lru_cache(maxsize=8192)
def _english_words(lower: datetime.date, upper: datetime.date) -> str:
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
    return f"between {_english_words(lower, lower)} and {_english_words(upper, upper)}"


# The same spans as _english_words, in the words read() reads back (KOREAN_PART_OF_MONTH/YEAR).
@functools.lru_cache(maxsize=8192)
def _korean_words(lower: datetime.date, upper: datetime.date) -> str:
    if lower == upper:
        return f"{lower.year}년 {lower.month}월 {lower.day}일"
    month = f"{lower.year}년 {lower.month}월"
    if (lower.year, lower.month) == (upper.year, upper.month):
        last = _last_day(lower.year, lower.month)
        if lower.day == 1 and upper.day == last:
            return month
        if lower.day == 1 and upper.day <= 10:
            return f"{month} 상순"
        if lower.day >= 11 and upper.day <= 20:
            return f"{month} 중순"
        if lower.day >= 20 and upper.day == last:
            return f"{month} 하순"
        return f"{month} {lower.day}–{upper.day}일"
    whole_months = lower.day == 1 and upper.day == _last_day(upper.year, upper.month)
    if lower.year == upper.year and whole_months:
        if lower.month == 1 and upper.month == 12:
            return f"{lower.year}년"
        if lower.month == 1 and upper.month <= 4:
            return f"{lower.year}년 초"
        if lower.month >= 9 and upper.month == 12:
            return f"{lower.year}년 말"
        return f"{lower.year}년 {lower.month}–{upper.month}월"
    return f"{_korean_words(lower, lower)}부터 {_korean_words(upper, upper)} 사이"


@dataclass(frozen=True)
class DayRange:
    shortest: int
    longest: int
    # Reckoned from a date its source gives as uncertain or approximate.
    qualifier: Qualifier = Qualifier()

    def __str__(self) -> str:
        unit = "일" if korean_active() else " days"
        if self.shortest == self.longest:
            days = f"{self.shortest}{unit}"
        else:
            days = f"{self.shortest}–{self.longest}{unit}"
        if self.qualifier.uncertain and self.qualifier.approximate:
            return gettext("about %(days)s (uncertain)") % {"days": days}
        if self.qualifier.approximate:
            return gettext("about %(days)s") % {"days": days}
        if self.qualifier.uncertain:
            return gettext("%(days)s (uncertain)") % {"days": days}
        return days


def days_between(start: FuzzyDate, end: FuzzyDate) -> DayRange:
    """The time from one uncertain date to another, as the range the bounds allow, as
    uncertain or approximate as either date."""
    return DayRange(
        shortest=max((end.lower - start.upper).days, 0),
        longest=(end.upper - start.lower).days,
        qualifier=start.qualifier | end.qualifier,
    )
