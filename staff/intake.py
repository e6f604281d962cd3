"""Article intake: read a pasted article against the gazetteer and propose records.

Rules only, over the places in the database; no network service. The reading proposes:

- places: every province and county named in the text, by any spelling the search rule
  knows. Runs of one to four words are turned into search keys and looked up among the
  stored keys; only whole keys count, the run must start with a capital letter (or be
  hangul), and a place type after the name ("County", "Province") picks the level.
- dates: written dates ("December 20, 2024") and relative ones resolved against the
  publication date ("late February last year" in a 2025 article is 2024-02-21/2024-02-29,
  "in July last year" 2024-07, "with the beginning of this year" 2025-01/2025-03), as EDTF.
- events: each sentence that names an event kind (groundbreaking, inauguration, field
  guidance, consultative meeting) proposes one record per place it names, dated by the
  sentence's first date. "Similar ceremonies/events" repeats the kind of the sentence
  before. A sentence without a date takes the year of the last date the article gave before
  it (such articles tell their story in order); a later, undated mention of an event
  already proposed for the same place (a photo caption) proposes nothing more.

Nothing is written while reading. `confirm()` stores the source and the chosen records in one
transaction, each citing the source; a record equal to one already stored (same kind, place
and dates) is cited, not duplicated, so reading the same article again proposes nothing new.
"""

import calendar
import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from events import dates, services
from events.choices import CeremonyKind, VisitKind
from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Province
from sites.search import search_key

# The event kinds the rules recognise: (model, kind value, how articles write it).
EVENT_KINDS = {
    "groundbreaking": (
        Ceremony,
        CeremonyKind.GROUNDBREAKING.value,
        re.compile(r"\bground[-\s]?breaking\b", re.IGNORECASE),
    ),
    "inauguration": (
        Ceremony,
        CeremonyKind.INAUGURATION.value,
        re.compile(r"\binaugurat(?:ion|ed|ing)\b", re.IGNORECASE),
    ),
    "field guidance": (
        GuidanceVisit,
        VisitKind.FIELD_GUIDANCE.value,
        re.compile(r"\bfield guidance\b", re.IGNORECASE),
    ),
    "consultative meeting": (
        GuidanceVisit,
        VisitKind.CONSULTATIVE_MEETING.value,
        re.compile(r"\bconsultative meetings?\b", re.IGNORECASE),
    ),
}
SIMILAR = re.compile(r"\bsimilar (?:ceremon(?:y|ies)|events?|meetings?)\b", re.IGNORECASE)
LEADER_PRESENT = re.compile(
    r"\bKim Jong Un\b|\bin (?:his|the) presence\b|\bhe (?:gave|convened|attended|visited|"
    r"inspected|toured)\b",
    re.IGNORECASE,
)

# --- sentences and words --------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9\uac00-\ud7a3])")
_TOKEN = re.compile(r"[^\s,.;:!?()\[\]\"“”]+")
_POSSESSIVE = re.compile(r"['’]s$")
LEVEL_WORDS = {
    "province": Province,
    "county": County,
    "city": County,
    "district": County,
    "gun": County,
    "kun": County,
    "si": County,
    "guyok": County,
    "kuyok": County,
}
MAX_WORDS = 4
MIN_LATIN_KEY = 3


def sentences(text: str) -> list[str]:
    """The article's sentences: paragraphs (and captions) split at full stops."""
    found = []
    for paragraph in re.split(r"\n\s*\n|\r\n\s*\r\n", text or ""):
        paragraph = " ".join(paragraph.split())
        found.extend(part for part in _SENTENCE_END.split(paragraph) if part)
    return found


def _starts_a_name(word: str) -> bool:
    first = word[0]
    return first.isupper() or "\uac00" <= first <= "\ud7a3"


# --- places ---------------------------------------------------------------------------


@dataclass
class FoundPlace:
    """A name in the text and the places of the gazetteer it can mean."""

    text: str
    sentence: int
    candidates: list

    @property
    def place(self):
        """The place meant, when the name is not ambiguous."""
        return self.candidates[0] if len(self.candidates) == 1 else None


class Gazetteer:
    """Every stored search key of every province and county, read in two queries."""

    def __init__(self):
        self.by_key = defaultdict(list)
        for place in [*Province.objects.all(), *County.objects.select_related("province")]:
            for key in place.search_keys.split():
                self.by_key[key].append(place)

    def names_in(self, sentence: str, number: int) -> list[FoundPlace]:
        words = []
        for match in _TOKEN.finditer(sentence):
            word = _POSSESSIVE.sub("", match.group())
            if word:
                words.append((match.start(), match.start() + len(word)))
        found, index = [], 0
        while index < len(words):
            match = self._longest_name(sentence, words, index)
            if match is None:
                index += 1
                continue
            length, candidates = match
            start, end = words[index][0], words[index + length - 1][1]
            found.append(FoundPlace(sentence[start:end], number, candidates))
            index += length
        return _resolve_ambiguity(found)

    def _longest_name(self, sentence, words, index):
        if not _starts_a_name(sentence[words[index][0] : words[index][1]]):
            return None
        for length in range(min(MAX_WORDS, len(words) - index), 0, -1):
            start, end = words[index][0], words[index + length - 1][1]
            phrase = sentence[start:end]
            key = search_key(phrase)
            if not key or (key.isascii() and len(key) < MIN_LATIN_KEY):
                continue
            candidates = self.by_key.get(key)
            if not candidates:
                continue
            last_word = search_key(sentence[words[index + length - 1][0] : end]) or ""
            level = LEVEL_WORDS.get(last_word.casefold()) if length > 1 else None
            if level is not None:
                candidates = [place for place in candidates if isinstance(place, level)]
            if candidates:
                return length, candidates
        return None


def _resolve_ambiguity(found: list[FoundPlace]) -> list[FoundPlace]:
    """Keep, for a name several counties share, those in a province the sentence names."""
    named_provinces = {place.place.pk for place in found if isinstance(place.place, Province)}
    for place in found:
        if len(place.candidates) > 1 and named_provinces:
            inside = [
                candidate
                for candidate in place.candidates
                if isinstance(candidate, County) and candidate.province_id in named_provinces
            ]
            if inside:
                place.candidates = inside
    return found


def targets(found: list[FoundPlace]) -> list[tuple]:
    """The places a sentence's event happened at, as (county, province) pairs.

    A province named right beside one of its counties ("Hamju County of South Hamgyong
    Province") says where the county is; a province named alone is a place of its own.
    """
    counties = [place.place for place in found if isinstance(place.place, County)]
    provinces_of_counties = {county.province_id for county in counties}
    pairs = []
    for place in found:
        if isinstance(place.place, County):
            pairs.append((place.place, place.place.province))
        elif isinstance(place.place, Province) and place.place.pk not in provinces_of_counties:
            pairs.append((None, place.place))
    unique = []
    for pair in pairs:
        if pair not in unique:
            unique.append(pair)
    return unique


# --- dates ----------------------------------------------------------------------------

MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update(
    {
        name.casefold(): number
        for number, name in enumerate(calendar.month_abbr)
        if name and name.casefold() != "may"
    }
)
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

DATE_PATTERNS = [
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)),
    ("day", re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)),
    (
        "month part",
        re.compile(rf"\b{_MONTH_PART}[\s-]+{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?\b", re.IGNORECASE),
    ),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)),
    (
        "year part",
        re.compile(rf"\b(?:the\s+)?{_YEAR_PART}[\s-]+(?:the\s+)?{_YEAR}\b", re.IGNORECASE),
    ),
    (
        "month",
        re.compile(rf"\bin\s+{_MONTH}\b(?!\s*(?:\d|of\b|last\b|this\b|next\b))", re.IGNORECASE),
    ),
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


@dataclass
class FoundDate:
    """A date in the text, as written and as EDTF."""

    text: str
    sentence: int
    edtf: str
    lower: datetime.date
    upper: datetime.date

    @property
    def words(self) -> str:
        return dates.in_words(self.lower, self.upper)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _edtf(lower: datetime.date, upper: datetime.date) -> str:
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


class DateReader:
    """Reads dates against the publication date, which anchors "last year" and "this year"."""

    def __init__(self, published: dates.FuzzyDate | None):
        self.published = published
        known = published and published.lower.year == published.upper.year
        self.this_year = published.lower.year if known else None

    def _year(self, written: str | None) -> int | None:
        if written is None:
            return self.this_year
        written = written.casefold()
        if written.isdigit():
            return int(written)
        if self.this_year is None:
            return None
        offset = {"last year": -1, "the previous year": -1, "this year": 0, "next year": 1}
        return self.this_year + offset[written]

    def _month_year(self, month: int, written_year: str | None) -> int | None:
        year = self._year(written_year)
        if written_year is None and year is not None and self.published:
            # "in July" in an article of March 2025 is July 2024.
            month_known = (self.published.lower.year, self.published.lower.month) == (
                self.published.upper.year,
                self.published.upper.month,
            )
            if month_known and month > self.published.lower.month:
                year -= 1
        return year

    def span(self, kind: str, match: re.Match):
        groups = match.groupdict()
        if kind == "year":
            year = self._year(groups["year"])
            if year is None:
                return None
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if kind == "year part":
            year = self._year(groups["year"])
            if year is None:
                return None
            first, last = YEAR_PARTS[" ".join(groups["part"].casefold().split())]
            return datetime.date(year, first, 1), datetime.date(year, last, _last_day(year, last))
        if groups["month"] == "may":
            return None  # the verb, not the month
        month = MONTHS[groups["month"].casefold()]
        year = self._month_year(month, groups.get("year"))
        if year is None:
            return None
        last_day = _last_day(year, month)
        if kind == "day":
            day = int(groups["day"])
            if not 1 <= day <= last_day:
                return None
            return datetime.date(year, month, day), datetime.date(year, month, day)
        if kind == "month part":
            first, last = MONTH_PARTS[" ".join(groups["part"].casefold().split())]
            return datetime.date(year, month, first), datetime.date(
                year, month, min(last, last_day)
            )
        return datetime.date(year, month, 1), datetime.date(year, month, last_day)

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
            lower, upper = span
            found.append(FoundDate(sentence[start:end], number, _edtf(lower, upper), lower, upper))
            taken_until = end
        return found


# --- events ---------------------------------------------------------------------------


@dataclass
class ProposedEvent:
    """A record the article supports, for staff to tick, correct and confirm."""

    kind: str
    date: str
    lower: datetime.date | None
    upper: datetime.date | None
    county: County | None
    province: Province | None
    sentence: str
    leader_present: bool
    date_from_context: bool = False
    existing: Ceremony | GuidanceVisit | None = None
    cites_source: bool = False

    @property
    def model(self):
        return EVENT_KINDS[self.kind][0]

    @property
    def is_new(self) -> bool:
        """Whether confirming it would store anything: a new record or a new citation."""
        return not (self.existing and self.cites_source)

    @property
    def place(self) -> str:
        if self.county:
            return f"{self.county}, {self.province}"
        return str(self.province) if self.province else "place not named"


@dataclass
class Reading:
    sentences: list[str]
    places: list[FoundPlace] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    events: list[ProposedEvent] = field(default_factory=list)
    source: Source | None = None

    @property
    def new_events(self) -> list[ProposedEvent]:
        return [event for event in self.events if event.is_new]

    @property
    def named_places(self) -> list:
        """Each place found, once, in the order the article names them."""
        unique = []
        for found in self.places:
            for place in found.candidates:
                if place not in unique:
                    unique.append(place)
        return unique


def existing_source(*, title: str, url: str = "") -> Source | None:
    """The stored source for this article, by its title or its URL."""
    same = Source.objects.filter(title__iexact=title.strip())
    if url:
        same = same | Source.objects.filter(url=url)
    return same.order_by("pk").first()


def read_article(*, text: str, published: str, title: str = "", url: str = "") -> Reading:
    """Propose places, dates and events for an article; writes nothing."""
    try:
        publication = dates.parse(published) if published else None
    except ValidationError:
        publication = None
    reading = Reading(sentences=sentences(text))
    gazetteer, date_reader = Gazetteer(), DateReader(publication)
    context_year, previous_kind = None, None
    for number, sentence in enumerate(reading.sentences):
        places = gazetteer.names_in(sentence, number)
        found_dates = date_reader.dates_in(sentence, number)
        reading.places.extend(places)
        reading.dates.extend(found_dates)
        kind = _kind_in(sentence) or (previous_kind if SIMILAR.search(sentence) else None)
        if kind:
            _propose(reading, kind, sentence, places, found_dates, context_year)
            previous_kind = kind
        if found_dates and found_dates[-1].lower.year == found_dates[-1].upper.year:
            context_year = found_dates[-1].lower.year
    reading.source = existing_source(title=title, url=url) if title else None
    mark_existing(reading.events, reading.source)
    return reading


def _kind_in(sentence: str) -> str | None:
    positions = [
        (match.start(), kind)
        for kind, (_, _, pattern) in EVENT_KINDS.items()
        if (match := pattern.search(sentence))
    ]
    return min(positions)[1] if positions else None


def _propose(reading, kind, sentence, places, found_dates, context_year) -> None:
    pairs = targets(places) or [(None, None)]
    date, lower, upper, from_context = "", None, None, False
    if found_dates:
        date, lower, upper = found_dates[0].edtf, found_dates[0].lower, found_dates[0].upper
    else:
        already = {(event.kind, event.county, event.province) for event in reading.events}
        if all((kind, county, province) in already for county, province in pairs):
            return  # an undated mention of events already proposed, e.g. a photo caption
        if context_year:
            date, from_context = str(context_year), True
            lower, upper = datetime.date(context_year, 1, 1), datetime.date(context_year, 12, 31)
    for county, province in pairs:
        reading.events.append(
            ProposedEvent(
                kind=kind,
                date=date,
                lower=lower,
                upper=upper,
                county=county,
                province=province,
                sentence=sentence,
                leader_present=bool(LEADER_PRESENT.search(sentence)),
                date_from_context=from_context,
            )
        )


def mark_existing(events: list[ProposedEvent], source: Source | None) -> None:
    """Find, for each proposal, the stored record it describes and whether it cites the source.

    A record is the same when it has the same kind, place and dates; or when it cites this
    source, has the same kind and place, and its dates lie within the proposal's (a date staff
    made more precise when they confirmed it). Two queries per event model, however many
    proposals there are.
    """
    for model in (Ceremony, GuidanceVisit):
        mine = [event for event in events if event.model is model and event.lower]
        if not mine:
            continue
        same_dates = Q(date_lower__in={event.lower for event in mine})
        stored = list(
            model.objects.filter(
                same_dates | Q(sources=source) if source else same_dates,
                kind__in={EVENT_KINDS[event.kind][1] for event in mine},
            )
            .distinct()
            .prefetch_related("sources")
        )

        def cites(record) -> bool:
            return source is not None and source in record.sources.all()

        for event in mine:
            place = (
                EVENT_KINDS[event.kind][1],
                event.county.pk if event.county else None,
                event.province.pk if event.province else None,
            )
            here = [r for r in stored if (r.kind, r.county_id, r.province_id) == place]
            equal = [r for r in here if (r.date_lower, r.date_upper) == (event.lower, event.upper)]
            within = [
                r
                for r in here
                if cites(r) and event.lower <= r.date_lower and r.date_upper <= event.upper
            ]
            ranked = sorted(equal, key=lambda record: not cites(record)) + within
            event.existing = ranked[0] if ranked else None
            event.cites_source = bool(event.existing and cites(event.existing))


# --- confirmation ---------------------------------------------------------------------


@dataclass
class Choice:
    """One proposal as staff confirmed it, after their corrections."""

    kind: str
    date: str
    county: County | None = None
    province: Province | None = None
    place_name: str = ""
    leader_present: bool = False
    summary: str = ""


@dataclass
class Outcome:
    source: Source
    source_created: bool
    created: list = field(default_factory=list)
    cited: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


def build_event(choice: Choice):
    """The unsaved record for a choice, checked by the model; raises ValidationError."""
    model, kind_value, _ = EVENT_KINDS[choice.kind]
    check = services.check_ceremony if model is Ceremony else services.check_guidance_visit
    return check(
        kind=kind_value,
        date=choice.date,
        county=choice.county,
        province=choice.province,
        place_name=choice.place_name,
        leader_present=choice.leader_present,
        summary=choice.summary,
    )


def _find_equal(event):
    return (
        type(event)
        .objects.filter(
            kind=event.kind,
            county=event.county,
            province=event.province,
            date_lower=event.date_lower,
            date_upper=event.date_upper,
        )
        .order_by("pk")
        .first()
    )


@transaction.atomic
def confirm(*, article: Source, choices: list[Choice]) -> Outcome:
    """Store the article (unless it is stored already) and the chosen records, citing it."""
    source = existing_source(title=article.title, url=article.url)
    created_source = source is None
    if created_source:
        article.full_clean()
        article._change_reason = "Article intake"
        article.save()
        source = article
    outcome = Outcome(source=source, source_created=created_source)
    for choice in choices:
        event = build_event(choice)
        equal = _find_equal(event)
        if equal is None:
            event._change_reason = "Article intake"
            event.save()
            event.sources.add(source)
            outcome.created.append(event)
        elif not equal.sources.filter(pk=source.pk).exists():
            equal.sources.add(source)
            outcome.cited.append(equal)
        else:
            outcome.unchanged.append(equal)
    return outcome
